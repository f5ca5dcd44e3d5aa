import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { DEMO_LOGINS } from '../../demo/server/demo-data.mjs';
import {
  ANNA, Browser, NINA, PETER, exchangeCode, refresh, signIn, startAuthorization, startTestBackend, submitLogin,
} from './support.mjs';

const SUB = {
  peter: 'b1b2c3d4-0001-4000-8000-000000000001',
  nina: 'b1b2c3d4-0002-4000-8000-000000000002',
};

describe('older Post customer login', () => {
  let env;
  let backend;
  let client;
  let postClient;
  before(async () => {
    env = await startTestBackend();
    ({ backend, demoClient: client, postLoginClient: postClient } = env);
  });
  after(() => env.close());

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
        assert.equal(page.headers.get('content-security-policy'), "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
        assert.equal(page.headers.get('x-frame-options'), 'DENY');
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
});
