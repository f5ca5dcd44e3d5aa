// The Post account API: who is signed in (looked up from the access token the SwissID stand-in or the
// older Post login issued), the link status of an older login, linking it to a SwissID, and the
// customer's addresses with the locality directory (address-api.mjs). One route table maps path and
// method to a handler; a path it does not have is a 404, a method its path does not have a 405 with Allow.
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { createAddressRoutes } from './address-api.mjs';
import { findAccountById, findSwissIdUser } from './db/accounts.mjs';
import { findPostLoginById, linkPostLogin, listPostLoginAccounts, listSwissIdAccounts } from './db/post-logins.mjs';
import { findRoute, logRequest, readBody, sendJson } from './http-util.mjs';

const ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, Idempotency-Key';
const ALLOWED_METHODS = 'GET, POST, PUT, OPTIONS';

/** How old a SwissID ID token may be to prove a SwissID for linking (its `iat`). */
export const LINK_ID_TOKEN_MAX_AGE = '5m';

const INVALID_TOKEN = { error: 'invalid_token', message: 'The access token is missing, expired or not valid.' };

/**
 * @typedef {object} RequestContext what a route's handler gets for one request
 * @property {import('node:http').IncomingMessage} req
 * @property {string} path the request's path, without the query
 * @property {(status: number, body: unknown, headers?: Record<string, string>) => void} reply answers JSON with the
 *   CORS headers, and logs the request
 * @property {() => void} unauthorized 401 invalid_token, with WWW-Authenticate
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
 * @param {import('better-sqlite3').Database} deps.db
 * @param {() => Set<string>} deps.allowedOrigins exact browser origins (scheme://host:port)
 * @param {() => Set<string>} deps.clientIds clients whose tokens this API accepts (the same at both providers)
 * @param {boolean} [deps.quiet]
 * @returns {import('node:http').RequestListener}
 */
