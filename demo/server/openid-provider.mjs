// A real OpenID provider (oidc-provider) with its state in SQLite, its own sign-in and consent pages and its own
// accounts. Both the SwissID stand-in and the older Post customer login are one of these. Both issue access tokens
// for one resource, the account API (RFC 8707): its audience, and the scopes each client may get there.
import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';
import { API_SCOPES, apiScopesFor, isFirstParty } from './clients.mjs';
import { logRequest } from './http-util.mjs';
import { createInteractionRoutes } from './interactions.mjs';
import { frameAncestorsDirective, providerPageHeaders, renderErrorPage, renderLoggedOutPage, renderLogoutPage } from './login-page.mjs';
import { PROVIDER_ASSETS } from './provider-assets.mjs';
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
    cookies: { keys: [randomBytes(32).toString('base64url')], ...(cookieNames ? { names: cookieNames } : {}) },
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
        async logoutSource(ctx, form) {
          const lang = pickLanguage(ctx.oidc.params?.ui_locales, ctx.get('accept-language'));
          sendHtml(ctx, renderLogoutPage(lang, form, texts));
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

  provider.use(async (ctx, next) => {
    await next();
    logRequest(quiet, name, ctx.req, ctx.status);
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
    if (await handleInteraction(req, res, path)) {
      logRequest(quiet, name, req, res.statusCode);
      return;
    }
    callback ??= provider.callback();
    callback(req, res);
  }

  return { provider, handler };
}
