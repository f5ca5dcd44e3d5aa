// A provider's interaction routes (SwissID stand-in or older Post login): its own sign-in page and, for third-party
// (partner) clients, its consent page. First-party clients (Post's own sites) never see a consent page: their grant
// is made on the customer's behalf in openid-provider.mjs (loadExistingGrant).
import { isFirstParty } from './clients.mjs';
import { readBody } from './http-util.mjs';
import { renderConsentPage, renderErrorPage, renderLoginPage } from './login-page.mjs';
import { pickLanguage } from './provider-strings.mjs';

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|consent|abort))?$/;

/** The OpenID scopes a customer can grant a third-party client; any other one it asks for is refused. */
const CONSENTABLE_OIDC_SCOPES = new Set(['openid', 'profile', 'email']);

/** The account API's scopes a customer can grant a third-party client, each with its line on the consent page. */
const CONSENTABLE_API_SCOPES = /** @type {Record<string, import('./login-page.mjs').ConsentItem>} */ ({
  'account.read': 'consentAccount',
  'addresses.read': 'consentAddresses',
});

/**
 * @param {object} deps
 * @param {import('oidc-provider').default} deps.provider
 * @param {(email: string, password: string) => Promise<{ id: string }|undefined>} deps.authenticate
 * @param {import('./login-page.mjs').PageTexts} [deps.texts] page texts (default SwissID's)
 * @param {Record<string, string>} deps.pageHeaders the framing headers of the provider's pages (login-page.mjs)
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, path: string) => Promise<boolean>}
 *   handles the request and returns true when the path is an interaction route
 */
export function createInteractionRoutes({ provider, authenticate, texts, pageHeaders }) {
  const sendPage = (res, status, html) => {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      ...pageHeaders,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(html);
  };

  return async function handleInteraction(req, res, path) {
    const match = ROUTE.exec(path);
    if (!match) return false;
    const [, uid, action] = match;
    let lang = pickLanguage(null, req.headers['accept-language']);
    try {
      const interaction = await provider.interactionDetails(req, res);
      if (interaction.uid !== uid) throw new Error('interaction mismatch');
      lang = pickLanguage(interaction.params.ui_locales, req.headers['accept-language']);
      const client = await provider.Client.find(String(interaction.params.client_id));
      const clientName = client?.clientName || String(interaction.params.client_id);
      const prompt = interaction.prompt.name;

      if (req.method === 'GET' && !action) {
        if (prompt === 'consent') {
          if (isFirstParty(client)) {
            await finishFirstPartyConsent(provider, req, res, interaction);
            return true;
          }
          sendPage(res, 200, renderConsentPage({ lang, uid, clientName, items: consentOf(interaction).items, texts }));
          return true;
        }
        sendPage(res, 200, renderLoginPage({ lang, uid, clientName: client?.clientName, texts }));
        return true;
      }

      if (req.method === 'POST' && action === 'login' && prompt === 'login') {
        const form = new URLSearchParams(await readBody(req, 8 * 1024));
        const email = form.get('email') ?? '';
        const account = await authenticate(email, form.get('password') ?? '');
        if (!account) {
          sendPage(res, 200, renderLoginPage({ lang, uid, clientName: client?.clientName, email, failed: true, texts }));
          return true;
        }
        // Only the sign-in: the grant comes after it, from loadExistingGrant (first-party) or the consent page.
        await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
        return true;
      }

      if (req.method === 'POST' && action === 'consent' && prompt === 'consent') {
        if (isFirstParty(client)) {
          await finishFirstPartyConsent(provider, req, res, interaction);
          return true;
        }
        const grantId = await grantConsented(provider, interaction);
        await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return true;
      }

      if (req.method === 'POST' && action === 'abort') {
        // "Cancel" on the sign-in page, "Deny" on the consent page.
        await provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: prompt === 'consent' ? 'End-User denied the requested access' : 'End-User aborted interaction',
        }, { mergeWithLastSubmission: false });
        return true;
      }

      if (req.method === 'POST' && action) {
        // A form of another step of this interaction (say a sign-in form sent again from the browser's history).
        sendPage(res, 400, renderErrorPage(lang, 'invalid_request', texts));
        return true;
      }
      res.writeHead(405, { Allow: action ? 'POST' : 'GET' });
      res.end();
    } catch (error) {
      // Expired or unknown interactions, missing cookies: a readable page, never a stack trace.
      if (!res.headersSent) sendPage(res, 400, renderErrorPage(lang, errorCode(error), texts));
      else res.end();
    }
    return true;
  };
}

