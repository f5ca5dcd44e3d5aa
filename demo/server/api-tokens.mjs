// The account API's access tokens: DPoP-bound tokens only (RFC 9449). A request counts when its token is known to its
// provider (not revoked, not expired), was issued to a registered client and for this API (its audience, RFC 8707),
// is bound to a key (`cnf.jkt`) and comes as `Authorization: DPoP <token>` with a valid proof of that key (dpop.mjs);
// a route runs only when the token carries the scope the route needs (401 invalid_token or invalid_dpop_proof,
// 403 insufficient_scope, each with a `DPoP` challenge).
import { DpopProofError } from './dpop.mjs';

/**
 * @typedef {object} BearerToken a valid access token for the API (DPoP-bound; the name is the older one's)
 * @property {'swissid'|'post'} login the provider that issued it (SwissID or the older Post customer login)
 * @property {string} accountId the subject at that provider
 * @property {string} clientId
 * @property {boolean} firstParty whether its client is one of Post's own sites
 * @property {Set<string>} scopes the API scopes it carries
 */

/**
 * @typedef {{ login: 'swissid'|'post', token: any } | { error: 'invalid_token'|'invalid_dpop_proof', message: string, missing?: boolean }} Authentication
 *   the request's valid access token (as its provider stored it) and who issued it, or why there is none; `missing`
 *   when the request had no credentials at all
 */

const INVALID_TOKEN_MESSAGE = 'The access token is missing, expired or not valid.';

/** The credentials of an Authorization header (the scheme is case-insensitive, RFC 9110). */
export function parseAuthorization(header) {
  const match = /^(DPoP|Bearer) ([\w.~+/-]+=*)$/i.exec(String(header ?? ''));
  if (!match) return undefined;
  return { scheme: match[1].toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer', token: match[2] };
}

/**
 * An access token as its provider stored it, when it is valid for the API.
 * @param {import('oidc-provider').default} provider
 * @param {string} value the token
 * @param {{ clientIds: Set<string>, resource: string }} accepted registered clients; the API's resource indicator
 * @returns {Promise<any>} the provider's AccessToken, or undefined
 */
export async function findAccessToken(provider, value, { clientIds, resource }) {
  // find() returns nothing for unknown, revoked or expired tokens.
  const token = await provider.AccessToken.find(value);
  if (!token || token.isExpired || !clientIds.has(token.clientId)) return undefined;
  // A token for another resource, or for none (the userinfo endpoint, or issued before the API was a resource), is
  // not for this API.
  const audiences = Array.isArray(token.aud) ? token.aud : [token.aud];
  return audiences.includes(resource) ? token : undefined;
}

/**
 * Who a request comes from: its access token (of whichever provider issued it), which must be DPoP-bound and come
 * with the DPoP scheme and a valid proof of its key. A bound token sent as Bearer is refused (RFC 9449 section 7.2),
 * and so is an unbound one: this API takes no bearer tokens.
 * @param {import('node:http').IncomingMessage} req
 * @param {object} deps
 * @param {[login: 'swissid'|'post', provider: import('oidc-provider').default][]} deps.providers
 * @param {{ clientIds: Set<string>, resource: string }} deps.accepted
 * @param {ReturnType<typeof import('./dpop.mjs').createDpopVerifier>} deps.dpop
 * @param {string} deps.url the API's public URL of this request, without query (a proof's `htu`)
 * @returns {Promise<Authentication>}
 */
export async function authenticate(req, { providers, accepted, dpop, url }) {
  const credentials = parseAuthorization(req.headers.authorization);
  if (!credentials) return { error: 'invalid_token', message: INVALID_TOKEN_MESSAGE, missing: req.headers.authorization === undefined };
  let found;
  for (const [login, provider] of providers) {
    const token = await findAccessToken(provider, credentials.token, accepted);
    if (token) {
      found = { login, token };
      break;
    }
  }
  if (!found) return { error: 'invalid_token', message: INVALID_TOKEN_MESSAGE };
  if (!found.token.jkt) return { error: 'invalid_token', message: 'The access token is not bound to a key (DPoP); this API takes no bearer tokens.' };
  if (credentials.scheme !== 'DPoP') return { error: 'invalid_token', message: 'The access token is DPoP-bound: send it as "Authorization: DPoP …" with a DPoP proof.' };
  try {
    await dpop.verify(req.headers.dpop, { method: String(req.method), url, accessToken: credentials.token, jkt: found.token.jkt });
  } catch (error) {
    if (error instanceof DpopProofError) return { error: 'invalid_dpop_proof', message: error.message };
    throw error;
  }
  return found;
}

/**
 * The 401 of a request without a valid token or proof (RFC 9449 section 7.1): its body and its WWW-Authenticate
 * challenge, e.g. `DPoP error="invalid_dpop_proof", algs="ES256 Ed25519 EdDSA"`; without any credentials, the
 * challenge alone (RFC 6750 section 3.1).
 * @param {Authentication|undefined} auth the failed authentication; undefined: the token's login is gone
 * @param {readonly string[]} algs the proof algorithms the API accepts
 */
export function unauthorizedAnswer(auth, algs) {
  const failure = auth && 'error' in auth ? auth : { error: /** @type {const} */ ('invalid_token'), message: INVALID_TOKEN_MESSAGE };
  const algsParam = `algs="${algs.join(' ')}"`;
  return {
    body: { error: failure.error, message: failure.message },
    headers: { 'WWW-Authenticate': 'missing' in failure && failure.missing ? `DPoP ${algsParam}` : `DPoP error="${failure.error}", ${algsParam}` },
  };
}

/**
 * A route handler that runs only for a valid token carrying `scope` (and, with `login`, issued by that provider):
 * without a valid token and proof (or with another provider's token) 401, without the scope 403 insufficient_scope.
 * Linking (`account.link`) also needs a first-party client's token, whatever scope a token says it has.
 * @template {{ token: () => Promise<BearerToken|undefined>, unauthorized: () => void, insufficientScope: (scope: string) => void }} Ctx
 * @param {string} scope
 * @param {(ctx: Ctx, params: string[]) => unknown} handler
 * @param {{ login?: 'swissid'|'post' }} [options]
 * @returns {(ctx: Ctx, params: string[]) => Promise<unknown>}
 */
export function needs(scope, handler, { login } = {}) {
  return async (ctx, params) => {
    const token = await ctx.token();
    if (!token || (login && token.login !== login)) return ctx.unauthorized();
    if (!token.scopes.has(scope) || (scope === 'account.link' && !token.firstParty)) return ctx.insufficientScope(scope);
    return handler(ctx, params);
  };
}

/** The 403 of a token without the scope a route needs (RFC 6750 section 3.1, with the DPoP scheme of RFC 9449). */
export function insufficientScopeAnswer(scope) {
  return {
    body: { error: 'insufficient_scope', message: `This access token does not allow this request; it needs the scope ${scope}.`, scope },
    headers: { 'WWW-Authenticate': `DPoP error="insufficient_scope", scope="${scope}"` },
  };
}

/** Calls `fn` once, on first use, and answers its (first) result ever after. */
export function once(fn) {
  let result;
  let called = false;
  return () => {
    if (!called) {
      called = true;
      result = fn();
    }
    return result;
  };
}
