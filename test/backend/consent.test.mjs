import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import {
  ANNA, FULL_SCOPE, LEA, MARC, PARTNER_SCOPE, PETER, answerConsent, authorizeAgain, exchangeCode, isConsentPage, signIn,
  startAuthorization, startTestBackend, submitLogin,
} from './support.mjs';

const TITLES = { de: 'Zugriff erlauben', fr: 'Autoriser l’accès', it: 'Consentire l’accesso', en: 'Allow access' };
const ITEMS = {
  en: { profileEmail: 'your name and e-mail address', account: 'your customer account (private or business, company)', addresses: 'your addresses (billing and online services)' },
};

describe('consent at the provider', () => {
  let env;
  let backend;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
  });
  after(() => env.close());

  /** Signs in on the provider's page and stops where the provider does: the consent page (`url`, `html`) or the exit. */
  const untilConsent = async (client, account = ANNA, options = {}) => {
    const flow = await startAuthorization(backend, { ...client, ...options });
    const { res, url, exit } = await submitLogin(backend, flow, account);
    return { flow, url, exit, res, html: exit ? '' : await res.text() };
  };
  const listed = (html) => [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);

  it('asks the customer on its own page after sign-in, naming the partner and what it will read', async () => {
    const { html, url, res } = await untilConsent(env.partnerClient, ANNA, { uiLocales: 'en' });
    assert.ok(isConsentPage(html));
    assert.match(url, new RegExp(`^${backend.urls.swissid}/interaction/[\\w-]+$`));
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<title>Allow access – SwissID<\/title>/);
    assert.match(html, /<link rel="stylesheet" href="\/assets\/login.css">/);
    assert.match(html, /<h1>Allow access<\/h1>/);
    assert.match(html, /<p id="consent-intro">Partner demo site would like to read through your SwissID:<\/p>/);
    assert.match(html, /<ul class="consent" aria-labelledby="consent-intro">/);
    assert.deepEqual(listed(html), [ITEMS.en.profileEmail, ITEMS.en.account, ITEMS.en.addresses]);
    const uid = url.split('/').at(-1);
    assert.match(html, new RegExp(`<form method="post" action="/interaction/${uid}/consent" class="allow">\\s*<button id="allow" type="submit" class="primary">Allow</button>\\s*</form>`));
    assert.match(html, new RegExp(`<form method="post" action="/interaction/${uid}/abort" class="abort">\\s*<button id="deny" type="submit" class="secondary">Deny</button>\\s*</form>`));
    assert.doesNotMatch(html, /<script|<style|style=|\son\w+=/);
    assert.equal(res.headers.get('content-security-policy'), "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('speaks the language of ui_locales, then of Accept-Language, at both providers with their own brand', async () => {
    const intros = {
      swissid: { de: 'mit Ihrer SwissID', fr: 'grâce à votre SwissID', it: 'tramite il suo SwissID', en: 'through your SwissID' },
      post: { de: 'mit Ihrem Kundenlogin Post', fr: 'grâce à votre Login client Poste', it: 'tramite il suo Login clienti Posta', en: 'through your Post customer login' },
    };
    for (const [provider, client, account] of [['swissid', env.partnerClient, ANNA], ['post', env.postLoginPartnerClient, PETER]]) {
      for (const lang of /** @type {const} */ (['de', 'fr', 'it', 'en'])) {
        const { html } = await untilConsent(client, account, { uiLocales: `xx ${lang}-CH` });
        assert.match(html, new RegExp(`<html lang="${lang}">`), `${provider} ${lang}`);
        assert.match(html, new RegExp(`<h1>${TITLES[lang]}</h1>`), `${provider} ${lang}`);
        assert.ok(html.includes(intros[provider][lang]), `${provider} ${lang}`);
        assert.equal(listed(html).length, 3, `${provider} ${lang}`);
      }
    }
    const { flow, url } = await untilConsent(env.partnerClient, MARC);
    const page = await flow.browser.fetch(url, { headers: { 'accept-language': 'it-CH,it;q=0.9,en;q=0.8' } });
    assert.match(await page.text(), /<html lang="it">[\s\S]*<h1>Consentire l’accesso<\/h1>/);
  });

  it('grants exactly what it listed on "Allow", and returns the code', async () => {
    const { flow, url } = await untilConsent(env.partnerClient, LEA);
    const { exit } = await answerConsent(flow.browser, url, 'allow');
    const callback = new URL(exit);
    assert.equal(`${callback.origin}${callback.pathname}`, env.partnerClient.redirectUri);
    assert.equal(callback.searchParams.get('state'), flow.state);
    assert.equal(callback.searchParams.get('iss'), backend.urls.swissid);
    const { body } = await exchangeCode(backend, { ...env.partnerClient, code: callback.searchParams.get('code'), verifier: flow.verifier, resource: backend.apiResource });
    assert.equal(body.scope, 'account.read addresses.read');
    const claims = decodeJwt(body.id_token);
    assert.equal(claims.email, LEA.email);
    assert.equal(claims.name, 'Lea Rossi');
    assert.ok(body.refresh_token, 'reading the API is API access: the partner renews its session');
  });

  it('returns access_denied to the partner on "Deny", and grants nothing', async () => {
    const { flow, url } = await untilConsent(env.partnerClient, ANNA);
    const { exit } = await answerConsent(flow.browser, url, 'deny');
    const callback = new URL(exit);
    assert.equal(`${callback.origin}${callback.pathname}`, env.partnerClient.redirectUri);
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(callback.searchParams.get('state'), flow.state);
    assert.equal(callback.searchParams.get('code'), null);
    // Still signed in at SwissID, the next request asks again.
    const again = await authorizeAgain(backend, { ...env.partnerClient, browser: flow.browser });
    assert.ok(isConsentPage(await again.res.text()));
  });

  it('does not ask again for what the customer allowed, only for what is new', async () => {
    const readAccount = 'openid profile email account.read';
    const first = await untilConsent(env.partnerClient, MARC, { scope: readAccount });
    assert.deepEqual(listed(first.html).length, 2);
    await answerConsent(first.flow.browser, first.url, 'allow');
    const { browser } = first.flow;

    // The same scopes: no page at all while the SwissID session lasts; with prompt=login, the sign-in page only.
    const silent = await authorizeAgain(backend, { ...env.partnerClient, scope: readAccount, browser });
    assert.ok(new URL(silent.exit).searchParams.get('code'));
    const fresh = await startAuthorization(backend, { ...env.partnerClient, scope: readAccount, browser, prompt: 'login' });
    assert.match(fresh.html, /id="password"/);
    const afterLogin = await submitLogin(backend, fresh, MARC);
    assert.ok(new URL(afterLogin.exit).searchParams.get('code'), 'no consent page');

    // One more scope: the page lists that one only.
    const more = await authorizeAgain(backend, { ...env.partnerClient, scope: PARTNER_SCOPE, browser, uiLocales: 'en', prompt: 'login' });
    const moreLogin = await submitLogin(backend, { ...more, browser, pageUrl: more.url }, MARC);
    const html = await moreLogin.res.text();
    assert.deepEqual(listed(html), [ITEMS.en.addresses]);
  });

  it('lists only what a partner can get when it asks for more, and grants only that', async () => {
    const { html, flow, url } = await untilConsent(env.partnerClient, ANNA, { scope: `${FULL_SCOPE} offline_access`, uiLocales: 'en', prompt: 'consent' });
    assert.deepEqual(listed(html), [ITEMS.en.profileEmail, ITEMS.en.account, ITEMS.en.addresses]);
    const { exit } = await answerConsent(flow.browser, url, 'allow');
    const { body } = await exchangeCode(backend, {
      ...env.partnerClient, code: new URL(exit).searchParams.get('code'), verifier: flow.verifier, resource: backend.apiResource,
    });
    assert.equal(body.scope, 'account.read addresses.read');
  });

  it('never shows a consent page to a Post site, at either provider, even when asked for one', async () => {
    for (const [client, account] of [[env.demoClient, ANNA], [env.postLoginClient, PETER]]) {
      for (const options of [{}, { prompt: 'consent' }, { prompt: 'login consent' }]) {
        const { consentShown, tokens } = await signIn(backend, client, account, options);
        assert.equal(consentShown, false);
        assert.equal(tokens.scope, 'account.read addresses.read addresses.write account.link');
      }
    }
  });

  it('answers the form of another step (a sign-in at the consent step, a consent at the sign-in step) with an error page', async () => {
    const { flow, url } = await untilConsent(env.partnerClient, ANNA);
    const res = await flow.browser.fetch(`${url}/login`, { form: { email: ANNA.email, password: ANNA.password } });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /<h1>Die Anmeldung ist nicht möglich<\/h1>/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    const consentAtLogin = await startAuthorization(backend, env.partnerClient);
    const early = await consentAtLogin.browser.fetch(`${consentAtLogin.pageUrl}/consent`, { method: 'POST' });
    assert.equal(early.status, 400);
  });
});

describe('consent page with a hostile partner name', () => {
  let env;
  const name = '<img src=x onerror=alert(1)> "Shop" & $& Co';
  before(async () => {
    env = await startTestBackend({ extraClients: [{ client_id: 'hostile', firstParty: false, client_name: name, redirect_uris: ['http://localhost:9999/cb'] }] });
  });
  after(() => env.close());

  it('shows the name as text', async () => {
    const client = { clientId: 'hostile', redirectUri: 'http://localhost:9999/cb', uiLocales: 'en' };
    const flow = await startAuthorization(env.backend, client);
    const escaped = '&lt;img src=x onerror=alert(1)&gt; &quot;Shop&quot; &amp; $&amp; Co';
    assert.ok(flow.html.includes(`continue to ${escaped}.`), 'sign-in page');
    const { res } = await submitLogin(env.backend, flow, ANNA);
    const html = await res.text();
    assert.ok(html.includes(`<p id="consent-intro">${escaped} would like to read through your SwissID:</p>`));
    assert.ok(html.includes(`<p class="note">${escaped} can only read these`));
    assert.doesNotMatch(html, /<img/);
  });
});
