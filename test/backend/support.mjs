// Shared set-up for the backend tests: a reference backend on free ports with a temporary
// database and pages, and a small cookie-keeping client that walks the OpenID flow like a browser. Each simulated
// browser has its own DPoP key pair: every token request and every API call carries a proof of it (RFC 9449), as the
// widget sends them.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_POST_LOGINS, DEMO_SWISSID_IDENTITIES } from '../../demo/server/demo-data.mjs';
import { startReferenceBackend } from '../../demo/server/index.mjs';
import { DpopKey } from './dpop-client.mjs';

export { DpopKey };

/** What Post's own sites ask for: the OpenID scopes and every scope of the account API. */
export const FULL_SCOPE = 'openid profile email account.read addresses.read addresses.write account.link';
/** What a partner site asks for. */
export const PARTNER_SCOPE = 'openid profile email account.read addresses.read';
/** The SwissID sign-in that proves a SwissID for linking: no API scope. */
export const PROOF_SCOPE = 'openid profile email';

// The demo sign-ins, in the order of demo/server/demo-data.mjs.
const credentials = ({ email, password }) => ({ email, password });
export const [ANNA, MARC, LEA] = DEMO_ACCOUNTS.map(credentials);
export const [SARA_SWISSID, NEW_SWISSID, FRESH_SWISSID, CLAUDIA_SWISSID] = DEMO_SWISSID_IDENTITIES.map(credentials);
/** CLAUDIA (private, Bern) and WEBER (Weber Design GmbH, superadmin): Claudia Weber's two older logins. */
export const [PETER, NINA, SARA_POST, THOMAS, CLAUDIA, WEBER] = DEMO_POST_LOGINS.map(credentials);

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
  }).catch((error) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    backend,
    dir,
    dbFile: join(dir, 'reference.sqlite'),
    /** The demo site: a first-party client. */
    demoClient: { clientId: 'post-login-demo', redirectUri: `${backend.urls.demo}/` },
    /** The same client at the older Post customer login. */
    postLoginClient: { clientId: 'post-login-demo', redirectUri: `${backend.urls.demo}/`, issuer: backend.urls.postLogin },
    /** The partner page: a third-party client. */
    partnerClient: { clientId: 'partner-demo', redirectUri: `${backend.urls.partner}/`, scope: PARTNER_SCOPE },
    /** The same client at the older Post customer login. */
    postLoginPartnerClient: { clientId: 'partner-demo', redirectUri: `${backend.urls.partner}/`, scope: PARTNER_SCOPE, issuer: backend.urls.postLogin },
    async close() {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** @type {Map<string, DpopKey>} the key each access or refresh token the tests got is bound to */
const boundKeys = new Map();

/** The key a token the tests got is bound to (undefined for a token they did not get from the token endpoint). */
export const keyOf = (token) => boundKeys.get(token);

/**
 * @typedef {object} ApiCallOptions
 * @property {string} [token] the access token, sent as `Authorization: <scheme> <token>`
 * @property {'DPoP'|'Bearer'} [scheme] default 'DPoP'
 * @property {DpopKey|null} [dpop] the key that signs the proof: default the one the token is bound to; null: no proof
 * @property {string|import('./dpop-client.mjs').ProofOptions} [proof] the DPoP header itself, or what to change in
 *   the proof (e.g. `{ iat }`, `{ claims: { htm: 'POST' } }`)
 * @property {unknown} [body] JSON (or a string as it is); makes it a POST unless `method` says otherwise
 * @property {Record<string, string>} [headers]
 * @property {string} [method]
 * @property {AbortSignal} [signal]
 */

/**
 * A request to the account API, with an access token when given and a DPoP proof of its key for this request (its
 * method and URL without the query, the token's hash).
 * @param {{ urls: { api: string } }} backend
 * @param {string} path with the query, if any
 * @param {ApiCallOptions} [options]
 */
export async function callApi(backend, path, options = {}) {
  const { token, scheme = 'DPoP', body, headers = {}, method = body === undefined ? 'GET' : 'POST', signal } = options;
  const url = `${backend.urls.api}${path}`;
  return fetch(url, {
    method,
    signal,
    headers: {
      ...(token ? { authorization: `${scheme} ${token}`, ...(await proofHeader(method, url, token, options)) } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
}

/** The DPoP header of an API call (none without a key). */
async function proofHeader(method, url, token, { dpop = keyOf(token), proof }) {
  if (typeof proof === 'string') return { dpop: proof };
  if (!dpop) return {};
  return { dpop: await dpop.proof(method, url, { accessToken: token, ...proof }) };
}

/**
 * The Authorization and DPoP headers for one API request with `token` (for tests that make their own fetch).
 * @param {{ urls: { api: string } }} backend
 */
export async function apiAuthHeaders(backend, method, path, token) {
  return { authorization: `DPoP ${token}`, ...(await proofHeader(method, `${backend.urls.api}${path}`, token, {})) };
}

/** The account API's WWW-Authenticate answers (RFC 9449 section 7.1, RFC 6750 section 3.1). */
export const CHALLENGE = Object.freeze({
  /** no credentials at all */
  none: 'DPoP algs="ES256 Ed25519 EdDSA"',
  invalidToken: 'DPoP error="invalid_token", algs="ES256 Ed25519 EdDSA"',
  invalidProof: 'DPoP error="invalid_dpop_proof", algs="ES256 Ed25519 EdDSA"',
  /** @param {string} scope */
  insufficientScope: (scope) => `DPoP error="insufficient_scope", scope="${scope}"`,
});

/** A browser stand-in: keeps cookies (by name, one host) and never follows redirects on its own. */
export class Browser {
  /** @type {Map<string, string>} */
  cookies = new Map();

  /** @type {Promise<DpopKey>|undefined} */
  #key;

  /** This browser's DPoP key pair (made on first use, as the widget makes its own). */
  key() {
    this.#key ??= DpopKey.generate();
    return this.#key;
  }

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
 * @typedef {object} AuthorizationOptions
 * @property {string} clientId
 * @property {string} redirectUri
 * @property {string} [scope] default FULL_SCOPE
 * @property {string|null} [resource] the `resource` parameter; default the account API's resource, null: none
 * @property {string} [nonce] default a random one
 * @property {string} [prompt] e.g. 'login'
 * @property {number} [maxAge] the `max_age` parameter
 * @property {string} [uiLocales]
 * @property {Browser} [browser]
 * @property {string} [issuer] the provider (SwissID unless it names another, e.g. backend.urls.postLogin)
 * @property {string} [dpopJkt] the `dpop_jkt` parameter: binds the code to that key (RFC 9449 section 10)
 */

/** The authorization request's URL and what the client keeps for the token request. */
function authorizationRequest(backend, options) {
  const {
    clientId, redirectUri, scope = FULL_SCOPE, resource = backend.apiResource, nonce = randomBytes(12).toString('base64url'), prompt, maxAge,
    uiLocales, issuer = backend.urls.swissid, dpopJkt,
  } = options;
  const { verifier, challenge } = pkce();
  const state = randomBytes(12).toString('base64url');
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
    ...(resource ? { resource } : {}),
    ...(prompt ? { prompt } : {}),
    ...(maxAge === undefined ? {} : { max_age: String(maxAge) }),
    ...(uiLocales ? { ui_locales: uiLocales } : {}),
    ...(dpopJkt ? { dpop_jkt: dpopJkt } : {}),
  }).toString();
  return { url: url.href, state, nonce, verifier, issuer };
}

/**
 * Starts an authorization request and lands on the provider's sign-in page.
 * @param {AuthorizationOptions} options
 * @returns {Promise<{ browser: Browser, page: Response, pageUrl: string, html: string, state: string, nonce: string, verifier: string, issuer: string }>}
 */
export async function startAuthorization(backend, options) {
  const { browser = new Browser() } = options;
  const request = authorizationRequest(backend, options);
  const { res, url: pageUrl, exit } = await browser.follow(request.url, request.issuer);
  if (exit) throw new Error(`left the provider before the sign-in page: ${exit}`);
  return { browser, page: res, pageUrl, html: await res.text(), ...request };
}

/**
 * An authorization request in a browser that is signed in at the provider already: it leaves the provider at once
 * (`exit`), or stops at a page (`res`, `url`: the sign-in or consent page).
 * @param {AuthorizationOptions & { browser: Browser }} options
 */
export async function authorizeAgain(backend, options) {
  const request = authorizationRequest(backend, options);
  return { ...request, ...(await options.browser.follow(request.url, request.issuer)) };
}

/** Whether a provider page is its consent page. */
export const isConsentPage = (html) => /<button id="allow"/.test(html);

/**
 * Answers the consent page at `url` ('allow' or 'deny'); returns the redirect back to the client (`exit`).
 * @param {Browser} browser
 * @param {string} url the consent page's address (/interaction/…)
 * @param {'allow'|'deny'} decision
 */
export function answerConsent(browser, url, decision) {
  return browser.follow(`${url}/${decision === 'allow' ? 'consent' : 'abort'}`, new URL(url).origin, { method: 'POST' });
}

/** Submits the sign-in form; returns the redirect back to the client (exit) or the re-rendered page. */
export async function submitLogin(backend, flow, { email, password }) {
  return flow.browser.follow(`${flow.pageUrl}/login`, flow.issuer ?? backend.urls.swissid, { form: { email, password } });
}

/**
 * A token request with a DPoP proof of `dpop` (none when null); the tokens it gets are recorded as bound to that key.
 * @param {string} issuer
 * @param {Record<string, string>} params
 * @param {{ dpop: DpopKey|null, headers?: Record<string, string> }} options
 */
async function tokenRequest(issuer, params, { dpop, headers = {} }) {
  const url = `${issuer}/token`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(dpop ? { dpop: await dpop.proof('POST', url) } : {}), ...headers },
    body: new URLSearchParams(params),
  });
  const body = await res.json();
  if (dpop && res.status === 200) {
    for (const token of [body.access_token, body.refresh_token]) if (token) boundKeys.set(token, dpop);
  }
  return { res, body };
}

/**
 * Exchanges a code at the token endpoint (with `resource` when given, as the widgets send it) with a DPoP proof of
 * `dpop` (default a new key, as a browser of its own; null: no proof).
 */
export async function exchangeCode(backend, { clientId, redirectUri, code, verifier, resource, headers = {}, issuer = backend.urls.swissid, dpop }) {
  const key = dpop === undefined ? await DpopKey.generate() : dpop;
  return tokenRequest(issuer, {
    grant_type: 'authorization_code', client_id: clientId, redirect_uri: redirectUri, code, code_verifier: verifier, ...(resource ? { resource } : {}),
  }, { dpop: key, headers });
}

/**
 * Uses a refresh token (with `resource` when given) with a DPoP proof of `dpop` (default the key the refresh token
 * is bound to; null: no proof).
 */
export async function refresh(backend, { clientId, refreshToken, resource, issuer = backend.urls.swissid, dpop }) {
  const key = dpop === undefined ? keyOf(refreshToken) ?? await DpopKey.generate() : dpop;
  return tokenRequest(issuer, { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken, ...(resource ? { resource } : {}) }, { dpop: key });
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

/**
 * The whole sign-in: authorization, sign-in page, (for a partner) the consent page, code, tokens (at `client.issuer`,
 * SwissID by default), with `resource` on the token request as the widgets send it. A consent page fails the sign-in
 * unless `consent` says how to answer it.
 * @param {any} backend
 * @param {Partial<AuthorizationOptions> & { clientId: string, redirectUri: string }} client
 * @param {{ email: string, password: string }} [account]
 * @param {Partial<AuthorizationOptions> & { consent?: 'allow', dpop?: DpopKey|null }} [options] more authorization
 *   parameters; `dpop`: the key for the token request (default the browser's)
 */
export async function signIn(backend, client, account = ANNA, { consent, ...options } = {}) {
  /** @type {Partial<AuthorizationOptions> & { clientId: string, redirectUri: string, dpop?: DpopKey|null }} */
  const request = { ...client, ...options };
  const flow = await startAuthorization(backend, request);
  let { exit, res: page, url } = await submitLogin(backend, flow, account);
  let consentShown = false;
  if (!exit) {
    const html = await page.text();
    if (!isConsentPage(html)) throw new Error(`the provider stayed on a page: ${url}`);
    if (!consent) throw new Error(`a consent page for ${client.clientId}`);
    consentShown = true;
    ({ exit } = await answerConsent(flow.browser, url, consent));
  }
  const callback = new URL(exit);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code: ${callback.searchParams.get('error')}`);
  const resource = request.resource === undefined ? backend.apiResource : request.resource ?? undefined;
  const dpop = request.dpop === undefined ? await flow.browser.key() : request.dpop;
  const { res, body } = await exchangeCode(backend, { ...request, resource, code, verifier: flow.verifier, dpop });
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}`);
  return { flow, callback, tokens: body, consentShown };
}

/**
 * A link challenge for the older login of `postToken` (POST /link/challenge).
 * @returns {Promise<{ nonce: string, expiresAt: string }>}
 */
export async function linkChallenge(backend, postToken) {
  const res = await callApi(backend, '/link/challenge', { token: postToken, method: 'POST' });
  if (res.status !== 201) throw new Error(`POST /link/challenge answered ${res.status}`);
  return res.json();
}

/**
 * The SwissID sign-in that proves a SwissID for linking, as the widget makes it: no API scope, a fresh sign-in
 * (prompt=login, max_age=0), the challenge as nonce.
 * @param {Partial<AuthorizationOptions> & { consent?: 'allow' }} [options] more, or other, authorization parameters
 */
export function proofSignIn(backend, client, account, nonce, options = {}) {
  return signIn(backend, client, account, { scope: PROOF_SCOPE, prompt: 'login', maxAge: 0, nonce, ...options });
}

/**
 * The whole link, as the banner makes it: a challenge for the older login of `postToken`, the proof sign-in of
 * `swissid` at `client` with it, and POST /link with its ID token. Returns the answer and the ID token sent.
 * @param {{ email: string, password: string }} swissid
 */
export async function linkLogin(backend, client, postToken, swissid) {
  const { nonce } = await linkChallenge(backend, postToken);
  const idToken = (await proofSignIn(backend, client, swissid, nonce)).tokens.id_token;
  return { res: await callApi(backend, '/link', { token: postToken, body: { idToken } }), idToken, nonce };
}
