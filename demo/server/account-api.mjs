// The Post account API: who is signed in and every account they may act for (looked up from the access token the
// SwissID stand-in or the older Post login issued), linking an older login to a SwissID (link-api.mjs), and each
// account's addresses with the locality directory (address-api.mjs). One route table maps path and method to a
// handler; a path it does not have is a 404, a method its path does not have a 405 with Allow. Every
// handler says which scope it needs (api-tokens.mjs): the token must be for this API, bound to the key of the DPoP
// proof that comes with it (dpop.mjs), and carry the scope.
import { createRemoteJWKSet } from 'jose';
import { createAddressRoutes } from './address-api.mjs';
import { authenticate, insufficientScopeAnswer, needs, once, unauthorizedAnswer } from './api-tokens.mjs';
import { findSwissIdUser } from './db/accounts.mjs';
import { findPostLoginById, listPostLoginAccounts, listSwissIdAccounts } from './db/post-logins.mjs';
import { createDpopVerifier } from './dpop.mjs';
import { findRoute, logRequest, sendJson } from './http-util.mjs';
import { createLinkRoutes, verifySwissIdToken } from './link-api.mjs';

const ALLOWED_HEADERS = 'Authorization, DPoP, Content-Type, If-Match, Idempotency-Key';
const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';

/**
 * @typedef {object} RequestContext what a route's handler gets for one request
 * @property {import('node:http').IncomingMessage} req
 * @property {string} path the request's path, without the query
 * @property {(status: number, body: unknown, headers?: Record<string, string>) => void} reply answers JSON with the
 *   CORS headers, and logs the request
 * @property {() => void} unauthorized 401 invalid_token (or invalid_dpop_proof, for a request whose proof failed), with
 *   WWW-Authenticate
 * @property {(scope: string) => void} insufficientScope 403 insufficient_scope for a token without `scope`
 * @property {() => Promise<import('./api-tokens.mjs').BearerToken|undefined>} token the request's valid access token
 *   for this API (of either provider), or undefined
 * @property {() => Promise<any>} swissidToken the request's valid SwissID access token, or undefined
 * @property {() => Promise<any>} postLoginToken the request's valid older-login access token, or undefined
 * @property {() => Promise<CustomerAccount[]|undefined>} accounts every account the token's subject may act for (the
 *   `accounts` of `GET /me`), with either login's token; undefined without a valid token (or when its login is gone)
 */

/** @typedef {import('./db/post-logins.mjs').CustomerAccount} CustomerAccount */
/** @typedef {import('./http-util.mjs').Route<RequestContext>} ApiRoute */

/**
 * @param {object} deps
 * @param {import('oidc-provider').default} deps.provider the SwissID stand-in
 * @param {import('oidc-provider').default} deps.postLoginProvider the older Post customer login
 * @param {string} deps.swissidIssuer SwissID's issuer; its JWKS is fetched from `${issuer}/jwks`
 * @param {string} deps.resource this API's resource indicator: the audience its access tokens must have. It is also
 *   the API's public base URL: a DPoP proof's `htu` is this without its trailing slash, plus the request's path
 * @param {import('better-sqlite3').Database} deps.db
 * @param {() => Set<string>} deps.allowedOrigins exact browser origins (scheme://host:port)
 * @param {() => Set<string>} deps.clientIds clients whose tokens this API accepts (the same at both providers)
 * @param {() => Set<string>} deps.firstPartyClientIds those of them that are Post's own sites
 * @param {boolean} [deps.quiet]
 * @returns {import('node:http').RequestListener}
 */
