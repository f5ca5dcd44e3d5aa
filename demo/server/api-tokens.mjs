// The account API's bearer tokens: an access token counts when its provider knows it (not revoked, not expired),
// it was issued to a registered client and for this API (its audience, RFC 8707), and a route runs only when the
// token carries the scope the route needs (RFC 6750: 401 invalid_token, 403 insufficient_scope).

/**
 * @typedef {object} BearerToken a valid access token for the API
 * @property {'swissid'|'post'} login the provider that issued it (SwissID or the older Post customer login)
 * @property {string} accountId the subject at that provider
 * @property {string} clientId
 * @property {boolean} firstParty whether its client is one of Post's own sites
 * @property {Set<string>} scopes the API scopes it carries
 */

/**
 * The access token in an Authorization header, as its provider stored it, when it is valid for the API.
 * @param {import('oidc-provider').default} provider
 * @param {string|undefined} authorization the request's Authorization header
 * @param {{ clientIds: Set<string>, resource: string }} accepted registered clients; the API's resource indicator
 * @returns {Promise<any>} the provider's AccessToken, or undefined
 */
export async function findAccessToken(provider, authorization, { clientIds, resource }) {
  const match = /^Bearer ([\w.~+/-]+=*)$/.exec(String(authorization ?? ''));
  if (!match) return undefined;
  // find() returns nothing for unknown, revoked or expired tokens. A DPoP-bound token is refused:
  // this API checks no proof of possession, so such a token must not work as a plain bearer token.
  const token = await provider.AccessToken.find(match[1]);
  if (!token || token.isExpired || token.isSenderConstrained() || !clientIds.has(token.clientId)) return undefined;
  // A token for another resource, or for none (the userinfo endpoint, or issued before the API was a resource), is
  // not for this API.
  const audiences = Array.isArray(token.aud) ? token.aud : [token.aud];
  return audiences.includes(resource) ? token : undefined;
}

/**
 * A route handler that runs only for a valid token carrying `scope` (and, with `login`, issued by that provider):
 * without a valid token (or with another provider's) 401 invalid_token, without the scope 403 insufficient_scope.
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

/** The 403 of a token without the scope a route needs (RFC 6750 section 3.1). */
export function insufficientScopeAnswer(scope) {
  return {
    body: { error: 'insufficient_scope', message: `This access token does not allow this request; it needs the scope ${scope}.`, scope },
    headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"` },
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
