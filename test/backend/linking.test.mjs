import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { DEMO_LOGINS, DEMO_POST_LOGINS } from '../../demo/server/database.mjs';
import { ANNA, Browser, exchangeCode, refresh, signIn, startAuthorization, startTestBackend, submitLogin } from './support.mjs';

const PETER = { email: 'peter.invited@example.ch', password: 'Peter-Demo-2026' };
const NINA = { email: 'nina.notinvited@example.ch', password: 'Nina-Demo-2026' };
const SARA_POST = { email: 'sara.post@example.ch', password: 'SaraPost-Demo-2026' };
const THOMAS = { email: 'thomas.both@example.ch', password: 'Thomas-Demo-2026' };
const SARA_SWISSID = { email: 'sara.meier@example.ch', password: 'Sara-Demo-2026' };
const NEW_SWISSID = { email: 'new.swissid@example.ch', password: 'New-Demo-2026' };
const FRESH_SWISSID = { email: 'fresh.swissid@example.ch', password: 'Fresh-Demo-2026' };

const SUB = {
  peter: 'b1b2c3d4-0001-4000-8000-000000000001',
  nina: 'b1b2c3d4-0002-4000-8000-000000000002',
  saraPost: 'b1b2c3d4-0003-4000-8000-000000000003',
  thomas: 'b1b2c3d4-0004-4000-8000-000000000004',
  saraSwissId: 'a1b2c3d4-0004-4000-8000-000000000004',
  newSwissId: 'a1b2c3d4-0005-4000-8000-000000000005',
};

const THOMAS_ACCOUNTS = [
  { id: 'c1b2c3d4-0004-4000-8000-000000000004', type: 'private', email: 'thomas.both@example.ch', company: null, role: 'customer' },
  { id: 'c1b2c3d4-0005-4000-8000-000000000005', type: 'business', email: 'thomas@both-treuhand.ch', company: 'Both Treuhand GmbH', role: 'superadmin' },
];