export function createAccountApi({ provider, postLoginProvider, swissidIssuer, db, allowedOrigins, clientIds, quiet }) {
  /** @type {ReturnType<typeof createRemoteJWKSet> | undefined} */
  let swissidJwks;
  const verifyIdToken = (idToken) => {
    swissidJwks ??= createRemoteJWKSet(new URL(`${swissidIssuer}/jwks`));
    return verifySwissIdToken(idToken, { jwks: swissidJwks, issuer: swissidIssuer, clientIds: clientIds() });
  };

  /** @type {ApiRoute[]} */
  const routes = [...accountRoutes({ db, verifyIdToken }), ...createAddressRoutes({ db })];

  return async function accountApi(req, res) {
    const corsHeaders = cors(req.headers.origin, allowedOrigins());
    const path = (req.url ?? '/').split('?')[0];
    const reply = (status, body, headers = {}) => {
      sendJson(res, status, body, { ...corsHeaders, ...headers });
      logRequest(quiet, 'api', req, status);
    };
    const swissidToken = () => accessToken(provider, req.headers.authorization, clientIds());
    const postLoginToken = () => accessToken(postLoginProvider, req.headers.authorization, clientIds());
    /** @type {RequestContext} */
    const ctx = {
      req,
      path,
      reply,
      unauthorized: () => reply(401, INVALID_TOKEN, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }),
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
 * Who is signed in (/me), and linking an older login to a SwissID (/link-status, /link).
 * @param {{ db: import('better-sqlite3').Database, verifyIdToken: (idToken: string) => Promise<string> }} deps
 * @returns {ApiRoute[]}
 */
function accountRoutes({ db, verifyIdToken }) {
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

  /** @param {RequestContext} ctx */
  const status = async ({ reply, unauthorized, postLoginToken }) => {
    const older = await postLoginToken();
    const body = older && linkStatus(db, older.accountId);
    return body ? reply(200, body) : unauthorized();
  };

  /** @param {RequestContext} ctx */
  const link = async ({ req, reply, unauthorized, postLoginToken }) => {
    // Proof 1: the older login, by its access token.
    const older = await postLoginToken();
    const login = older && findPostLoginById(db, older.accountId);
    if (!login) return unauthorized();

    let idToken;
    try {
      idToken = JSON.parse(await readBody(req, 16 * 1024))?.idToken;
    } catch (error) {
      if (error?.status === 413) return reply(413, { error: 'payload_too_large', message: 'The request body is too large.' });
      idToken = undefined;
    }
    if (typeof idToken !== 'string' || idToken === '') {
      return reply(400, { error: 'invalid_request', message: 'Send a JSON body { "idToken": "<SwissID ID token>" }.' });
    }

    // Proof 2: the SwissID, by a fresh ID token SwissID issued to one of the trusted clients.
    let swissidSub;
    try {
      swissidSub = await verifyIdToken(idToken);
    } catch (error) {
      // Only a refused token is the caller's fault; an unreachable or broken JWKS is ours.
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout) && !(error instanceof errors.JWKSInvalid)) {
        return reply(400, { error: 'invalid_id_token', message: 'The SwissID ID token is not valid, not fresh or not for this service.' });
      }
      throw error;
    }

    const result = linkPostLogin(db, login.id, swissidSub);
    if (!result.ok) {
      if (result.error === 'unknown_login') return unauthorized();
      return reply(409, result.error === 'already_linked'
        ? { error: 'already_linked', message: 'This Post customer login is already linked to a SwissID.' }
        : { error: 'swissid_in_use', message: 'This SwissID is already linked to another Post customer login.' });
    }
    return reply(200, linkStatus(db, login.id));
  };

  return [
    { path: '/me', methods: { GET: me } },
    { path: '/link-status', methods: { GET: status } },
    { path: '/link', methods: { POST: link } },
  ];
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

/** A valid bearer access token of `provider` for a trusted client, or undefined. */
async function accessToken(provider, authorization, clientIds) {
  const match = /^Bearer ([\w.~+/-]+=*)$/.exec(String(authorization ?? ''));
  if (!match) return undefined;
  // find() returns nothing for unknown, revoked or expired tokens. A DPoP-bound token is refused:
  // this API checks no proof of possession, so such a token must not work as a plain bearer token.
  const token = await provider.AccessToken.find(match[1]);
  if (!token || token.isExpired || token.isSenderConstrained() || !clientIds.has(token.clientId)) return undefined;
  return token;
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

function linkStatus(db, loginId) {
  const login = findPostLoginById(db, loginId);
  if (!login) return undefined;
  return {
    login: { sub: login.id, email: login.email, name: login.name },
    linked: login.swissidSub !== null,
    linkedAt: login.linkedAt,
    invited: login.invited,
    accounts: listPostLoginAccounts(db, login.id),
  };
}

/**
 * Verifies a SwissID ID token in full: RS256 signature by SwissID's published keys, `iss`, `aud`
 * (every audience a trusted client), `azp` (required with several audiences, then a trusted client
 * among them), `exp`, `iat` at most LINK_ID_TOKEN_MAX_AGE old and not in the future, `sub`.
 * @returns {Promise<string>} the SwissID subject
 * @throws {errors.JOSEError} when the token is refused
 */
export async function verifySwissIdToken(idToken, { jwks, issuer, clientIds }) {
  const trusted = [...clientIds];
  const { payload } = await jwtVerify(idToken, jwks, {
    issuer,
    audience: trusted,
    algorithms: ['RS256'],
    maxTokenAge: LINK_ID_TOKEN_MAX_AGE,
    clockTolerance: 5,
    requiredClaims: ['sub', 'iat', 'exp', 'aud'],
  });
  const refuse = (message, claim) => new errors.JWTClaimValidationFailed(message, payload, claim, 'check_failed');
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.every((aud) => clientIds.has(aud))) throw refuse('untrusted audience', 'aud');
  if (audiences.length > 1 && payload.azp === undefined) throw refuse('azp required with several audiences', 'azp');
  if (payload.azp !== undefined && (typeof payload.azp !== 'string' || !clientIds.has(payload.azp) || !audiences.includes(payload.azp))) {
    throw refuse('unexpected azp', 'azp');
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw refuse('sub missing', 'sub');
  return payload.sub;
}
