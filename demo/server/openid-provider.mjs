// A real OpenID provider (oidc-provider) with its state in SQLite, its own sign-in and consent pages and its own
// accounts. Both the SwissID stand-in and the older Post customer login are one of these. Both issue access tokens
// for one resource, the account API (RFC 8707): its audience, and the scopes each client may get there. Every token
// is bound to the browser's key (DPoP, RFC 9449), and the logout asks the customer unless the site proved it.
import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';
import { API_SCOPES, apiScopesFor, isFirstParty } from './clients.mjs';
import { DPOP_ALGS } from './dpop.mjs';
import { logRequest } from './http-util.mjs';
import { createInteractionRoutes } from './interactions.mjs';
import { frameAncestorsDirective, providerPageHeaders, renderErrorPage, renderLoggedOutPage } from './login-page.mjs';
import { PROVIDER_ASSETS } from './provider-assets.mjs';
import { createLogoutHandling } from './provider-logout.mjs';
import { pickLanguage } from './provider-strings.mjs';
import { createSqliteAdapter } from './sqlite-adapter.mjs';

const DAY = 24 * 60 * 60;

/** A fresh RS256 signing key with a key id; the private JWK is kept for test-only re-signing. */
export async function generateSigningKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * Whether browsers keep a Secure cookie from this issuer: https, or a loopback host (which browsers treat as secure).
 * @param {string} issuer
 */
export function keepsSecureCookies(issuer) {
  const { protocol, hostname } = new URL(issuer);
  return protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname) || hostname.endsWith('.localhost');
}

/**
 * @param {object} options
 * @param {string} options.name label in logs ('swissid', 'post-login')
 * @param {string} options.issuer
 * @param {import('better-sqlite3').Database} options.db
 * @param {string} options.table the provider's own model table
 * @param {object[]} options.clients oidc-provider client metadata (with `first_party`, see clients.mjs)
 * @param {string} options.apiResource the account API's resource indicator (its base URL with a trailing slash)
 * @param {Map<string, number>} options.accessTokenTtls per-client access token lifetimes
 * @param {number} options.accessTokenTtl default access token lifetime (seconds)
 * @param {object} options.signingKey private JWK from generateSigningKey()
 * @param {(id: string) => object|undefined} options.findUser the user behind a subject
 * @param {(user: any) => Record<string, unknown>} options.toClaims every claim the provider can release
 * @param {Record<string, string[]>} options.claims claims per scope
 * @param {(email: string, password: string) => Promise<{ id: string }|undefined>} options.authenticate
 * @param {import('./login-page.mjs').PageTexts} [options.texts] page texts (default SwissID's)
 * @param {{ session: string, interaction: string, resume: string }} [options.cookieNames] two providers on
 *   one host name need different cookie names: browsers do not separate cookies by port
 * @param {readonly string[]} [options.frameAncestors] origins that may frame the provider's pages; none by default
 * @param {boolean} [options.quiet]
 */