describe('older Post customer login and linking to SwissID', () => {
  let env;
  let backend;
  let client;
  let postClient;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
    client = env.demoClient;
    postClient = { ...env.demoClient, issuer: backend.urls.postLogin };
  });
  afterEach(() => {
    backend.tamper.clear();
    backend.postLoginTamper.clear();
  });
  after(() => env.close());

  const api = (path, { token, body, headers = {}, method = body === undefined ? 'GET' : 'POST' } = {}) => fetch(`${backend.urls.api}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  const postLoginToken = async (account) => (await signIn(backend, postClient, account)).tokens.access_token;
  const swissIdTokens = async (account) => (await signIn(backend, client, account)).tokens;
  /** Everything the link may touch: the older logins and their accounts, every column. */
  const snapshot = () => ({
    logins: backend.db.prepare('SELECT * FROM post_logins ORDER BY id').all(),
    accounts: backend.db.prepare('SELECT * FROM post_accounts ORDER BY id').all(),
  });

  describe('older Post login provider', () => {
    it('publishes its own discovery document and keys', async () => {
      const doc = await (await fetch(`${backend.urls.postLogin}/.well-known/openid-configuration`)).json();
      assert.equal(doc.issuer, backend.urls.postLogin);
      assert.notEqual(doc.issuer, backend.urls.swissid);
      assert.deepEqual(doc.code_challenge_methods_supported, ['S256']);
      assert.equal(doc.authorization_response_iss_parameter_supported, true);
      assert.equal(doc.end_session_endpoint, `${backend.urls.postLogin}/session/end`);
      assert.deepEqual(doc.response_types_supported, ['code']);
      const own = await (await fetch(doc.jwks_uri)).json();
      const swissid = await (await fetch(`${backend.urls.swissid}/jwks`)).json();
      assert.equal(own.keys.length, 1);
      assert.notEqual(own.keys[0].kid, swissid.keys[0].kid);
      assert.notEqual(own.keys[0].n, swissid.keys[0].n);
    });

    it('runs authorization code + PKCE to a verified ID token (sub, name, email) and rotating refresh tokens', async () => {
      const flow = await startAuthorization(backend, postClient);
      assert.equal(flow.page.status, 200);
      const { exit } = await submitLogin(backend, flow, PETER);
      const callback = new URL(exit);
      assert.equal(`${callback.origin}${callback.pathname}`, client.redirectUri);
      assert.equal(callback.searchParams.get('iss'), backend.urls.postLogin, 'RFC 9207 iss parameter');
      assert.equal(callback.searchParams.get('state'), flow.state);

      const { res, body } = await exchangeCode(backend, { ...postClient, code: callback.searchParams.get('code'), verifier: flow.verifier });
      assert.equal(res.status, 200);
      const jwks = createRemoteJWKSet(new URL(`${backend.urls.postLogin}/jwks`));
      const { payload } = await jwtVerify(body.id_token, jwks, { issuer: backend.urls.postLogin, audience: client.clientId });
      assert.equal(payload.sub, SUB.peter);
      assert.equal(payload.name, 'Peter Brunner');
      assert.equal(payload.email, PETER.email);
      assert.equal(payload.nonce, flow.nonce);
      // Not a SwissID token: SwissID's keys do not verify it.
      const swissidJwks = createRemoteJWKSet(new URL(`${backend.urls.swissid}/jwks`));
      await assert.rejects(jwtVerify(body.id_token, swissidJwks));

      const renewed = await refresh(backend, { ...postClient, refreshToken: body.refresh_token });
      assert.equal(renewed.res.status, 200);
      assert.notEqual(renewed.body.refresh_token, body.refresh_token);
      const reused = await refresh(backend, { ...postClient, refreshToken: body.refresh_token });
      assert.equal(reused.body.error, 'invalid_grant');
    });

    it('refuses a request without PKCE and the SwissID accounts', async () => {
      const url = new URL(`${backend.urls.postLogin}/auth`);
      url.search = new URLSearchParams({ client_id: client.clientId, redirect_uri: client.redirectUri, response_type: 'code', scope: 'openid', state: 's' }).toString();
      const res = await fetch(url, { redirect: 'manual' });
      assert.equal(new URL(res.headers.get('location')).searchParams.get('error'), 'invalid_request');

      const flow = await startAuthorization(backend, { ...postClient, uiLocales: 'en' });
      const wrong = await submitLogin(backend, flow, ANNA);
      assert.equal(wrong.exit, undefined);
      assert.match(await wrong.res.text(), /role="alert">The e-mail address or password is not correct/);
    });

    it('has its own branded, localized, accessible sign-in page with the same ids and policy', async () => {
      const expected = {
        fr: ['Login client Poste', 'Se connecter', 'rattacher'],
        de: ['Kundenlogin Post', 'Anmelden', 'verknüpfen'],
        it: ['Login clienti Posta', 'Accedi', 'collegare'],
        en: ['Post customer login', 'Sign in', 'link'],
      };
      for (const [lang, [brand, submit, note]] of Object.entries(expected)) {
        const { html, page } = await startAuthorization(backend, { ...postClient, uiLocales: lang });
        assert.match(html, new RegExp(`<html lang="${lang}">`));
        assert.match(html, new RegExp(`<span class="brand-name">${brand}</span>`));
        assert.match(html, new RegExp(`<title>[^<]+ – ${brand}</title>`));
        assert.match(html, new RegExp(`<p class="note">[^<]*${note}`));
        assert.match(html, /<label for="email">/);
        assert.match(html, /id="email"[^>]*autocomplete="username"/);
        assert.match(html, /id="password"[^>]*autocomplete="current-password"/);
        assert.match(html, new RegExp(`<button type="submit" class="primary">${submit}</button>`));
        assert.match(html, /<button id="cancel" type="submit"/);
        assert.doesNotMatch(html, /SwissID<\/span>|<script>|<style|style=/);
        assert.equal(page.headers.get('content-security-policy'), "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors *");
      }
      const css = await fetch(`${backend.urls.postLogin}/assets/login.css`);
      assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    });

    it('keeps both providers apart in one browser and one SQLite file', async () => {
      const browser = new Browser();
      const swissidFlow = await startAuthorization(backend, { ...client, browser });
      await submitLogin(backend, swissidFlow, ANNA);
      const postFlow = await startAuthorization(backend, { ...postClient, browser });
      await submitLogin(backend, postFlow, NINA);
      // Cookies ignore ports: the two providers' cookies have different names, so both sessions last.
      for (const issuer of [backend.urls.swissid, backend.urls.postLogin]) {
        const url = new URL(`${issuer}/auth`);
        url.search = new URLSearchParams({ client_id: client.clientId, redirect_uri: client.redirectUri, response_type: 'code', scope: 'openid', state: 'again', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' }).toString();
        const { exit } = await browser.follow(url.href, issuer);
        assert.ok(new URL(exit).searchParams.get('code'), issuer);
      }
      const { db } = backend;
      const sessions = (table) => db.prepare(`SELECT payload FROM ${table} WHERE model = 'Session'`).pluck().all().map((p) => JSON.parse(p).accountId);
      assert.ok(sessions('post_login_oidc_models').includes(SUB.nina));
      assert.ok(!sessions('oidc_models').includes(SUB.nina));
      assert.ok(sessions('oidc_models').includes('a1b2c3d4-0001-4000-8000-000000000001'));

      // revokeRefreshTokens() covers both providers.
      const { tokens } = await signIn(backend, postClient, NINA);
      backend.revokeRefreshTokens();
      assert.equal((await refresh(backend, { ...postClient, refreshToken: tokens.refresh_token })).body.error, 'invalid_grant');
    });

    it('signs out through RP-initiated logout with its own texts', async () => {
      const { flow, tokens } = await signIn(backend, postClient, PETER);
      const url = new URL(`${backend.urls.postLogin}/session/end`);
      url.search = new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: client.redirectUri, ui_locales: 'fr' }).toString();
      const html = await (await flow.browser.fetch(url.href)).text();
      assert.match(html, /déconnecté du Login client Poste/);
      assert.match(html, /<script src="\/assets\/logout.js" defer><\/script>/);
    });

    it('stores the older logins\' passwords hashed, never in clear', () => {
      const { db } = backend;
      db.pragma('wal_checkpoint(TRUNCATE)');
      const files = [env.dbFile, `${env.dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
      for (const { password } of DEMO_LOGINS) {
        for (const content of files) assert.equal(content.includes(password), false);
      }
      const hashes = [
        ...db.prepare('SELECT password_hash FROM post_logins').pluck().all(),
        ...db.prepare('SELECT password_hash FROM swissid_identities').pluck().all(),
      ];
      assert.equal(hashes.length, DEMO_LOGINS.length - 3);
      assert.equal(new Set(hashes.map((h) => h.split('$')[4])).size, hashes.length, 'one salt per login');
      for (const hash of hashes) assert.match(hash, /^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    });
  });

  describe('link status and /me', () => {
    it('tells an invited, not linked login how things stand', async () => {
      const res = await api('/link-status', { token: await postLoginToken(PETER) });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await res.json(), {
        login: { sub: SUB.peter, email: PETER.email, name: 'Peter Brunner' },
        linked: false,
        linkedAt: null,
        invited: true,
        accounts: [{ id: 'c1b2c3d4-0001-4000-8000-000000000001', type: 'private', email: PETER.email, company: null, role: 'customer' }],
      });
    });

    it('knows a login that was not invited, one already linked, and one with two accounts', async () => {
      const nina = await (await api('/link-status', { token: await postLoginToken(NINA) })).json();
      assert.equal(nina.invited, false);
      assert.equal(nina.linked, false);

      const sara = await (await api('/link-status', { token: await postLoginToken(SARA_POST) })).json();
      assert.equal(sara.linked, true);
      assert.equal(sara.linkedAt, '2025-10-06T08:30:00.000Z');
      assert.equal(sara.login.email, SARA_POST.email);

      const thomas = await (await api('/link-status', { token: await postLoginToken(THOMAS) })).json();
      assert.equal(thomas.invited, true);
      assert.equal(thomas.linked, false);
      assert.deepEqual(thomas.accounts, THOMAS_ACCOUNTS);
    });

    it('answers /link-status only for an older-login access token', async () => {
      const swissid = await swissIdTokens(ANNA);
      for (const token of [undefined, swissid.access_token, swissid.id_token, 'a'.repeat(43)]) {
        const res = await api('/link-status', { token });
        assert.equal(res.status, 401);
        assert.equal(res.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
        assert.equal((await res.json()).error, 'invalid_token');
      }
      assert.equal((await api('/link-status', { method: 'POST', body: {} })).status, 405);
    });

    it('answers /me for an older login with login "post" and its accounts', async () => {
      const body = await (await api('/me', { token: await postLoginToken(THOMAS) })).json();
      assert.deepEqual(body, {
        sub: SUB.thomas,
        name: 'Thomas Both',
        email: 'thomas.both@example.ch',
        accountType: 'private',
        role: 'customer',
        company: null,
        login: 'post',
        accounts: THOMAS_ACCOUNTS,
      });
    });

    it('lists the linked login\'s accounts on /me after a SwissID sign-in', async () => {
      const { access_token: token } = await swissIdTokens(SARA_SWISSID);
      assert.deepEqual(await (await api('/me', { token })).json(), {
        sub: SUB.saraSwissId,
        name: 'Sara Meier',
        email: 'sara.post@example.ch',
        accountType: 'private',
        role: 'customer',
        company: null,
        login: 'swissid',
        accounts: [{ id: 'c1b2c3d4-0003-4000-8000-000000000003', type: 'private', email: 'sara.post@example.ch', company: null, role: 'customer' }],
      });
      // A SwissID with no Post account yet: its own e-mail, a new private customer, no accounts.
      const fresh = await (await api('/me', { token: (await swissIdTokens(FRESH_SWISSID)).access_token })).json();
      assert.equal(fresh.email, FRESH_SWISSID.email);
      assert.equal(fresh.name, 'Felix Frisch');
      assert.deepEqual(fresh.accounts, []);
    });
  });

  describe('POST /link', () => {
    it('links an older login to a SwissID proved by a fresh ID token, changing nothing else', async () => {
      const postToken = await postLoginToken(THOMAS);
      const swissid = await swissIdTokens(NEW_SWISSID);
      const before = snapshot();
      const started = Date.now();

      const res = await api('/link', { token: postToken, body: { idToken: swissid.id_token } });
      assert.equal(res.status, 200);
      const status = await res.json();
      assert.equal(status.linked, true);
      assert.equal(status.invited, true);
      assert.deepEqual(status.login, { sub: SUB.thomas, email: THOMAS.email, name: 'Thomas Both' });
      assert.deepEqual(status.accounts, THOMAS_ACCOUNTS);
      assert.ok(Date.parse(status.linkedAt) >= started - 1000 && Date.parse(status.linkedAt) <= Date.now());

      const afterLink = snapshot();
      const row = afterLink.logins.find((l) => l.id === SUB.thomas);
      assert.equal(row.swissid_sub, SUB.newSwissId);
      assert.equal(row.linked_at, status.linkedAt);
      // Every other column of the login, every other login and every account are unchanged.
      const without = ({ swissid_sub: _s, linked_at: _l, ...rest }) => rest;
      assert.deepEqual(without(row), without(before.logins.find((l) => l.id === SUB.thomas)));
      assert.deepEqual(afterLink.logins.filter((l) => l.id !== SUB.thomas), before.logins.filter((l) => l.id !== SUB.thomas));
      assert.deepEqual(afterLink.accounts, before.accounts);

      // The older login keeps working with its own password, and knows it is linked.
      const again = await (await api('/link-status', { token: await postLoginToken(THOMAS) })).json();
      assert.equal(again.linked, true);
    });

    it('then lists both of Thomas\'s accounts, each with its own e-mail, on /me after SwissID sign-in', async () => {
      const { access_token: token } = await swissIdTokens(NEW_SWISSID);
      const body = await (await api('/me', { token })).json();
      assert.equal(body.sub, SUB.newSwissId);
      assert.equal(body.name, 'Nora Neuhaus');
      assert.equal(body.login, 'swissid');
      assert.equal(body.email, 'thomas.both@example.ch');
      assert.equal(body.accountType, 'private');
      assert.deepEqual(body.accounts, THOMAS_ACCOUNTS);
    });

    it('answers the same link sent again with the link status as it is, changing nothing', async () => {
      // Thomas was linked to Nora's SwissID by the first test of this block.
      const { id_token: idToken } = await swissIdTokens(NEW_SWISSID);
      const before = snapshot();
      const res = await api('/link', { token: await postLoginToken(THOMAS), body: { idToken } });
      assert.equal(res.status, 200);
      const status = await res.json();
      assert.equal(status.linked, true);
      assert.equal(status.linkedAt, before.logins.find((l) => l.id === SUB.thomas).linked_at);
      assert.deepEqual(status.accounts, THOMAS_ACCOUNTS);
      assert.deepEqual(snapshot(), before);
    });

    it('refuses a SwissID already linked to another login (409 swissid_in_use) and changes nothing', async () => {
      const postToken = await postLoginToken(PETER);
      for (const account of [NEW_SWISSID, SARA_SWISSID]) {
        const { id_token: idToken } = await swissIdTokens(account);
        const before = snapshot();
        const res = await api('/link', { token: postToken, body: { idToken } });
        assert.equal(res.status, 409, account.email);
        assert.equal((await res.json()).error, 'swissid_in_use');
        assert.deepEqual(snapshot(), before);
      }
    });

    it('refuses to link an already linked login again (409 already_linked)', async () => {
      const { id_token: idToken } = await swissIdTokens(FRESH_SWISSID);
      for (const account of [THOMAS, SARA_POST]) {
        const before = snapshot();
        const res = await api('/link', { token: await postLoginToken(account), body: { idToken } });
        assert.equal(res.status, 409, account.email);
        assert.equal((await res.json()).error, 'already_linked');
        assert.deepEqual(snapshot(), before);
      }
    });

    it('refuses ID tokens that are not fresh, not SwissID\'s or not for a trusted client (400 invalid_id_token)', async () => {
      const postToken = await postLoginToken(NINA);
      const now = Math.floor(Date.now() / 1000);
      const tampered = async (idToken) => {
        backend.tamper.set({ idToken });
        try {
          return (await swissIdTokens(FRESH_SWISSID)).id_token;
        } finally {
          backend.tamper.clear();
        }
      };
      const cases = {
        'foreign client': await tampered({ claims: { aud: 'foreign-client' } }),
        'foreign client among trusted ones': await tampered({ claims: { aud: [client.clientId, 'foreign-client'], azp: client.clientId } }),
        'several audiences without azp': await tampered({ claims: { aud: [client.clientId, 'partner-demo'] } }),
        'foreign azp': await tampered({ claims: { azp: 'foreign-client' } }),
        'expired': await tampered({ claims: { exp: now - 60, iat: now - 700 } }),
        'issued more than 5 minutes ago': await tampered({ claims: { iat: now - 6 * 60, exp: now + 600 } }),
        'issued in the future': await tampered({ claims: { iat: now + 600, exp: now + 1200 } }),
        'other issuer': await tampered({ claims: { iss: backend.urls.postLogin } }),
        'no sub': await tampered({ claims: { sub: undefined } }),
        'signed by another key under the real kid': await tampered({ signature: 'foreign-key' }),
        'corrupt signature': await tampered({ signature: 'corrupt' }),
        'the older login\'s own ID token': (await signIn(backend, postClient, NINA)).tokens.id_token,
        'an access token': (await swissIdTokens(FRESH_SWISSID)).access_token,
        'not a JWT': 'not-a-jwt',
      };
      assert.equal(decodeJwt(cases['foreign client']).sub, 'a1b2c3d4-0006-4000-8000-000000000006');
      assert.equal(decodeProtectedHeader(cases['signed by another key under the real kid']).kid, decodeProtectedHeader(cases.expired).kid);

      const before = snapshot();
      for (const [what, idToken] of Object.entries(cases)) {
        const res = await api('/link', { token: postToken, body: { idToken } });
        assert.equal(res.status, 400, what);
        assert.equal((await res.json()).error, 'invalid_id_token', what);
      }
      assert.deepEqual(snapshot(), before);

      // The same SwissID with an untouched token links: only the token was wrong.
      const good = await api('/link', { token: postToken, body: { idToken: (await swissIdTokens(FRESH_SWISSID)).id_token } });
      assert.equal(good.status, 200);
    });

    it('needs both proofs: an older-login access token and a JSON body with the ID token', async () => {
      const { id_token: idToken, access_token: swissidAccess } = await swissIdTokens(ANNA);
      const before = snapshot();
      for (const token of [undefined, swissidAccess, 'a'.repeat(43)]) {
        const res = await api('/link', { token, body: { idToken } });
        assert.equal(res.status, 401);
        assert.equal((await res.json()).error, 'invalid_token');
      }
      const postToken = await postLoginToken(PETER);
      for (const body of ['{', '[]', {}, { idToken: 42 }, { idToken: '' }]) {
        const res = await api('/link', { token: postToken, body });
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal((await res.json()).error, 'invalid_request');
      }
      const get = await api('/link', { token: postToken });
      assert.equal(get.status, 405);
      assert.equal(get.headers.get('allow'), 'POST, OPTIONS');
      assert.deepEqual(snapshot(), before);
    });

    it('answers CORS for the new endpoints for client origins only', async () => {
      for (const path of ['/link', '/link-status']) {
        const allowed = await fetch(`${backend.urls.api}${path}`, {
          method: 'OPTIONS',
          headers: { origin: backend.urls.demo, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
        });
        assert.equal(allowed.status, 204);
        assert.equal(allowed.headers.get('access-control-allow-origin'), backend.urls.demo);
        assert.match(allowed.headers.get('access-control-allow-methods'), /POST/);
        assert.match(allowed.headers.get('access-control-allow-headers'), /Content-Type/);
        const refused = await fetch(`${backend.urls.api}${path}`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
        assert.equal(refused.headers.get('access-control-allow-origin'), null);
      }
      const status = await api('/link-status', { token: await postLoginToken(NINA), headers: { origin: backend.urls.partner } });
      assert.equal(status.headers.get('access-control-allow-origin'), backend.urls.partner);
      assert.match(status.headers.get('vary'), /Origin/);
      const conflict = await api('/link', { token: await postLoginToken(SARA_POST), body: { idToken: 'x' }, headers: { origin: backend.urls.demo } });
      assert.equal(conflict.headers.get('access-control-allow-origin'), backend.urls.demo);
      const evil = await api('/link', { token: await postLoginToken(SARA_POST), body: { idToken: 'x' }, headers: { origin: 'http://evil.example' } });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
    });
  });

  it('exports every demo login for the CLI', () => {
    assert.deepEqual(DEMO_LOGINS.filter((l) => l.provider === 'post').map((l) => l.email), DEMO_POST_LOGINS.map((l) => l.email));
    for (const login of DEMO_LOGINS) {
      assert.match(login.password, /^\w+-Demo-2026$/);
      assert.ok(login.description);
    }
  });
});
