// The Post account API: who is signed in (looked up from the access token the SwissID stand-in or the
// older Post login issued), linking an older login to a SwissID (link-api.mjs), and the customer's
// addresses with the locality directory (address-api.mjs). One route table maps path and method to a
// handler; a path it does not have is a 404, a method its path does not have a 405 with Allow. Every
// handler says which scope it needs (api-tokens.mjs): the token must be for this API, bound to the key of the DPoP
// proof that comes with it (dpop.mjs), and carry the scope.
import { createRemoteJWKSet } from 'jose';
import { createAddressRoutes } from './address-api.mjs';
import { authenticate, insufficientScopeAnswer, needs, once, unauthorizedAnswer } from './api-tokens.mjs';
import { findAccountById, findSwissIdUser } from './db/accounts.mjs';
import { findPostLoginById, listPostLoginAccounts, listSwissIdAccounts } from './db/post-logins.mjs';
import { createDpopVerifier } from './dpop.mjs';
import { findRoute, logRequest, sendJson } from './http-util.mjs';
import { createLinkRoutes, verifySwissIdToken } from './link-api.mjs';

const ALLOWED_HEADERS = 'Authorization, DPoP, Content-Type, If-Match, Idempotency-Key';
const ALLOWED_METHODS = 'GET, POST, PUT, OPTIONS';

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
 * @property {() => Promise<Actor|null|undefined>} actor the customer account the request acts on (the one `GET /me`
 *   describes) with either login's token; null for a login without any account, undefined without a valid token
 */

/**
 * @typedef {object} Actor the customer account a request acts on (the one `GET /me` describes)
 * @property {string} accountId
 * @property {'customer'|'superadmin'|'user'} role
 */
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
      actor: async () => {
        const swissid = await swissidToken();
        if (swissid) return findSwissIdUser(db, swissid.accountId) ? actingAccount(listSwissIdAccounts(db, swissid.accountId)) : undefined;
        const older = await postLoginToken();
        if (older && findPostLoginById(db, older.accountId)) return actingAccount(listPostLoginAccounts(db, older.accountId));
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
 * The customer account a request acts on: the first of the login's accounts, which is the one
 * `GET /me` describes (a SwissID's own account, else the first linked one); null without any.
 * @param {import('./db/post-logins.mjs').CustomerAccount[]} accounts
 */
function actingAccount(accounts) {
  const first = accounts[0];
  return first ? { accountId: first.id, role: first.role } : null;
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
 * /me after a SwissID sign-in. A SwissID that is a seeded customer account answers as before (its
 * own account on top), plus `accounts`: that account and every account of the older logins linked
 * to the SwissID. A SwissID without an account of its own takes `sub` and `name` from SwissID and
 * the account fields from the first of its accounts (private before business); with no account at
 * all, its SwissID e-mail and a new private customer.
 */
function swissIdMe(db, sub) {
  const user = findSwissIdUser(db, sub);
  if (!user) return undefined;
  const accounts = listSwissIdAccounts(db, sub);
  const own = findAccountById(db, sub);
  if (own) {
    return {
      sub: own.id,
      name: own.name,
      email: own.email,
      accountType: own.accountType,
      role: own.role,
      company: own.company,
      login: 'swissid',
      accounts,
    };
  }
  return meFromFirstAccount(user, accounts, 'swissid');
}

/** /me after an older-login sign-in: the login, with the account fields of its first account. */
function postLoginMe(db, loginId) {
  const login = findPostLoginById(db, loginId);
  if (!login) return undefined;
  return meFromFirstAccount(login, listPostLoginAccounts(db, login.id), 'post');
}

/**
 * /me for an identity without an account of its own (an older login, or a SwissID used only through linked logins):
 * its own id and name, the account fields of its first account (a new private customer when it has none).
 */
function meFromFirstAccount(identity, accounts, login) {
  const first = accounts[0];
  return {
    sub: identity.id,
    name: identity.name,
    email: first?.email ?? identity.email,
    accountType: first?.type ?? 'private',
    role: first?.role ?? 'customer',
    company: first?.company ?? null,
    login,
    accounts,
  };
}
