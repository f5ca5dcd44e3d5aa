// The OpenID clients registered at the SwissID stand-in and the browser origins derived from them.

/**
 * @typedef {object} ClientSpec
 * @property {string} client_id
 * @property {string[]} redirect_uris
 * @property {string[]} [post_logout_redirect_uris]
 * @property {string} [client_name]
 * @property {number} [accessTokenTtl] seconds; the backend default when absent
 */

/**
 * Built-in clients (the demo site and the partner page) plus any extra ones, as oidc-provider
 * client metadata: public clients with authorization code + PKCE and refresh tokens.
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
      redirect_uris: [`${demoOrigin}/`, `${demoOrigin}/index.html`, `${demoOrigin}/popup-callback.html`],
      post_logout_redirect_uris: [`${demoOrigin}/`, `${demoOrigin}/index.html`],
    });
  }
  if (partnerOrigin) {
    const uris = [`${partnerOrigin}/`, `${partnerOrigin}/index.html`, `${partnerOrigin}/popup-callback.html`];
    specs.push({
      client_id: 'partner-demo',
      client_name: 'Partner demo site',
      redirect_uris: uris,
      post_logout_redirect_uris: uris,
    });
  }
  specs.push(...extraClients);

  const accessTokenTtls = new Map();
  const metadata = specs.map(({ accessTokenTtl, ...spec }) => {
    if (accessTokenTtl) accessTokenTtls.set(spec.client_id, accessTokenTtl);
    return {
      post_logout_redirect_uris: [],
      ...spec,
      token_endpoint_auth_method: 'none',
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
