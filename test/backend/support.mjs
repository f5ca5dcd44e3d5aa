// Shared set-up for the backend tests: a reference backend on free ports with a temporary
// database and pages, and a small cookie-keeping client that walks the OpenID flow like a browser.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_POST_LOGINS, DEMO_SWISSID_IDENTITIES } from '../../demo/server/demo-data.mjs';
import { startReferenceBackend } from '../../demo/server/index.mjs';

// The demo sign-ins, in the order of demo/server/demo-data.mjs.
const credentials = ({ email, password }) => ({ email, password });
export const [ANNA, MARC, LEA] = DEMO_ACCOUNTS.map(credentials);
export const [SARA_SWISSID, NEW_SWISSID, FRESH_SWISSID] = DEMO_SWISSID_IDENTITIES.map(credentials);
export const [PETER, NINA, SARA_POST, THOMAS] = DEMO_POST_LOGINS.map(credentials);

/**
 * Starts the backend on free ports with its own temp folder (database, pages, CDN build).
 * @param {import('../../demo/server/index.mjs').ReferenceBackendOptions} [options]
 */
export async function startTestBackend(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'post-login-backend-'));
  const pagesDir = join(dir, 'pages');
  const distDir = join(dir, 'cdn');
  mkdirSync(join(pagesDir, 'partner'), { recursive: true });
  mkdirSync(distDir);
  writeFileSync(join(pagesDir, 'index.html'), '<!doctype html><title>Demo</title>');
  writeFileSync(join(pagesDir, 'partner', 'index.html'), '<!doctype html><title>Partner</title>');
  writeFileSync(join(distDir, 'post-login.js'), 'export {};\n');
  writeFileSync(join(dir, 'secret.txt'), 'outside the served folders');

  const backend = await startReferenceBackend({
    swissidPort: 0, apiPort: 0, postLoginPort: 0, demoPort: 0, partnerPort: 0,
    dbFile: join(dir, 'reference.sqlite'), pagesDir, distDir, quiet: true, ...options,
  });
  return {
    backend,
    dir,
    dbFile: join(dir, 'reference.sqlite'),
    demoClient: { clientId: 'post-login-demo', redirectUri: `${backend.urls.demo}/` },
    /** The same client at the older Post customer login. */
    postLoginClient: { clientId: 'post-login-demo', redirectUri: `${backend.urls.demo}/`, issuer: backend.urls.postLogin },
    async close() {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A request to the account API, with an access token when given; a JSON `body` makes it a POST unless `method`
 * says otherwise.
 * @param {{ urls: { api: string } }} backend
 * @param {string} path
 * @param {{ token?: string, body?: unknown, headers?: Record<string, string>, method?: string }} [options]
 */
export function callApi(backend, path, { token, body, headers = {}, method = body === undefined ? 'GET' : 'POST' } = {}) {
  return fetch(`${backend.urls.api}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
}

/** A browser stand-in: keeps cookies (by name, one host) and never follows redirects on its own. */
export class Browser {
  /** @type {Map<string, string>} */
  cookies = new Map();

  /**
   * @param {string} url
   * @param {RequestInit & { form?: Record<string, string> }} [init]
   */
  async fetch(url, { form, headers = {}, ...init } = {}) {
    const all = { ...headers };
    if (this.cookies.size) all.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) {
      all['content-type'] = 'application/x-www-form-urlencoded';
      init.body = new URLSearchParams(form).toString();
      init.method ??= 'POST';
    }
    const res = await fetch(url, { ...init, headers: all, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects while they stay on `origin`; returns the last response and the URL that left it. */
  async follow(url, origin, init) {
    let res = await this.fetch(url, init);
    let current = url;
    while (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location'), current).href;
      if (!next.startsWith(`${origin}/`)) return { res, exit: next };
      current = next;
      res = await this.fetch(next);
    }
    return { res, url: current };
  }
}

/** PKCE pair (S256). */
export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * Starts an authorization request and lands on the provider's sign-in page (SwissID unless `issuer`
 * names another provider, e.g. backend.urls.postLogin).
 * @returns {Promise<{ browser: Browser, page: Response, pageUrl: string, html: string, state: string, nonce: string, verifier: string, issuer: string }>}
 */
export async function startAuthorization(backend, { clientId, redirectUri, scope = 'openid profile email', uiLocales, browser = new Browser(), issuer = backend.urls.swissid }) {
  const { verifier, challenge } = pkce();
  const state = randomBytes(12).toString('base64url');
  const nonce = randomBytes(12).toString('base64url');
  const url = new URL(`${issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(uiLocales ? { ui_locales: uiLocales } : {}),
  }).toString();
  const { res, url: pageUrl, exit } = await browser.follow(url.href, issuer);
  if (exit) throw new Error(`left the provider before the sign-in page: ${exit}`);
  return { browser, page: res, pageUrl, html: await res.text(), state, nonce, verifier, issuer };
}

/** Submits the sign-in form; returns the redirect back to the client (exit) or the re-rendered page. */
export async function submitLogin(backend, flow, { email, password }) {
  return flow.browser.follow(`${flow.pageUrl}/login`, flow.issuer ?? backend.urls.swissid, { form: { email, password } });
}

/** Exchanges a code at the token endpoint. */
export async function exchangeCode(backend, { clientId, redirectUri, code, verifier, headers = {}, issuer = backend.urls.swissid }) {
  const res = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, redirect_uri: redirectUri, code, code_verifier: verifier }),
  });
  return { res, body: await res.json() };
}

/** Uses a refresh token. */
export async function refresh(backend, { clientId, refreshToken, issuer = backend.urls.swissid }) {
  const res = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken }),
  });
  return { res, body: await res.json() };
}

/**
 * Access tokens of several logins, by the names given: SwissID sign-ins, and (`post`) older Post logins.
 * @param {Awaited<ReturnType<typeof startTestBackend>>} env
 * @param {Record<string, { email: string, password: string }>} swissid
 * @param {Record<string, { email: string, password: string }>} [post]
 * @returns {Promise<Record<string, string>>}
 */
export async function accessTokens(env, swissid, post = {}) {
  const token = async (client, account) => (await signIn(env.backend, client, account)).tokens.access_token;
  return Object.fromEntries(await Promise.all([
    ...Object.entries(swissid).map(async ([name, account]) => [name, await token(env.demoClient, account)]),
    ...Object.entries(post).map(async ([name, account]) => [name, await token(env.postLoginClient, account)]),
  ]));
}

/** The whole sign-in: authorization, sign-in page, code, tokens (at `client.issuer`, SwissID by default). */
export async function signIn(backend, client, account = ANNA) {
  const flow = await startAuthorization(backend, client);
  const { exit } = await submitLogin(backend, flow, account);
  const callback = new URL(exit);
  const { res, body } = await exchangeCode(backend, { ...client, code: callback.searchParams.get('code'), verifier: flow.verifier });
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}`);
  return { flow, callback, tokens: body };
}
