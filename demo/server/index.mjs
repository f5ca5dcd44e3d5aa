// Starts the reference backend: the SwissID stand-in, the older Post customer login, the account
// API, the demo site and the partner page, sharing one SQLite database.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAccountApi } from './account-api.mjs';
import { installApiFaults } from './api-faults.mjs';
import { apiResourceOf, buildClients, clientOrigins } from './clients.mjs';
import { openDatabase, resetDemoAddresses } from './database.mjs';
import { closeServer, listen } from './http-util.mjs';
import { providerPageHeaders } from './login-page.mjs';
import { loadLocalities } from './localities.mjs';
import { createPostLoginProvider } from './post-login-provider.mjs';
import { createStaticSite, pageCsp } from './static-site.mjs';
import { createSwissIdProvider, generateSigningKey } from './swissid-provider.mjs';
import { installTamper } from './tamper.mjs';

const repoPath = (relative) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/** The full official directory of localities, next to the repository (never committed). */
export const FULL_LOCALITIES_FILE = repoPath('../shared/data/ch-localities.tsv');
/** The small directory the repository ships, for a fresh clone. */
export const SAMPLE_LOCALITIES_FILE = repoPath('demo/data/ch-localities-sample.tsv');

/** The full directory when it is there, else the shipped sample. */
export function defaultLocalitiesFile() {
  return existsSync(FULL_LOCALITIES_FILE) ? FULL_LOCALITIES_FILE : SAMPLE_LOCALITIES_FILE;
}

/**
 * @typedef {object} ReferenceBackendOptions
 * @property {string} [host] host name of the SwissID, API and demo servers (default 'localhost')
 * @property {number} [swissidPort] default 4001; 0 picks a free port
 * @property {number} [apiPort] default 4002; 0 picks a free port
 * @property {number} [postLoginPort] older Post customer login provider; default swissidPort + 2 (so 4003), or 0
 *   (a free port) when swissidPort is 0
 * @property {number|null} [demoPort] default 8080; null does not start the demo site
 * @property {number|null} [partnerPort] default 8081; null does not start the partner page (always on 127.0.0.1)
 * @property {string} [dbFile] default demo/.data/reference.sqlite; created and seeded when missing
 * @property {string} [localitiesFile] locality directory in the published format of the official directory
 *   of localities; default ../shared/data/ch-localities.tsv (next to the repository) when it exists, else
 *   demo/data/ch-localities-sample.tsv. Loaded into the database when its table is empty or the file changed.
 * @property {import('./clients.mjs').ClientSpec[]} [extraClients] more public clients (e.g. a test server's origin),
 *   registered at both providers; each says whether it is first-party
 * @property {string[]} [frameAncestors] origins allowed to frame the providers' pages (login, consent, logout, errors).
 *   None by default (`frame-ancestors 'none'` and `X-Frame-Options: DENY`), which is what `npm start` serves. For
 *   test backends only: the browser tests open the fixture page in an iframe of the test runner's page, and that
 *   iframe goes on to the provider's login page for a redirect sign-in (test/support/backend-plugin.mjs).
 * @property {number} [accessTokenTtl] seconds, default 600
 * @property {string} [distDir] served at /cdn/ (default dist/cdn)
 * @property {string} [pagesDir] demo pages (default demo/pages; the partner page is pagesDir/partner)
 * @property {boolean} [quiet] no request logs
 */

/**
 * @typedef {object} ReferenceBackend
 * @property {{ swissid: string, postLogin: string, api: string, demo?: string, partner?: string }} urls origins, e.g. 'http://localhost:4001'
 * @property {string} apiResource the account API's resource indicator (`${urls.api}/`): the `resource` parameter of
 *   authorization, token and refresh requests, and the audience of the API's access tokens
 * @property {{ set(spec: import('./tamper.mjs').TamperSpec): void, clear(): void }} tamper test-only fault injection (SwissID)
 * @property {{ set(spec: import('./tamper.mjs').TamperSpec): void, clear(): void }} postLoginTamper the same for the older Post login
 * @property {import('./api-faults.mjs').ApiFaults} apiFaults test-only fault injection in front of the account API
 *   (set(rules) / clear(); see api-faults.mjs)
 * @property {() => void} revokeRefreshTokens deletes every refresh token of both providers (the next renewal fails for real)
 * @property {() => void} resetAddresses puts every demo customer's addresses back as seeded and forgets stored
 *   idempotency keys (tests)
 * @property {object[]} cspReports CSP violation reports received by the demo and partner servers
 * @property {string[]} notFound what the demo and partner servers answered 404 (`site path`), for the tests
 * @property {import('better-sqlite3').Database} db
 * @property {{ file: string, rows: number, loaded: boolean }} localities the directory in use (file name, entries,
 *   whether it was (re)loaded at this start)
 * @property {() => Promise<void>} close
 */

/**
 * @param {ReferenceBackendOptions} [options]
 * @returns {Promise<ReferenceBackend>}
 */