/**
 * What a third-party client asks the customer for in this consent prompt (what its grant lacks), split into what
 * the customer can grant it (listed on the page, in plain words) and what it never gets.
 * @param {any} interaction
 */
function consentOf(interaction) {
  const { details } = interaction.prompt;
  const oidcScopes = /** @type {string[]} */ (details.missingOIDCScope ?? []);
  const oidc = oidcScopes.filter((scope) => CONSENTABLE_OIDC_SCOPES.has(scope));
  /** @type {Record<string, string[]>} */
  const resources = {};
  /** @type {Record<string, string[]>} */
  const refusedResources = {};
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    resources[indicator] = scopes.filter((scope) => Object.hasOwn(CONSENTABLE_API_SCOPES, scope));
    refusedResources[indicator] = scopes.filter((scope) => !Object.hasOwn(CONSENTABLE_API_SCOPES, scope));
  }

  /** @type {import('./login-page.mjs').ConsentItem[]} */
  const items = [];
  const profile = oidc.includes('profile');
  const email = oidc.includes('email');
  if (profile || email) items.push(profile && email ? 'consentProfileEmail' : profile ? 'consentProfile' : 'consentEmail');
  const apiScopes = new Set(Object.values(resources).flat());
  for (const [scope, item] of Object.entries(CONSENTABLE_API_SCOPES)) if (apiScopes.has(scope)) items.push(item);
  if (!items.length) items.push('consentIdentity');

  return {
    items,
    oidc,
    refusedOidc: oidcScopes.filter((scope) => !CONSENTABLE_OIDC_SCOPES.has(scope)),
    resources,
    refusedResources,
    // Single claims (the claims parameter) are not something a customer can judge here: refused.
    refusedClaims: /** @type {string[]} */ (details.missingOIDCClaims ?? []),
  };
}

/** "Allow" on the consent page: exactly what the page listed is granted; the rest the client asked for is refused. */
async function grantConsented(provider, interaction) {
  const consent = consentOf(interaction);
  const grant = await grantOf(provider, interaction);
  if (consent.oidc.length) grant.addOIDCScope(consent.oidc.join(' '));
  if (consent.refusedOidc.length) grant.rejectOIDCScope(consent.refusedOidc.join(' '));
  if (consent.refusedClaims.length) grant.rejectOIDCClaims(consent.refusedClaims);
  for (const [indicator, scopes] of Object.entries(consent.resources)) {
    if (scopes.length) grant.addResourceScope(indicator, scopes.join(' '));
  }
  for (const [indicator, scopes] of Object.entries(consent.refusedResources)) {
    if (scopes.length) grant.rejectResourceScope(indicator, scopes.join(' '));
  }
  return grant.save();
}

/**
 * A consent prompt for a first-party client (only when it asks for one itself, prompt=consent): granted on the
 * customer's behalf, as loadExistingGrant does, without a page. The resource scopes missing are only those the
 * resource server offers this client (getResourceServerInfo).
 */
async function finishFirstPartyConsent(provider, req, res, interaction) {
  const { details } = interaction.prompt;
  const grant = await grantOf(provider, interaction);
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** The grant this interaction adds to, or a new one for its customer and client. */
async function grantOf(provider, interaction) {
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  return existing ?? new provider.Grant({ accountId: interaction.session.accountId, clientId: String(interaction.params.client_id) });
}

function errorCode(error) {
  return typeof error?.error === 'string' ? error.error : 'invalid_request';
}
