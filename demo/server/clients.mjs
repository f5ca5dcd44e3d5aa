// The OpenID clients registered at both providers, the browser origins derived from them, and what each kind of
// client may do at the account API: Post's own sites are first-party clients, partner sites third-party ones.

/**
 * The account API's scopes (RFC 8707 resource scopes of the API's resource indicator).
 * `account.read`: GET /me; `addresses.read`: GET /addresses, /addresses/{id}, /localities; `addresses.write`:
 * POST /addresses, PUT /addresses/{id}; `account.link`: GET /link-status, POST /link/challenge, POST /link.
 */
export const API_SCOPES = Object.freeze(['account.read', 'addresses.read', 'addresses.write', 'account.link']);

/** What a third-party (partner) client may get: reading the signed-in customer's account and addresses. */
export const THIRD_PARTY_SCOPES = Object.freeze(['account.read', 'addresses.read']);

/** The resource indicator of the account API: its base URL with a trailing slash, e.g. 'http://localhost:4002/'. */
export const apiResourceOf = (apiOrigin) => `${apiOrigin}/`;

/**
 * Whether an oidc-provider client is one of Post's own sites (its `first_party` metadata; extra metadata keeps its name).
 * @param {{ first_party?: boolean }|undefined} client
 */
export const isFirstParty = (client) => client?.first_party === true;

/**
 * The API scopes a client may get, by its `first_party` metadata.
 * @param {{ first_party?: boolean }|undefined} client
 * @returns {readonly string[]}
 */
export function apiScopesFor(client) {
  return isFirstParty(client) ? API_SCOPES : THIRD_PARTY_SCOPES;
}

/**
 * @typedef {object} ClientSpec
 * @property {string} client_id
 * @property {boolean} firstParty a Post site (true: every API scope, no consent screen) or a partner site (false:
 *   read scopes only, after the customer's consent at the provider). Required: no client is one or the other by default.
 * @property {string[]} redirect_uris
 * @property {string[]} [post_logout_redirect_uris]
 * @property {string} [client_name]
 * @property {number} [accessTokenTtl] seconds; the backend default when absent
 */

/**
 * Built-in clients (the demo site, first-party, and the partner page, third-party) plus any extra ones, as
 * oidc-provider client metadata: public clients with authorization code + PKCE and refresh tokens, with
 * `first_party` as extra metadata. Every one of them must prove possession of a key (DPoP, RFC 9449) at the token
 * endpoint: its access tokens are bound to that key (`cnf.jkt`), and so are its refresh tokens (public clients), so
 * that neither works without the browser's private key.
 * @param {{ demoOrigin?: string|null, partnerOrigin?: string|null, extraClients?: ClientSpec[] }} input
 * @returns {{ metadata: object[], accessTokenTtls: Map<string, number> }}
 */
export function buildClients({ demoOrigin, partnerOrigin, extraClients = [] }) {
  /** @type {ClientSpec[]} */
  const specs = [];
  if (demoOrigin) {
    specs.push({
      client_id: 'post-login-demo',
      client_name: 'Post demo site',
      firstParty: true,
      redirect_uris: [`${demoOrigin}/`, `${demoOrigin}/index.html`, `${demoOrigin}/popup-callback.html`],
      post_logout_redirect_uris: [`${demoOrigin}/`, `${demoOrigin}/index.html`],
    });
  }
  if (partnerOrigin) {
    const uris = [`${partnerOrigin}/`, `${partnerOrigin}/index.html`, `${partnerOrigin}/popup-callback.html`];
    specs.push({
      client_id: 'partner-demo',
      client_name: 'Partner demo site',
      firstParty: false,
      redirect_uris: uris,
      post_logout_redirect_uris: uris,
    });
  }
  specs.push(...extraClients);

  const accessTokenTtls = new Map();
  const metadata = specs.map(({ accessTokenTtl, firstParty, ...spec }) => {
    if (typeof firstParty !== 'boolean') {
      throw new TypeError(`client ${spec.client_id}: say whether it is first-party (firstParty: true or false)`);
    }
    if (accessTokenTtl) accessTokenTtls.set(spec.client_id, accessTokenTtl);
    return {
      post_logout_redirect_uris: [],
      ...spec,
      first_party: firstParty,
      token_endpoint_auth_method: 'none',
      dpop_bound_access_tokens: true,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      application_type: 'web',
    };
  });
  return { metadata, accessTokenTtls };
}

/**
 * Origins of all redirect URIs: the only browser origins the account API answers with CORS.
 * @param {object[]} metadata
 * @returns {Set<string>}
 */
export function clientOrigins(metadata) {
  return new Set(metadata.flatMap((client) => client.redirect_uris.map((uri) => new URL(uri).origin)));
}