export function createOpenIdProvider({
  name, issuer, db, table, clients, apiResource, accessTokenTtls, accessTokenTtl, signingKey,
  findUser, toClaims, claims, authenticate, texts, cookieNames, frameAncestors = [], quiet,
}) {
  const pageHeaders = providerPageHeaders(frameAncestors);
  const sendHtml = (ctx, html) => {
    ctx.set(pageHeaders);
    ctx.type = 'html';
    ctx.body = html;
  };
  // The session cookie must come along with a site's logout POST, a cross-site request where a partner's or another
  // Post domain's page sends it: SameSite=None, which browsers keep only with Secure.
  if (!keepsSecureCookies(issuer)) {
    throw new Error(`${name}: serve the provider over https or on localhost (${issuer}): its session cookie is Secure`);
  }
  const logout = createLogoutHandling({
    texts,
    sendPage: (res, status, html) => {
      res.writeHead(status, {
        'Content-Type': 'text/html; charset=utf-8', ...pageHeaders, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff',
      });
      res.end(html);
    },
  });

  const provider = new Provider(issuer, {
    adapter: createSqliteAdapter(db, table),
    clients,
    // Post's own sites (true) or partner sites (false); see clients.mjs.
    extraClientMetadata: {
      properties: ['first_party'],
      validator(_ctx, key, value) {
        if (key === 'first_party' && typeof value !== 'boolean') throw new errors.InvalidClientMetadata('first_party must be true or false');
      },
    },
    // Authorization code only, as SwissID offers it to these sites; no implicit or hybrid flows.
    responseTypes: ['code'],
    jwks: { keys: [signingKey] },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      ...(cookieNames ? { names: cookieNames } : {}),
      // The session cookie (see keepsSecureCookies above; every cookie is Secure, see secureCookies below). The
      // interaction cookies stay SameSite=Lax.
      long: { httpOnly: true, sameSite: 'none' },
    },
    // DPoP proofs: the widget's algorithm (ES256) and the other asymmetric ones the API accepts too.
    enabledJWA: { dPoPSigningAlgValues: [...DPOP_ALGS] },
    async findAccount(_ctx, sub) {
      const user = findUser(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        async claims() {
          return toClaims(user);
        },
      };
    },
    claims,
    // The widgets read name and e-mail from the ID token without a userinfo round trip.
    conformIdTokenClaims: false,
    // A browser may call the token, revocation and userinfo endpoints only from a client's own origin.
    clientBasedCORS(_ctx, origin, client) {
      return client.redirectUris.some((uri) => new URL(uri).origin === origin);
    },
    pkce: { required: () => true },
    // First-party clients never see a consent page: everything they ask for and may get is granted on the
    // customer's behalf here, before the consent checks run. Third-party clients keep the grant they were given
    // on the consent page (interactions.mjs), for as long as the grant lasts.
    async loadExistingGrant(ctx) {
      const { client, session, result, account } = ctx.oidc;
      const grantId = result?.consent?.grantId || session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (!isFirstParty(client)) return existing;
      const grant = existing ?? new ctx.oidc.provider.Grant({ accountId: account.accountId, clientId: client.clientId });
      const oidcScopes = [...ctx.oidc.requestParamOIDCScopes];
      if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
      const requestedClaims = [...ctx.oidc.requestParamClaims];
      if (requestedClaims.length) grant.addOIDCClaims(requestedClaims);
      for (const [indicator, resourceServer] of Object.entries(ctx.oidc.resourceServers)) {
        const scopes = [...ctx.oidc.requestParamScopes].filter((scope) => resourceServer.scopes.has(scope));
        if (scopes.length) grant.addResourceScope(indicator, scopes.join(' '));
      }
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      // Proof of possession (RFC 9449): every client has `dpop_bound_access_tokens` (clients.mjs), so the token
      // endpoint refuses a code or refresh token without a proof, binds each access token to the proof's key
      // (`cnf.jkt`) and each refresh token of these public clients to the same key (a refresh with a proof of
      // another key fails). A `dpop_jkt` on the authorization request binds the code too. No server nonces: without
      // a nonceSecret oidc-provider issues none and requires none; a proof's iat must be within its window.
      dPoP: { enabled: true, requireNonce: () => false },
      // The account API is the one resource. A request without `resource` is for it too; a token request or a
      // refresh without it gets a token for the resource the authorization was for. Any other resource is refused.
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => oneOf ?? apiResource,
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx, resource, client) {
          if (resource !== apiResource) throw new errors.InvalidTarget();
          return { audience: apiResource, accessTokenFormat: 'opaque', scope: apiScopesFor(client).join(' ') };
        },
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        // Auto-submitting with a valid id_token_hint of this session, else asking (provider-logout.mjs).
        async logoutSource(ctx, form) {
          sendHtml(ctx, await logout.page(ctx, form));
        },
        async postLogoutSuccessSource(ctx) {
          sendHtml(ctx, renderLoggedOutPage(pickLanguage(null, ctx.get('accept-language')), texts));
        },
      },
    },
    async renderError(ctx, out) {
      sendHtml(ctx, renderErrorPage(pickLanguage(ctx.oidc?.params?.ui_locales, ctx.get('accept-language')), out.error, texts));
    },
    // Refresh tokens renew access to the API: only for an authorization that was granted an API scope. A sign-in
    // without one (a proof of identity, e.g. the SwissID sign-in that links an older login) gets none, so that its
    // ID token, bound to a one-time nonce, can never be issued again by a refresh.
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token')
      && code.resource === apiResource && API_SCOPES.some((scope) => code.scopes.has(scope)),
    rotateRefreshToken: () => true,
    ttl: {
      AccessToken: (_ctx, _token, client) => accessTokenTtls.get(client.clientId) ?? accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 600,
      // A rotated refresh token inherits the remaining lifetime, so rotation never extends a session.
      RefreshToken: (ctx) => ctx?.oidc?.entities.RotatedRefreshToken?.remainingTTL ?? DAY,
      Session: DAY,
      Grant: DAY,
      Interaction: 60 * 60,
    },
  });

  // Every ID token names the provider session it was issued in (`sid`, per client), so that a logout's
  // id_token_hint can be checked to be of this browser's session (provider-logout.mjs). oidc-provider adds it only
  // for clients with back-channel logout and has no setting for it otherwise: this provider's Client class (its own,
  // not shared with the other provider) says yes for every client.
  Object.defineProperty(provider.Client.prototype, 'includeSid', { value: () => true, configurable: true, writable: true });

  secureCookies(provider);

  provider.use(async (ctx, next) => {
    await next();
    logRequest(quiet, name, { method: logout.methodOf(ctx.req), url: ctx.req.url }, ctx.status);
    // Every HTML answer of the provider, its own pages or any other, may not be framed (see providerPageHeaders).
    if (ctx.response.is('html')) {
      if (!ctx.response.get('Content-Security-Policy')) ctx.set('Content-Security-Policy', frameAncestorsDirective(frameAncestors));
      if (pageHeaders['X-Frame-Options']) ctx.set('X-Frame-Options', pageHeaders['X-Frame-Options']);
    }
  });
  // Koa would print every client error (bad requests are answered by the provider anyway); only
  // the provider's own failures are logged, by name and message: no request data, so no tokens.
  provider.silent = true;
  provider.on('server_error', (_ctx, error) => {
    console.error(`[${name}] server error: ${error?.name}: ${error?.message}`);
  });

  const handleInteraction = createInteractionRoutes({ provider, authenticate, texts, pageHeaders });
  /** @type {import('node:http').RequestListener | undefined} */
  let callback;

  /** @type {import('node:http').RequestListener} */
  async function handler(req, res) {
    const path = (req.url ?? '/').split('?')[0];
    const asset = req.method === 'GET' ? PROVIDER_ASSETS[path] : undefined;
    if (asset) {
      res.writeHead(200, { 'Content-Type': asset.type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      res.end(asset.body);
      logRequest(quiet, name, req, 200);
      return;
    }
    if (await logout.intercept(req, res, path)) {
      logRequest(quiet, name, req, res.statusCode);
      return;
    }
    if (await handleInteraction(req, res, path)) {
      logRequest(quiet, name, req, res.statusCode);
      return;
    }
    callback ??= provider.callback();
    callback(req, res);
  }

  return { provider, handler };
}

/**
 * Makes every cookie of a provider Secure. Koa marks cookies Secure only for a request that came over TLS (or through
 * a trusted proxy that says so), which the reference backend on localhost never does; browsers keep Secure cookies
 * from localhost all the same. The provider is a Koa application: its contexts get a cookie jar that is secure.
 * @param {import('oidc-provider').default} app
 */
function secureCookies(app) {
  /** @type {PropertyDescriptor|undefined} */
  let descriptor;
  for (let proto = app.context; proto && !descriptor; proto = Object.getPrototypeOf(proto)) {
    descriptor = Object.getOwnPropertyDescriptor(proto, 'cookies');
  }
  const { get, set } = descriptor ?? {};
  if (!get) throw new Error('a Koa context without cookies');
  Object.defineProperty(app.context, 'cookies', {
    configurable: true,
    get() {
      const cookies = get.call(this);
      cookies.secure = true;
      return cookies;
    },
    set(value) {
      set?.call(this, value);
    },
  });
}
