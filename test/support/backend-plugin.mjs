import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceBackend } from '../../demo/server/index.mjs';
import { tryStolenTokens } from '../backend/stolen-tokens.mjs';
import { changeStoredAddress, endTokens, issuedTokens, storedAddresses } from './backend-state.mjs';
import { driveProviderLogin, findPopup } from './provider-driver.mjs';
import { runDemoPagesCheck, runFirstPaintJourney, runPartnerJourney } from './partner-journey.mjs';
import { buildExampleApp, EXAMPLE_APPS, examplePage, removeExampleApps } from './example-apps.mjs';

/**
 * Starts the real reference backend next to the test server (own ports, a fresh SQLite file) and gives the browser
 * tests server commands to drive it: fill in the provider's login page with the test's own playwright page, inject
 * a fault in front of the provider or the account API, revoke refresh tokens or end sessions, read and change the
 * stored addresses, run the partner-page journey.
 */
// TEST_PORT_OFFSET moves every port, so that two test runs can share a machine.
const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
export const TEST_SERVER_PORT = 8765 + offset;
export const TEST_PORTS = { swissid: 4101 + offset, api: 4102 + offset, postLogin: 4103 + offset, demo: 8180 + offset, partner: 8181 + offset };
const TEST_ORIGIN = `http://localhost:${TEST_SERVER_PORT}`;
const FIXTURE_PAGES = ['/test/fixtures/app.html', ...EXAMPLE_APPS.map(examplePage)].map((path) => `${TEST_ORIGIN}${path}`);

