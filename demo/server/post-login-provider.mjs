// The older Post customer login: a second real OpenID provider, for customer logins not yet linked to
// SwissID. Same provider code as the SwissID stand-in, with its own issuer, key, model table, cookie
// names, accounts and page texts.
import { authenticatePostLogin, findPostLoginById } from './db/post-logins.mjs';
import { createOpenIdProvider } from './openid-provider.mjs';
import { POST_LOGIN_STRINGS } from './provider-strings.mjs';

/** Cookie names apart from SwissID's: both providers run on the same host name, and cookies ignore ports. */
export const POST_LOGIN_COOKIES = Object.freeze({
  session: '_post_login_session',
  interaction: '_post_login_interaction',
  resume: '_post_login_interaction_resume',
});

/**
 * @param {object} options
 * @param {string} options.issuer
 * @param {import('better-sqlite3').Database} options.db
 * @param {string} options.apiResource the account API's resource indicator
 * @param {readonly string[]} [options.frameAncestors] origins that may frame the provider's pages (tests only)
 * @param {object[]} options.clients oidc-provider client metadata (the same clients as SwissID's)
 * @param {Map<string, number>} options.accessTokenTtls per-client access token lifetimes
 * @param {number} options.accessTokenTtl default access token lifetime (seconds)
 * @param {object} options.signingKey private JWK from generateSigningKey(), not SwissID's
 * @param {boolean} [options.quiet]
 */
export function createPostLoginProvider({ issuer, db, clients, apiResource, accessTokenTtls, accessTokenTtl, signingKey, frameAncestors, quiet }) {
  return createOpenIdProvider({
    name: 'post-login',
    issuer,
    db,
    table: 'post_login_oidc_models',
    clients,
    apiResource,
    frameAncestors,
    accessTokenTtls,
    accessTokenTtl,
    signingKey,
    quiet,
    cookieNames: POST_LOGIN_COOKIES,
    texts: POST_LOGIN_STRINGS,
    findUser: (sub) => findPostLoginById(db, sub),
    toClaims: (login) => ({ sub: login.id, name: login.name, email: login.email }),
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    authenticate: (email, password) => authenticatePostLogin(db, email, password),
  });
}
