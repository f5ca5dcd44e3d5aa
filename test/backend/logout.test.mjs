import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { keepsSecureCookies } from '../../demo/server/openid-provider.mjs';
import { ANNA, Browser, MARC, PETER, authorizeAgain, refresh, signIn, startAuthorization, startTestBackend } from './support.mjs';

describe('logout at the providers: only the customer\'s own site logs out without asking', () => {
  let env;
  let backend;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
  });
  after(() => env.close());

  const client = () => env.demoClient;

  /**
   * A logout request as a site sends it: a form POSTed by the browser (default), or a GET.
   * @param {Browser} browser
   * @param {Record<string, string>} params
   */
  const requestLogout = (browser, params, { method = 'POST', issuer = backend.urls.swissid } = {}) => {
    if (method === 'POST') return browser.fetch(`${issuer}/session/end`, { form: params });
    return browser.fetch(`${issuer}/session/end?${new URLSearchParams(params)}`);
  };
  const sitesRequest = (extra = {}) => ({ client_id: client().clientId, post_logout_redirect_uri: client().redirectUri, state: 'bye', ui_locales: 'en', ...extra });
  const autoSubmits = (html) => /<script src="\/assets\/logout.js" defer><\/script>/.test(html);
  const asks = (html) => /<button id="logout-confirm" type="submit" form="op.logoutForm"/.test(html) && /<button id="logout-cancel"/.test(html);

  /** Presses "Sign out" (the provider's form, with logout=yes); returns where the browser goes. */
  const pressSignOut = async (browser, html, issuer = backend.urls.swissid) => {
    assert.match(html, /name="logout" value="yes"/);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    return (await browser.follow(new URL(action, issuer).href, issuer, { form: { xsrf, logout: 'yes' } })).exit;
  };
  /** Where "Stay signed in" goes: its GET form's action (relative to SwissID's page) with its fields. */
  const stayTarget = (html) => {
    const form = /<form method="get" action="([^"]+)" class="abort">(.*?)<button id="logout-cancel"/s.exec(html);
    assert.ok(form, 'the "Stay signed in" form');
    const url = new URL(form[1].replaceAll('&amp;', '&'), backend.urls.swissid);
    for (const [, name, value] of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) url.searchParams.append(name, value);
    return url;
  };
  /** Whether the browser is still signed in at SwissID: an authorization request comes back with a code at once. */
  const signedIn = async (browser) => {
    const { exit } = await authorizeAgain(backend, { ...client(), browser });
    return Boolean(exit && new URL(exit).searchParams.get('code'));
  };

  it('asks without a hint, without any script, in the request\'s language; the session lasts until "Sign out"', async () => {
    const { flow, tokens } = await signIn(backend, client());
    const page = await requestLogout(flow.browser, sitesRequest({ ui_locales: 'fr' }));
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(asks(html));
    assert.ok(!autoSubmits(html));
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /<h1>Se déconnecter \?<\/h1>/);
    assert.match(html, /Rester connecté<\/button>/);
    assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);

    assert.ok(await signedIn(flow.browser), 'still signed in while the page asks');
    const renewed = await refresh(backend, { clientId: client().clientId, refreshToken: tokens.refresh_token });
    assert.equal(renewed.res.status, 200, 'and the refresh token still works');

    const back = new URL(await pressSignOut(flow.browser, html));
    assert.equal(`${back.origin}${back.pathname}`, client().redirectUri);
    assert.equal(back.searchParams.get('state'), 'bye');
    assert.match((await startAuthorization(backend, { ...client(), browser: flow.browser })).html, /id="password"/, 'signed out');
    const after = await refresh(backend, { clientId: client().clientId, refreshToken: renewed.body.refresh_token });
    assert.equal(after.body.error, 'invalid_grant', 'the refresh token ended with the session');
  });

  it('"Stay signed in" goes back to the site with its state and changes nothing', async () => {
    const { flow, tokens } = await signIn(backend, client());
    const html = await (await requestLogout(flow.browser, sitesRequest(), { method: 'GET' })).text();
    const stay = stayTarget(html);
    assert.equal(`${stay.origin}${stay.pathname}`, client().redirectUri);
    assert.deepEqual([...stay.searchParams], [['state', 'bye']]);
    assert.ok(await signedIn(flow.browser));
    assert.equal((await refresh(backend, { clientId: client().clientId, refreshToken: tokens.refresh_token })).res.status, 200);
  });

  it('"Stay signed in" without a post-logout address shows the provider\'s "still signed in" page', async () => {
    const { flow } = await signIn(backend, client());
    const html = await (await requestLogout(flow.browser, { client_id: client().clientId, ui_locales: 'it' })).text();
    const stay = stayTarget(html);
    assert.equal(`${stay.origin}${stay.pathname}`, `${backend.urls.swissid}/session/end/stay`);
    const page = await flow.browser.fetch(stay.href);
    assert.equal(page.status, 200);
    const stayed = await page.text();
    assert.match(stayed, /<html lang="it">/);
    assert.match(stayed, /<h1>È ancora connesso<\/h1>/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.ok(await signedIn(flow.browser));
  });

  it('submits itself with a valid hint of this session, sent by POST; the button stays for browsers without script', async () => {
    const { flow, tokens } = await signIn(backend, client());
    const page = await requestLogout(flow.browser, sitesRequest({ id_token_hint: tokens.id_token, ui_locales: 'de' }));
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(autoSubmits(html));
    assert.ok(!asks(html));
    assert.match(html, /<button type="submit" form="op.logoutForm" class="primary">Abmelden<\/button>/);
    assert.ok(!html.includes(tokens.id_token.split('.')[2]), 'the ID token is nowhere in the page');

    const back = new URL(await pressSignOut(flow.browser, html));
    assert.equal(back.searchParams.get('state'), 'bye');
    assert.ok(!(await signedIn(flow.browser)));
  });

  it('submits itself with a valid hint by GET too, and without client_id (the hint names the client)', async () => {
    const { flow, tokens } = await signIn(backend, client());
    const withoutClient = sitesRequest({ id_token_hint: tokens.id_token });
    delete withoutClient.client_id;
    assert.ok(autoSubmits(await (await requestLogout(flow.browser, withoutClient, { method: 'GET' })).text()));
  });

  it('treats an invalid hint as none: it asks, and the session stays', async () => {
    const { flow, tokens } = await signIn(backend, client());
    const other = await signIn(backend, client(), MARC);
    const sameCustomerElsewhere = await signIn(backend, client(), ANNA);
    const olderLogin = await signIn(backend, env.postLoginClient, PETER);
    const [header, payload, signature] = tokens.id_token.split('.');
    const hints = {
      'not a JWT': 'not-a-jwt',
      'a broken signature': `${header}.${payload}.${signature.slice(0, -4)}AAAA`,
      "another customer's ID token": other.tokens.id_token,
      "the same customer's ID token of another browser's session": sameCustomerElsewhere.tokens.id_token,
      "the older login's ID token (another issuer, same client id)": olderLogin.tokens.id_token,
    };
    for (const [what, hint] of Object.entries(hints)) {
      const page = await requestLogout(flow.browser, sitesRequest({ id_token_hint: hint }));
      assert.equal(page.status, 200, what);
      const html = await page.text();
      assert.ok(asks(html) && !autoSubmits(html), what);
    }
    // A hint for another client than the request's client_id is no hint for this request.
    const mismatch = await requestLogout(flow.browser, sitesRequest({ id_token_hint: tokens.id_token, client_id: env.partnerClient.clientId, post_logout_redirect_uri: env.partnerClient.redirectUri }));
    assert.ok(asks(await mismatch.text()), 'another client');
    assert.ok(await signedIn(flow.browser));
  });

  it('refuses a logout POST that is not a form', async () => {
    const { flow, tokens } = await signIn(backend, client());
    const res = await flow.browser.fetch(`${backend.urls.swissid}/session/end`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id_token_hint: tokens.id_token }),
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /invalid_request/);
    assert.ok(await signedIn(flow.browser));
  });

  it('asks at the older Post login too, in its own words', async () => {
    const { flow, tokens } = await signIn(backend, env.postLoginClient, PETER);
    const issuer = backend.urls.postLogin;
    const html = await (await requestLogout(flow.browser, sitesRequest(), { issuer })).text();
    assert.ok(asks(html));
    assert.match(html, /sign out of the Post customer login on this device/);
    const hinted = await (await requestLogout(flow.browser, sitesRequest({ id_token_hint: tokens.id_token }), { issuer })).text();
    assert.ok(autoSubmits(hinted));
  });

  it('sends the session cookie with a cross-site POST: SameSite=None and Secure; the others stay Lax', async () => {
    const flow = await startAuthorization(backend, client());
    const res = await flow.browser.fetch(`${flow.pageUrl}/login`, { form: { email: ANNA.email, password: ANNA.password } });
    const resumed = await flow.browser.fetch(new URL(/** @type {string} */ (res.headers.get('location')), backend.urls.swissid).href);
    const session = resumed.headers.getSetCookie().find((line) => line.startsWith('_session='));
    assert.match(String(session), /; secure/i);
    assert.match(String(session), /; samesite=none/i);
    const auth = new URL(`${backend.urls.swissid}/auth`);
    auth.search = new URLSearchParams({
      client_id: client().clientId, redirect_uri: client().redirectUri, response_type: 'code', scope: 'openid', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256',
    }).toString();
    const started = await new Browser().fetch(auth.href);
    const interaction = started.headers.getSetCookie().find((line) => line.startsWith('_interaction='));
    assert.match(String(interaction), /; samesite=lax/i);
  });

  it('runs only where browsers keep its Secure session cookie: https or a loopback host', () => {
    for (const issuer of ['http://localhost:4001', 'http://127.0.0.1:4001', 'http://[::1]:4001', 'http://sso.localhost', 'https://login.example']) {
      assert.ok(keepsSecureCookies(issuer), issuer);
    }
    for (const issuer of ['http://192.168.1.5:4001', 'http://login.example', 'http://localhost.example']) assert.ok(!keepsSecureCookies(issuer), issuer);
  });

  it('ends the session for a browser without one at once (nothing to ask about)', async () => {
    const browser = new Browser();
    const page = await requestLogout(browser, sitesRequest());
    assert.equal(page.status, 200);
    assert.ok(!asks(await page.text()));
  });
});