export function createAccountApi({
  provider, postLoginProvider, swissidIssuer, resource, db, allowedOrigins, clientIds, firstPartyClientIds, quiet,
}) {
  /** @type {ReturnType<typeof createRemoteJWKSet> | undefined} */
  let swissidJwks;
  // Only an ID token issued to one of Post's own sites proves a SwissID for linking.
  const verifyIdToken = (idToken) => {
    swissidJwks ??= createRemoteJWKSet(new URL(`${swissidIssuer}/jwks`));
    return verifySwissIdToken(idToken, { jwks: swissidJwks, issuer: swissidIssuer, clientIds: firstPartyClientIds() });
  };

  /** @type {ApiRoute[]} */
  const routes = [...accountRoutes({ db }), ...createLinkRoutes({ db, verifyIdToken }), ...createAddressRoutes({ db })];
  // One replay cache for this API instance: a proof's jti is accepted once.
  const dpop = createDpopVerifier();
  const publicBase = resource.replace(/\/$/, '');
  /** @type {[login: 'swissid'|'post', provider: import('oidc-provider').default][]} */
  const providers = [['swissid', provider], ['post', postLoginProvider]];

  return async function accountApi(req, res) {
    const corsHeaders = cors(req.headers.origin, allowedOrigins());
    const path = (req.url ?? '/').split('?')[0];
    const reply = (status, body, headers = {}) => {
      sendJson(res, status, body, { ...corsHeaders, ...headers });
      logRequest(quiet, 'api', req, status);
    };
    const accepted = { clientIds: clientIds(), resource };
    /** @type {import('./api-tokens.mjs').Authentication|undefined} */
    let auth;
    const authenticated = once(async () => {
      auth = await authenticate(req, { providers, accepted, dpop, url: `${publicBase}${path}` });
      return auth;
    });
    const tokenOf = (login) => once(async () => {
      const result = await authenticated();
      return 'login' in result && result.login === login ? result.token : undefined;
    });
    const swissidToken = tokenOf('swissid');
    const postLoginToken = tokenOf('post');
    const describe = (login, token) => ({
      login,
      accountId: String(token.accountId),
      clientId: token.clientId,
      firstParty: firstPartyClientIds().has(token.clientId),
      scopes: token.scopes,
    });
    /** @type {RequestContext} */
    const ctx = {
      req,
      path,
      reply,
      unauthorized: () => {
        const { body, headers } = unauthorizedAnswer(auth, dpop.algorithms);
        reply(401, body, headers);
      },
      insufficientScope: (scope) => {
        const { body, headers } = insufficientScopeAnswer(scope);
        reply(403, body, headers);
      },
      token: once(async () => {
        const swissid = await swissidToken();
        if (swissid) return describe('swissid', swissid);
        const older = await postLoginToken();
        return older ? describe('post', older) : undefined;
      }),
      swissidToken,
      postLoginToken,
      accounts: async () => {
        const swissid = await swissidToken();
        if (swissid) return findSwissIdUser(db, swissid.accountId) ? listSwissIdAccounts(db, swissid.accountId) : undefined;
        const older = await postLoginToken();
        if (older && findPostLoginById(db, older.accountId)) return listPostLoginAccounts(db, older.accountId);
        return undefined;
      },
    };

    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...corsHeaders, 'Access-Control-Max-Age': '600' });
        res.end();
        logRequest(quiet, 'api', req, 204);
        return;
      }
      // The liveness probe, outside the table: any other method on it is a 404, not a 405.
      if (path === '/health' && req.method === 'GET') return reply(200, { ok: true });

      const route = findRoute(routes, path, req.method);
      if (!route) return reply(404, { error: 'not_found', message: 'No such resource.' });
      if ('allow' in route) {
        const methods = route.allow.join(', ');
        return reply(405, { error: 'method_not_allowed', message: `Use ${methods}.` }, { Allow: `${methods}, OPTIONS` });
      }
      await route.handler(ctx, route.params);
    } catch {
      // Never a stack trace (or anything from the request) in the answer.
      if (!res.headersSent) reply(500, { error: 'server_error', message: 'The account service failed. Please try again.' });
    }
  };
}

/**
 * Who is signed in: GET /me (`account.read`), with either login's token.
 * @param {{ db: import('better-sqlite3').Database }} deps
 * @returns {ApiRoute[]}
 */
function accountRoutes({ db }) {
  /** @param {RequestContext} ctx */
  const me = async ({ reply, unauthorized, swissidToken, postLoginToken }) => {
    const swissid = await swissidToken();
    if (swissid) {
      const body = swissIdMe(db, swissid.accountId);
      return body ? reply(200, body) : unauthorized();
    }
    const older = await postLoginToken();
    const body = older && postLoginMe(db, older.accountId);
    return body ? reply(200, body) : unauthorized();
  };

  return [{ path: '/me', methods: { GET: needs('account.read', me) } }];
}

/**
 * CORS headers for an allowed origin only; any other origin gets none and the browser blocks it.
 * Exported for the test-only faults (api-faults.mjs), which answer as this API would.
 * @param {string|undefined} origin the request's Origin header
 * @param {Set<string>} allowed
 * @returns {Record<string, string>}
 */
export function cors(origin, allowed) {
  const headers = { Vary: 'Origin' };
  if (typeof origin !== 'string' || !allowed.has(origin)) return headers;
  return {
    ...headers,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Expose-Headers': 'ETag, WWW-Authenticate',
  };
}

/**
 * /me after a SwissID sign-in: the SwissID's own name and e-mail (never an older login's), and every account under it
 * (its own, if it is a seeded customer account, then those of its linked older logins). Always `linked: true`.
 */
function swissIdMe(db, sub) {
  const user = findSwissIdUser(db, sub);
  return user && person('swissid', user, true, listSwissIdAccounts(db, sub));
}

/**
 * /me after an older-login sign-in: the older login's own name and e-mail, whether it is linked to a SwissID, and its
 * own accounts only (an older login's password never reaches the accounts of the other logins under its SwissID).
 */
function postLoginMe(db, loginId) {
  const login = findPostLoginById(db, loginId);
  return login && person('post', login, login.swissidSub !== null, listPostLoginAccounts(db, login.id));
}

/**
 * The person of a /me answer and the accounts they may act for. The legacy top-level `accountType`, `role` and
 * `company` are those of the first account (a new private customer without any).
 * @param {'swissid'|'post'} login
 * @param {{ id: string, name: string, email: string }} identity
 * @param {boolean} linked
 * @param {CustomerAccount[]} accounts
 */
function person(login, identity, linked, accounts) {
  const first = accounts[0];
  return {
    sub: identity.id,
    login,
    name: identity.name,
    email: identity.email,
    linked,
    accounts,
    accountType: first?.type ?? 'private',
    role: first?.role ?? 'customer',
    company: first?.company ?? null,
  };
}
