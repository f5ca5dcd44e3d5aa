// A real OpenID provider (oidc-provider) with its state in SQLite, its own sign-in page and its own
// accounts. Both the SwissID stand-in and the older Post customer login are one of these.
import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { logRequest } from './http-util.mjs';
import { createInteractionRoutes } from './interactions.mjs';
import { PAGE_CSP, renderErrorPage, renderLoggedOutPage, renderLogoutPage } from './login-page.mjs';
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
 * @param {object[]} options.clients oidc-provider client metadata
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
 * @param {boolean} [options.quiet]
 */
export function createOpenIdProvider({
  name, issuer, db, table, clients, accessTokenTtls, accessTokenTtl, signingKey,
  findUser, toClaims, claims, authenticate, texts, cookieNames, quiet,
}) {
  const provider = new Provider(issuer, {
    adapter: createSqliteAdapter(db, table),
    clients,
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
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          const lang = pickLanguage(ctx.oidc.params?.ui_locales, ctx.get('accept-language'));
          ctx.set('Content-Security-Policy', PAGE_CSP);
          ctx.type = 'html';
          ctx.body = renderLogoutPage(lang, form, texts);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.set('Content-Security-Policy', PAGE_CSP);
          ctx.type = 'html';
          ctx.body = renderLoggedOutPage(pickLanguage(null, ctx.get('accept-language')), texts);
        },
      },
    },
    async renderError(ctx, out) {
      ctx.set('Content-Security-Policy', PAGE_CSP);
      ctx.type = 'html';
      ctx.body = renderErrorPage(pickLanguage(ctx.oidc?.params?.ui_locales, ctx.get('accept-language')), out.error, texts);
    },
    // Every registered client is a first-party site that renews its session with refresh tokens.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
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
  });
  // Koa would print every client error (bad requests are answered by the provider anyway); only
  // the provider's own failures are logged, by name and message: no request data, so no tokens.
  provider.silent = true;
  provider.on('server_error', (_ctx, error) => {
    console.error(`[${name}] server error: ${error?.name}: ${error?.message}`);
  });

  const handleInteraction = createInteractionRoutes({ provider, authenticate, texts });
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