export function referenceBackendPlugin() {
  let backend;
  let dataDir;
  return {
    name: 'reference-backend',

    async serverStart() {
      dataDir = mkdtempSync(join(tmpdir(), 'post-login-test-'));
      backend = await startReferenceBackend({
        swissidPort: TEST_PORTS.swissid,
        apiPort: TEST_PORTS.api,
        postLoginPort: TEST_PORTS.postLogin,
        demoPort: TEST_PORTS.demo,
        partnerPort: TEST_PORTS.partner,
        dbFile: join(dataDir, 'reference.sqlite'),
        quiet: true,
        // The journeys open the fixture page in an iframe of the test runner's page, and a redirect sign-in (or a
        // provider logout) goes on to the provider's page in that iframe: the providers, which refuse every framing
        // by default, must let the test runner's origin frame them. Only here; `npm start` keeps 'none'.
        frameAncestors: [TEST_ORIGIN],
        extraClients: [
          { client_id: 'post-login-test', firstParty: true, redirect_uris: FIXTURE_PAGES, post_logout_redirect_uris: FIXTURE_PAGES },
          // Access tokens that live a few seconds: renewal and expiry happen while a test watches.
          {
            client_id: 'post-login-short',
            firstParty: true,
            redirect_uris: FIXTURE_PAGES,
            post_logout_redirect_uris: FIXTURE_PAGES,
            accessTokenTtl: 8,
          },
          // A partner site on the fixture page: read scopes only, after consent at the provider.
          {
            client_id: 'partner-test',
            client_name: 'Partner Test Shop',
            firstParty: false,
            redirect_uris: FIXTURE_PAGES,
            post_logout_redirect_uris: FIXTURE_PAGES,
          },
        ],
      });
    },

    async serverStop() {
      removeExampleApps();
      await backend?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },

    async executeCommand({ command, payload, session }) {
      const page = () => session.browser.getPage(session.id);
      if (process.env.DEBUG_PAGES && !page().__debugging) {
        // Everything the fixture frames and popups print or load, for debugging a journey.
        page().__debugging = true;
        page().on('console', (message) => console.log(`[page] ${message.type()} ${message.text()}`));
        page().on('framenavigated', (frame) => console.log(`[nav] ${frame.url()}`));
        page().on('pageerror', (error) => console.log(`[error] ${error}`));
      }
      switch (command) {
        case 'backend-urls':
          return backend.urls;
        case 'demo-pages-check':
          // → { demo, partner }: each page's console errors, failed requests and 404s as a visitor opens it.
          return runDemoPagesCheck(page(), backend);
        case 'build-example-app':
          // { name: 'react' | 'vue' } → examples/<name> built for this backend and the test client; answers the page's
          // path on the test server.
          return buildExampleApp(payload.name, { authority: backend.urls.swissid, clientId: 'post-login-test', api: backend.urls.api });
        case 'backend-tamper':
          backend.tamper.set(payload);
          return true;
        case 'backend-clear-tamper':
          backend.tamper.clear();
          return true;
        case 'backend-revoke-refresh-tokens':
          backend.revokeRefreshTokens();
          return true;
        case 'provider-sign-in':
          // `provider: 'post'` fills the older Post customer login's page instead of SwissID's.
          return driveProviderLogin(page(), backend.urls[payload.provider === 'post' ? 'postLogin' : 'swissid'], payload);
        case 'backend-end-post-login-sessions':
          // The older login's tokens die at the provider (as after a timeout there): the next API call gets a 401.
          endTokens(backend.db, { provider: 'post', refresh: true });
          return true;
        case 'backend-end-swissid-access-tokens':
          // Only the access tokens die: the next API call gets a 401 and the widget renews with its refresh token.
          endTokens(backend.db);
          return true;
        case 'backend-end-swissid-sessions':
          // Access and refresh tokens die: the next API call gets a 401 and renewal fails too.
          endTokens(backend.db, { refresh: true });
          return true;
        case 'api-fault':
          // A rule or a list of rules (see demo/server/api-faults.mjs), e.g.
          // { method: 'POST', path: '/accounts/*', fault: 'drop-response' }: '*' stands for any characters.
          backend.apiFaults.set(payload);
          return true;
        case 'api-clear-faults':
          backend.apiFaults.clear();
          return true;
        case 'backend-reset-addresses':
          backend.resetAddresses();
          return true;
        case 'backend-addresses':
          // { email, accountId? } → { billing, online } as stored for that account of the login (default its first).
          return storedAddresses(backend.db, payload.email, payload.accountId);
        case 'backend-change-address':
          // { id, changes } → the address after another user's save (version + 1): the widget's next write gets a 412.
          return changeStoredAddress(backend.db, payload);
        case 'backend-link-status': {
          const row = backend.db.prepare('SELECT * FROM post_logins WHERE email = ?').get(payload.email);
          return row ? { swissidSub: row.swissid_sub, linkedAt: row.linked_at, row } : null;
        }
        case 'backend-unlink':
          // { email } → that older Post login is no longer linked to any SwissID (as seeded), so a test can link it.
          backend.db.prepare('UPDATE post_logins SET swissid_sub = NULL, linked_at = NULL WHERE email = ?').run(payload.email);
          return true;
        case 'backend-link':
          // { email, swissidSub } → that older Post login linked to that SwissID subject, as another tab would do it.
          backend.db.prepare('UPDATE post_logins SET swissid_sub = ?, linked_at = ? WHERE email = ?')
            .run(payload.swissidSub, new Date().toISOString(), payload.email);
          return true;
        case 'browser-clear-cookies':
          // A fresh browser for the provider: no single sign-on session left from an earlier test.
          await page().context().clearCookies();
          return true;
        case 'provider-unreachable': {
          // The provider's network is gone for this browser (`on: false` brings it back): requests to it fail, or with
          // `hang: true` never get an answer. `provider: 'api'` does the same to the account API.
          const origin = backend.urls[{ post: 'postLogin', api: 'api' }[payload?.provider] ?? 'swissid'];
          if (payload?.on === false) await page().context().unroute(`${origin}/**`);
          else await page().context().route(`${origin}/**`, (route) => (payload?.hang ? undefined : route.abort('connectionrefused')));
          return true;
        }
        case 'session-module-unreachable': {
          // The widget's lazily loaded session code fails to load for this browser (offline since the first paint);
          // `on: false` brings it back.
          const pattern = '**/src/core/login-sessions.*';
          if (payload?.on === false) await page().context().unroute(pattern);
          else await page().context().route(pattern, (route) => route.abort('internetdisconnected'));
          return true;
        }
        case 'provider-page': {
          // { provider: 'swissid'|'post' } → what the provider's page in the test page's frame offers: the logout
          // confirmation's buttons, and the scripts it would run.
          const origin = backend.urls[payload?.provider === 'post' ? 'postLogin' : 'swissid'];
          const deadline = Date.now() + 15_000;
          let target;
          while (!(target = page().frames().find((frame) => frame.url().startsWith(origin)))) {
            if (Date.now() > deadline) throw new Error('no provider page in a frame');
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          await target.waitForLoadState('load');
          return target.evaluate(() => ({
            confirm: document.querySelector('#logout-confirm') !== null,
            cancel: document.querySelector('#logout-cancel') !== null,
            scripts: [...document.scripts].map((script) => script.src),
          }));
        }
        case 'issued-tokens':
          // { since } (seconds) → every code, access and refresh token value the providers issued since then.
          return issuedTokens(backend.db, payload.since);
        case 'open-popups':
          // How many other windows (popups) the test page has open.
          return page().context().pages().filter((other) => other !== page() && !other.isClosed()).length;
        case 'close-popups':
          for (const other of page().context().pages()) if (other !== page()) await other.close();
          return true;
        case 'popup-close': {
          const popup = await findPopup(page(), backend.urls[payload?.provider === 'post' ? 'postLogin' : 'swissid']);
          await popup.close();
          return true;
        }
        case 'real-click': {
          // A click through the browser's input pipeline: the page gets a real user activation (popup blocker).
          const scope = payload.inFrame ? page().frameLocator('iframe').last() : page();
          await scope.locator(payload.selector).first().click();
          return true;
        }
        case 'try-stolen-tokens':
          // { accessToken, refreshToken, clientId, provider?: 'swissid'|'post' } → what an attacker who copied them
          // gets from another machine, with a key pair of their own (test/backend/stolen-tokens.mjs):
          // { meBearer: status of GET /me with "Bearer <access token>", meOtherKey: status of GET /me with "DPoP" and a
          // proof of the attacker's key, refreshOtherKey: { status, error } of the refresh token at that provider's
          // token endpoint with a proof of the attacker's key, refreshNoProof: { status, error } without any proof }.
          // Expected: 401, 401, { 400, 'invalid_grant' }, { 400, 'invalid_grant' }; the refresh token stays usable by
          // the browser that holds its key.
          return tryStolenTokens(backend, payload);
        case 'partner-journey':
          return runPartnerJourney(page(), backend, payload);
        case 'partner-first-paint':
          return runFirstPaintJourney(page(), backend);
        default:
          return undefined;
      }
    },
  };
}
