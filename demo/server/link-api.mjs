// Linking an older Post customer login to a SwissID, at the account API: the link status, a one-time challenge, and
// the link itself with both proofs (the older login's access token; a SwissID ID token from a sign-in made for this
// challenge). Only the older login's tokens of Post's own sites with `account.link` get here.
import { errors, jwtVerify } from 'jose';
import { needs } from './api-tokens.mjs';
import { createLinkChallenge, linkWithProof } from './db/linking.mjs';
import { findPostLoginById, listPostLoginAccounts, listSwissIdAccounts } from './db/post-logins.mjs';
import { readBody } from './http-util.mjs';

/** How old a SwissID ID token may be to prove a SwissID for linking (its `iat`). */
export const LINK_ID_TOKEN_MAX_AGE = '5m';

const INVALID_ID_TOKEN = { error: 'invalid_id_token', message: 'The SwissID ID token is not valid, not fresh or not for this service.' };

/** @typedef {import('./account-api.mjs').RequestContext} RequestContext */

/**
 * @typedef {object} SwissIdProof what a verified SwissID ID token proves
 * @property {string} sub the SwissID
 * @property {string} nonce
 * @property {number} authTime when the customer signed in (seconds since the epoch)
 * @property {string} clientId the client it was issued to (`azp`, else its audience)
 * @property {string} [email]
 */

/**
 * GET /link-status, POST /link/challenge and POST /link, each needing `account.link` on an older-login token of a
 * first-party client.
 * @param {{ db: import('better-sqlite3').Database, verifyIdToken: (idToken: string) => Promise<SwissIdProof> }} deps
 * @returns {import('./account-api.mjs').ApiRoute[]}
 */
export function createLinkRoutes({ db, verifyIdToken }) {
  /**
   * The older login of the request's token (needs() made sure it is one), or undefined after a 401.
   * @param {RequestContext} ctx
   */
  const olderLogin = async (ctx) => {
    const token = /** @type {import('./api-tokens.mjs').BearerToken} */ (await ctx.token());
    const login = findPostLoginById(db, token.accountId);
    if (!login) return ctx.unauthorized();
    return { token, login };
  };

  /** @param {RequestContext} ctx */
  const status = async (ctx) => {
    const found = await olderLogin(ctx);
    if (found) ctx.reply(200, linkStatus(db, found.login.id));
  };

  /** @param {RequestContext} ctx */
  const challenge = async (ctx) => {
    const found = await olderLogin(ctx);
    if (found) ctx.reply(201, createLinkChallenge(db, { loginId: found.login.id, clientId: found.token.clientId }));
  };

  /** @param {RequestContext} ctx */
  const link = async (ctx) => {
    // Proof 1: the older login, by its access token.
    const found = await olderLogin(ctx);
    if (!found) return undefined;
    const { req, reply } = ctx;

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

    // Proof 2: the SwissID, by a fresh ID token SwissID issued to one of Post's own sites for a challenge of this login.
    let proof;
    try {
      proof = await verifyIdToken(idToken);
    } catch (error) {
      // Only a refused token is the caller's fault; an unreachable or broken JWKS is ours.
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout) && !(error instanceof errors.JWKSInvalid)) {
        return reply(400, INVALID_ID_TOKEN);
      }
      throw error;
    }

    const result = linkWithProof(db, {
      loginId: found.login.id,
      clientId: found.token.clientId,
      swissidSub: proof.sub,
      nonce: proof.nonce,
      authTime: proof.authTime,
      proofClientId: proof.clientId,
      swissidEmail: proof.email,
    });
    if (!result.ok) {
      if (result.error === 'invalid_proof') return reply(400, INVALID_ID_TOKEN);
      if (result.error === 'unknown_login') return ctx.unauthorized();
      return reply(409, { error: 'already_linked', message: 'This Post customer login is already linked to another SwissID.' });
    }
    return reply(200, linkStatus(db, found.login.id));
  };

  const linking = { login: /** @type {const} */ ('post') };
  return [
    { path: '/link-status', methods: { GET: needs('account.link', status, linking) } },
    { path: '/link/challenge', methods: { POST: needs('account.link', challenge, linking) } },
    { path: '/link', methods: { POST: needs('account.link', link, linking) } },
  ];
}

/**
 * The link status of an older login: its own accounts, and (`swissidAccounts`) every account now under the SwissID
 * it is linked to (the SwissID's own account, if any, and the accounts of all its linked logins, this one's among
 * them); [] when it is not linked. The SwissID's subject is not disclosed.
 */
function linkStatus(db, loginId) {
  const login = findPostLoginById(db, loginId);
  if (!login) return undefined;
  return {
    login: { sub: login.id, email: login.email, name: login.name },
    linked: login.swissidSub !== null,
    linkedAt: login.linkedAt,
    invited: login.invited,
    accounts: listPostLoginAccounts(db, login.id),
    swissidAccounts: login.swissidSub === null ? [] : listSwissIdAccounts(db, login.swissidSub),
  };
}

/**
 * Verifies a SwissID ID token in full: RS256 signature by SwissID's published keys, `iss`, `aud` (every audience one
 * of `clientIds`, the first-party clients), `azp` (required with several audiences, then one of them), `exp`, `iat`
 * at most LINK_ID_TOKEN_MAX_AGE old and not in the future, `sub`, and the presence of `nonce` and `auth_time` (which
 * linkWithProof checks against the challenge).
 * @param {string} idToken
 * @param {{ jwks: Parameters<typeof jwtVerify>[1], issuer: string, clientIds: Set<string> }} trust
 * @returns {Promise<SwissIdProof>}
 * @throws {errors.JOSEError} when the token is refused
 */
export async function verifySwissIdToken(idToken, { jwks, issuer, clientIds }) {
  const { payload } = await jwtVerify(idToken, /** @type {any} */ (jwks), {
    issuer,
    audience: [...clientIds],
    algorithms: ['RS256'],
    maxTokenAge: LINK_ID_TOKEN_MAX_AGE,
    clockTolerance: 5,
    requiredClaims: ['sub', 'iat', 'exp', 'aud', 'nonce', 'auth_time'],
  });
  const refuse = (message, claim) => new errors.JWTClaimValidationFailed(message, payload, claim, 'check_failed');
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.every((aud) => typeof aud === 'string' && clientIds.has(aud))) throw refuse('audience not a first-party client', 'aud');
  if (audiences.length > 1 && payload.azp === undefined) throw refuse('azp required with several audiences', 'azp');
  if (payload.azp !== undefined && (typeof payload.azp !== 'string' || !clientIds.has(payload.azp) || !audiences.includes(payload.azp))) {
    throw refuse('unexpected azp', 'azp');
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw refuse('sub missing', 'sub');
  if (typeof payload.nonce !== 'string' || payload.nonce === '') throw refuse('nonce missing', 'nonce');
  if (typeof payload.auth_time !== 'number' || !Number.isFinite(payload.auth_time)) throw refuse('auth_time missing', 'auth_time');
  return {
    sub: payload.sub,
    nonce: payload.nonce,
    authTime: payload.auth_time,
    clientId: typeof payload.azp === 'string' ? payload.azp : /** @type {string} */ (audiences[0]),
    email: typeof payload.email === 'string' ? payload.email : undefined,
  };
}
