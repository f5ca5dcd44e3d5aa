import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { ANNA, exchangeCode, refresh, signIn, startAuthorization, startTestBackend, submitLogin } from './support.mjs';

describe('SwissID stand-in (OpenID provider)', () => {
  let env;
  let backend;
  let client;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
    client = env.demoClient;
  });
  after(() => env.close());

  it('publishes a discovery document with PKCE S256, the iss response parameter and logout', async () => {
    const res = await fetch(`${backend.urls.swissid}/.well-known/openid-configuration`);
    const doc = await res.json();
    assert.equal(doc.issuer, backend.urls.swissid);
    assert.deepEqual(doc.code_challenge_methods_supported, ['S256']);
    assert.equal(doc.authorization_response_iss_parameter_supported, true);
    assert.equal(doc.end_session_endpoint, `${backend.urls.swissid}/session/end`);
    assert.deepEqual(doc.response_types_supported, ['code']);
    assert.ok(doc.scopes_supported.includes('email'));
  });

  it('runs authorization code + PKCE to a verified ID token and a refresh token', async () => {
    const flow = await startAuthorization(backend, client);
    assert.equal(flow.page.status, 200);
    const { exit } = await submitLogin(backend, flow, ANNA);
    const callback = new URL(exit);
    assert.equal(`${callback.origin}${callback.pathname}`, client.redirectUri);
    assert.equal(callback.searchParams.get('state'), flow.state);
    assert.equal(callback.searchParams.get('iss'), backend.urls.swissid, 'RFC 9207 iss parameter');
    const code = callback.searchParams.get('code');
    assert.ok(code);

    const { res, body } = await exchangeCode(backend, { ...client, code, verifier: flow.verifier });
    assert.equal(res.status, 200);
    assert.equal(body.token_type, 'DPoP');
    assert.ok(body.access_token);
    assert.ok(body.refresh_token);
    assert.ok(body.expires_in <= 600 && body.expires_in > 590);

    const jwks = createRemoteJWKSet(new URL(`${backend.urls.swissid}/jwks`));
    const { payload, protectedHeader } = await jwtVerify(body.id_token, jwks, { issuer: backend.urls.swissid, audience: client.clientId });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(payload.nonce, flow.nonce);
    assert.equal(payload.email, ANNA.email);
    assert.equal(payload.name, 'Anna Muster');
    assert.equal(payload.sub, 'a1b2c3d4-0001-4000-8000-000000000001');
  });

  it('refuses a code without the right PKCE verifier', async () => {
    const flow = await startAuthorization(backend, client);
    const { exit } = await submitLogin(backend, flow, ANNA);
    const code = new URL(exit).searchParams.get('code');
    const { res, body } = await exchangeCode(backend, { ...client, code, verifier: 'x'.repeat(43) });
    assert.equal(res.status, 400);
    assert.equal(body.error, 'invalid_grant');
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = new URL(`${backend.urls.swissid}/auth`);
    url.search = new URLSearchParams({ client_id: client.clientId, redirect_uri: client.redirectUri, response_type: 'code', scope: 'openid', state: 's' }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    const location = new URL(res.headers.get('location'));
    assert.equal(location.searchParams.get('error'), 'invalid_request');
  });

  it('refuses a redirect_uri that is not registered exactly', async () => {
    const url = new URL(`${backend.urls.swissid}/auth`);
    url.search = new URLSearchParams({ client_id: client.clientId, redirect_uri: `${client.redirectUri}evil`, response_type: 'code', scope: 'openid', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /redirect_uri_mismatch|invalid_redirect_uri/);
    assert.doesNotMatch(html, /googleapis|<style/);
  });

  it('rotates refresh tokens and refuses a used one', async () => {
    const { tokens } = await signIn(backend, client);
    const first = await refresh(backend, { clientId: client.clientId, refreshToken: tokens.refresh_token });
    assert.equal(first.res.status, 200);
    assert.ok(first.body.refresh_token);
    assert.notEqual(first.body.refresh_token, tokens.refresh_token);
    assert.ok(first.body.id_token);

    const reused = await refresh(backend, { clientId: client.clientId, refreshToken: tokens.refresh_token });
    assert.equal(reused.res.status, 400);
    assert.equal(reused.body.error, 'invalid_grant');
  });

  it('renders an accessible, localized sign-in page under a strict policy', async () => {
    const flow = await startAuthorization(backend, { ...client, uiLocales: 'xx fr-CH en' });
    const { html, page } = flow;
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /<main>/);
    assert.match(html, /<h1>Se connecter<\/h1>/);
    assert.match(html, /<label for="email">/);
    assert.match(html, /<label for="password">/);
    assert.match(html, /id="email"[^>]*autocomplete="username"/);
    assert.match(html, /id="password"[^>]*autocomplete="current-password"/);
    assert.match(html, /<button type="submit" class="primary">Se connecter<\/button>/);
    assert.match(html, /<button id="cancel" type="submit"/);
    assert.doesNotMatch(html, /<script>|<style|style=/);
    const csp = page.headers.get('content-security-policy');
    assert.equal(csp, "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    assert.equal(page.headers.get('x-frame-options'), 'DENY');

    const css = await fetch(`${backend.urls.swissid}/assets/login.css`);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.match(await css.text(), /#fc0/);
  });

  it('defaults to German', async () => {
    const { html } = await startAuthorization(backend, client);
    assert.match(html, /<html lang="de">/);
    assert.match(html, /Anmelden/);
  });

  it('keeps the e-mail (escaped) and announces wrong credentials', async () => {
    const flow = await startAuthorization(backend, { ...client, uiLocales: 'en' });
    const email = 'anna"><script>alert(1)</script>@example.ch';
    const { res, exit } = await submitLogin(backend, flow, { email, password: 'wrong' });
    assert.equal(exit, undefined);
    const html = await res.text();
    assert.match(html, /<p id="login-error" class="alert" role="alert">The e-mail address or password is not correct/);
    assert.match(html, /id="email"[^>]*value="anna&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;@example.ch"[^>]*aria-describedby="login-error"/);
    assert.doesNotMatch(html, /<script>alert/);

    // The same interaction still accepts the right password afterwards.
    const retry = await submitLogin(backend, flow, ANNA);
    assert.ok(new URL(retry.exit).searchParams.get('code'));
  });

  it('returns access_denied when the customer cancels', async () => {
    const flow = await startAuthorization(backend, client);
    const { exit } = await flow.browser.follow(`${flow.pageUrl}/abort`, backend.urls.swissid, { method: 'POST' });
    const callback = new URL(exit);
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(callback.searchParams.get('state'), flow.state);
    assert.equal(callback.searchParams.get('iss'), backend.urls.swissid);
  });

  it('signs in again without the form while the SwissID session lasts', async () => {
    const { flow } = await signIn(backend, client);
    const url = new URL(`${backend.urls.swissid}/auth`);
    url.search = new URLSearchParams({ client_id: client.clientId, redirect_uri: client.redirectUri, response_type: 'code', scope: 'openid email', state: 'again', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' }).toString();
    const { exit } = await flow.browser.follow(url.href, backend.urls.swissid);
    assert.equal(new URL(exit).searchParams.get('state'), 'again');
    assert.ok(new URL(exit).searchParams.get('code'));
  });

  it('signs out through RP-initiated logout with an external auto-submit script', async () => {
    const { flow, tokens } = await signIn(backend, client);
    const url = new URL(`${backend.urls.swissid}/session/end`);
    url.search = new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: client.redirectUri, state: 'bye', ui_locales: 'it' }).toString();
    const page = await flow.browser.fetch(url.href);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<html lang="it">/);
    assert.match(html, /<script src="\/assets\/logout.js" defer><\/script>/);
    assert.match(html, /name="logout" value="yes"/);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)[1];
    const action = /action="([^"]+)"/.exec(html)[1];

    const { exit } = await flow.browser.follow(new URL(action, backend.urls.swissid).href, backend.urls.swissid, { form: { xsrf, logout: 'yes' } });
    const back = new URL(exit);
    assert.equal(`${back.origin}${back.pathname}`, client.redirectUri);
    assert.equal(back.searchParams.get('state'), 'bye');

    // The session is gone: the next authorization shows the sign-in page again.
    const again = await startAuthorization(backend, { ...client, browser: flow.browser });
    assert.match(again.html, /id="password"/);
    // The refresh token ended with the session.
    const renewed = await refresh(backend, { clientId: client.clientId, refreshToken: tokens.refresh_token });
    assert.equal(renewed.body.error, 'invalid_grant');
  });

  it('answers CORS on the token endpoint only for the client\'s own origin', async () => {
    const flow = await startAuthorization(backend, client);
    const { exit } = await submitLogin(backend, flow, ANNA);
    const code = new URL(exit).searchParams.get('code');
    const ok = await exchangeCode(backend, { ...client, code, verifier: flow.verifier, headers: { origin: backend.urls.demo } });
    assert.equal(ok.res.headers.get('access-control-allow-origin'), backend.urls.demo);

    const other = await startAuthorization(backend, client);
    const second = await submitLogin(backend, other, ANNA);
    const refused = await exchangeCode(backend, {
      ...client, code: new URL(second.exit).searchParams.get('code'), verifier: other.verifier, headers: { origin: backend.urls.partner },
    });
    assert.equal(refused.res.headers.get('access-control-allow-origin'), null);
  });
});