export async function startReferenceBackend(options = {}) {
  const {
    host = 'localhost',
    swissidPort = 4001,
    apiPort = 4002,
    postLoginPort = swissidPort === 0 ? 0 : swissidPort + 2,
    demoPort = 8080,
    partnerPort = 8081,
    dbFile = repoPath('demo/.data/reference.sqlite'),
    localitiesFile = defaultLocalitiesFile(),
    extraClients = [],
    frameAncestors = [],
    accessTokenTtl = 600,
    distDir = repoPath('dist/cdn'),
    pagesDir = repoPath('demo/pages'),
    quiet = false,
  } = options;

  providerPageHeaders(frameAncestors); // refuses anything but origins, before a port is opened

  // Listen first: with port 0 the real ports, and so the issuer and redirect URIs, are known only now.
  const servers = [];
  const open = async (h, port) => {
    const s = await listen(h, port);
    servers.push(s.server);
    return s;
  };
  let db;
  try {
    const swissid = await open(host, swissidPort);
    const api = await open(host, apiPort);
    const postLogin = await open(host, postLoginPort);
    const demo = demoPort === null ? undefined : await open(host, demoPort);
    // A different site from localhost, as a partner's page would be.
    const partner = partnerPort === null ? undefined : await open('127.0.0.1', partnerPort);

    const urls = {
      swissid: `http://${host}:${swissid.port}`,
      postLogin: `http://${host}:${postLogin.port}`,
      api: `http://${host}:${api.port}`,
      demo: demo ? `http://${host}:${demo.port}` : undefined,
      partner: partner ? `http://127.0.0.1:${partner.port}` : undefined,
    };

    db = openDatabase(dbFile);
    const { file: localityFile, rows: localityRows, loaded: localitiesLoaded } = loadLocalities(db, localitiesFile);
    const { metadata, accessTokenTtls } = buildClients({ demoOrigin: urls.demo, partnerOrigin: urls.partner, extraClients });
    const origins = clientOrigins(metadata);
    const clientIds = new Set(metadata.map((client) => client.client_id));
    const firstPartyClientIds = new Set(metadata.filter((client) => client.first_party).map((client) => client.client_id));
    const redirectUris = metadata.flatMap((client) => client.redirect_uris);
    // Both providers issue access tokens for the account API as a resource (RFC 8707).
    const apiResource = apiResourceOf(urls.api);

    const signingKey = await generateSigningKey();
    const { provider, handler } = createSwissIdProvider({
      issuer: urls.swissid, db, clients: metadata, apiResource, accessTokenTtls, accessTokenTtl, signingKey, frameAncestors, quiet,
    });
    const tamper = installTamper(provider, { signingKey, redirectUris: () => redirectUris });
    swissid.setHandler(handler);

    // The older login: the same clients, its own key, table and cookies.
    const postLoginKey = await generateSigningKey();
    const older = createPostLoginProvider({
      issuer: urls.postLogin,
      db,
      clients: structuredClone(metadata),
      apiResource,
      accessTokenTtls,
      accessTokenTtl,
      signingKey: postLoginKey,
      frameAncestors,
      quiet,
    });
    const postLoginTamper = installTamper(older.provider, { signingKey: postLoginKey, redirectUris: () => redirectUris });
    postLogin.setHandler(older.handler);

    const accountApi = createAccountApi({
      provider,
      postLoginProvider: older.provider,
      swissidIssuer: urls.swissid,
      resource: apiResource,
      db,
      allowedOrigins: () => origins,
      clientIds: () => clientIds,
      firstPartyClientIds: () => firstPartyClientIds,
      quiet,
    });
    // Test-only faults in front of the API: they stay off unless a test calls apiFaults.set().
    const apiFaults = installApiFaults(accountApi, {
      allowedOrigins: () => origins,
      closeIdleConnections: () => api.server.closeIdleConnections(),
    });
    api.setHandler(apiFaults.handler);

    /** @type {object[]} */
    const cspReports = [];
    /** @type {string[]} */
    const notFound = [];
    const csp = pageCsp({ swissidOrigin: urls.swissid, apiOrigin: urls.api, postLoginOrigin: urls.postLogin });
    const placeholders = { SWISSID_URL: urls.swissid, POST_LOGIN_URL: urls.postLogin, API_URL: urls.api, DEMO_URL: urls.demo ?? '', PARTNER_URL: urls.partner ?? '' };
    const site = { cdnDir: distDir, csp, cspReports, notFound, placeholders, quiet };
    demo?.setHandler(createStaticSite({ name: 'demo', rootDir: pagesDir, ...site }));
    partner?.setHandler(createStaticSite({ name: 'partner', rootDir: `${pagesDir}/partner`, ...site }));

    const database = db;
    let closed = false;
    return {
      urls,
      apiResource,
      tamper,
      postLoginTamper,
      apiFaults,
      /** Deletes every refresh token (both providers), so the next renewal fails at the provider for real. */
      revokeRefreshTokens() {
        database.prepare("DELETE FROM oidc_models WHERE model = 'RefreshToken'").run();
        database.prepare("DELETE FROM post_login_oidc_models WHERE model = 'RefreshToken'").run();
      },
      resetAddresses() {
        resetDemoAddresses(database);
      },
      cspReports,
      notFound,
      db: database,
      localities: { file: localityFile, rows: localityRows, loaded: localitiesLoaded },
      async close() {
        if (closed) return;
        closed = true;
        await Promise.all(servers.map(closeServer));
        database.close();
      },
    };
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    db?.close();
    throw error;
  }
}
