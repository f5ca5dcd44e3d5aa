// A provider's interaction routes (SwissID stand-in or older Post login): its own sign-in page, and
// consent granted on the customer's behalf because every registered client is a first-party Post site.
import { readBody } from './http-util.mjs';
import { PAGE_CSP, renderErrorPage, renderLoginPage } from './login-page.mjs';
import { pickLanguage } from './provider-strings.mjs';

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/;

/**
 * @param {object} deps
 * @param {import('oidc-provider').default} deps.provider
 * @param {(email: string, password: string) => Promise<{ id: string }|undefined>} deps.authenticate
 * @param {import('./login-page.mjs').PageTexts} [deps.texts] page texts (default SwissID's)
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, path: string) => Promise<boolean>}
 *   handles the request and returns true when the path is an interaction route
 */
export function createInteractionRoutes({ provider, authenticate, texts }) {
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

      if (req.method === 'GET' && !action) {
        if (interaction.prompt.name === 'consent') {
          await finishConsent(provider, req, res, interaction);
          return true;
        }
        sendPage(res, 200, renderLoginPage({ lang, uid, clientName: client?.clientName, texts }));
        return true;
      }

      if (req.method === 'POST' && action === 'login') {
        const form = new URLSearchParams(await readBody(req, 8 * 1024));
        const email = form.get('email') ?? '';
        const account = await authenticate(email, form.get('password') ?? '');
        if (!account) {
          sendPage(res, 200, renderLoginPage({ lang, uid, clientName: client?.clientName, email, failed: true, texts }));
          return true;
        }
        const grantId = await grantRequested(provider, interaction, account.id);
        await provider.interactionFinished(req, res, {
          login: { accountId: account.id },
          consent: { grantId },
        }, { mergeWithLastSubmission: false });
        return true;
      }

      if (req.method === 'POST' && action === 'abort') {
        await provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: 'End-User aborted interaction',
        }, { mergeWithLastSubmission: false });
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

// Consent for everything the authorization request asked for (scopes and individual claims).
async function grantRequested(provider, interaction, accountId) {
  const { params } = interaction;
  const grant = interaction.grantId
    ? await provider.Grant.find(interaction.grantId)
    : new provider.Grant({ accountId, clientId: String(params.client_id) });
  if (params.scope) grant.addOIDCScope(String(params.scope));
  const requestedClaims = parseClaimsParameter(params.claims);
  if (requestedClaims.length) grant.addOIDCClaims(requestedClaims);
  return grant.save();
}

// A consent prompt on its own (e.g. a new scope in an existing session): grant what is missing.
async function finishConsent(provider, req, res, interaction) {
  const { details } = interaction.prompt;
  const grant = interaction.grantId
    ? await provider.Grant.find(interaction.grantId)
    : new provider.Grant({ accountId: interaction.session.accountId, clientId: String(interaction.params.client_id) });
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: interaction.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
}

function parseClaimsParameter(claims) {
  if (!claims) return [];
  try {
    const parsed = typeof claims === 'string' ? JSON.parse(claims) : claims;
    return [...new Set([...Object.keys(parsed.id_token ?? {}), ...Object.keys(parsed.userinfo ?? {})])];
  } catch {
    return [];
  }
}

function errorCode(error) {
  return typeof error?.error === 'string' ? error.error : 'invalid_request';
}

function sendPage(res, status, html) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PAGE_CSP,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(html);
}

