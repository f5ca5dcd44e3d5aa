// The SwissID stand-in: a real OpenID provider (oidc-provider) with its state in SQLite.
import { authenticate, findSwissIdUser } from './db/accounts.mjs';
import { createOpenIdProvider, generateSigningKey } from './openid-provider.mjs';

export { generateSigningKey };

/**
 * @param {object} options
 * @param {string} options.issuer
 * @param {import('better-sqlite3').Database} options.db
 * @param {string} options.apiResource the account API's resource indicator
 * @param {readonly string[]} [options.frameAncestors] origins that may frame the provider's pages (tests only)
 * @param {object[]} options.clients oidc-provider client metadata
 * @param {Map<string, number>} options.accessTokenTtls per-client access token lifetimes
 * @param {number} options.accessTokenTtl default access token lifetime (seconds)
 * @param {object} options.signingKey private JWK from generateSigningKey()
 * @param {boolean} [options.quiet]
 */
export function createSwissIdProvider({ issuer, db, clients, apiResource, accessTokenTtls, accessTokenTtl, signingKey, frameAncestors, quiet }) {
  return createOpenIdProvider({
    name: 'swissid',
    issuer,
    db,
    table: 'oidc_models',
    clients,
    apiResource,
    frameAncestors,
    accessTokenTtls,
    accessTokenTtl,
    signingKey,
    quiet,
    // SwissID sign-ins: the seeded customer accounts and the identities without an account of their own.
    findUser: (sub) => findSwissIdUser(db, sub),
    toClaims: (user) => ({
      sub: user.id,
      name: user.name,
      given_name: user.givenName,
      family_name: user.familyName,
      email: user.email,
      email_verified: true,
    }),
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name'],
      email: ['email', 'email_verified'],
    },
    authenticate: (email, password) => authenticate(db, email, password),
  });
}
