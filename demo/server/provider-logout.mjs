// RP-initiated logout at a provider (SwissID stand-in or older Post login), safe against logout CSRF: the logout
// page submits itself only when the request carries a valid `id_token_hint` of the browser's current session at
// this provider, which only the customer's own site has; any other request (none, a forged or foreign hint, another
// customer's) gets a confirmation page that asks, without script. The hint comes by POST (a form the site submits,
// so that the ID token stands in no URL, history or Referer) or, as OpenID RP-Initiated Logout also allows, by GET.
//
// The provider reads the request itself before oidc-provider does: it takes the hint out (oidc-provider would answer
// an error page for a hint it cannot verify, where this provider asks instead) and hands the rest on as a GET, so
// that one code path serves both methods; the hint is verified here when the page is chosen (logoutSource).
import { decodeJwt } from 'jose';
import { readBody } from './http-util.mjs';
import { renderErrorPage, renderLogoutConfirmPage, renderLogoutPage, renderStayedPage } from './login-page.mjs';
import { pickLanguage } from './provider-strings.mjs';

/** oidc-provider's end_session route (its default). */
export const END_SESSION_PATH = '/session/end';
/** Where "Stay signed in" goes when the request named no post-logout address: a page that says so. */
export const STAY_PATH = '/session/end/stay';

const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * @param {object} deps
 * @param {import('./login-page.mjs').PageTexts} [deps.texts]
 * @param {(res: import('node:http').ServerResponse, status: number, html: string) => void} deps.sendPage writes one of
 *   the provider's pages (with its framing headers)
 */
export function createLogoutHandling({ texts, sendPage }) {
  /** @type {WeakMap<import('node:http').IncomingMessage, string>} the request's id_token_hint, taken out of it */
  const hints = new WeakMap();
  /** @type {WeakMap<import('node:http').IncomingMessage, string>} the method a logout request came with */
  const methods = new WeakMap();

  return {
    /** The method a request came with (a POSTed logout goes on inside as a GET), for the request log. */
    methodOf: (req) => methods.get(req) ?? req.method,

    /**
     * Takes the logout request's parameters (query or form) and its hint; answers the "stay" page and a logout POST
     * that is not a form. Returns true when it answered; otherwise oidc-provider goes on with the request.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {string} path
     */
    async intercept(req, res, path) {
      const lang = () => pickLanguage(new URL(req.url ?? '/', 'http://x').searchParams.get('ui_locales'), req.headers['accept-language']);
      if (path === STAY_PATH && req.method === 'GET') {
        sendPage(res, 200, renderStayedPage(lang(), texts));
        return true;
      }
      if (path !== END_SESSION_PATH || (req.method !== 'GET' && req.method !== 'POST')) return false;
      let params;
      if (req.method === 'POST') {
        let body;
        try {
          if (!FORM_TYPE.test(String(req.headers['content-type'] ?? ''))) throw new Error('not a form');
          body = await readBody(req, 16 * 1024);
        } catch {
          sendPage(res, 400, renderErrorPage(lang(), 'invalid_request', texts));
          return true;
        }
        params = new URLSearchParams(body);
      } else {
        params = new URL(req.url ?? '/', 'http://x').searchParams;
      }
      const given = params.getAll('id_token_hint');
      params.delete('id_token_hint');
      if (given.length === 1 && given[0] !== '') {
        hints.set(req, given[0]);
        // The client the hint names, when the request does not say (a hint that fails is then treated as none, but the
        // post-logout address must still be one of that client's).
        if (!params.has('client_id')) {
          const audience = audienceOf(given[0]);
          if (audience) params.set('client_id', audience);
        }
      }
      methods.set(req, req.method);
      req.method = 'GET';
      const query = params.toString();
      req.url = query ? `${END_SESSION_PATH}?${query}` : END_SESSION_PATH;
      return false;
    },

    /**
     * oidc-provider's logoutSource: the page for a signed-in browser's logout request.
     * @param {any} ctx oidc-provider's context (its client, session and parameters)
     * @param {string} form the provider's logout form (with its xsrf value)
     * @returns {Promise<string>} the page's HTML
     */
    async page(ctx, form) {
      const lang = pickLanguage(ctx.oidc.params?.ui_locales, ctx.get('accept-language'));
      if (await hintFitsSession(ctx, hints.get(ctx.req))) return renderLogoutPage(lang, form, texts);
      return renderLogoutConfirmPage({ lang, providerForm: form, cancel: cancelTarget(ctx, lang), texts });
    },
  };
}

/** The `aud` of a JWT when it is one string (unverified: only to name the client). */
function audienceOf(jwt) {
  try {
    const { aud } = decodeJwt(jwt);
    return typeof aud === 'string' ? aud : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a hint is an ID token this provider issued (its signature, issuer and audience) to the request's client,
 * in this browser's session: about the customer signed in there, with the session's `sid` for that client (which
 * every ID token carries, see openid-provider.mjs). Expired ID tokens count, as the specification says.
 * @param {any} ctx
 * @param {string|undefined} hint
 */
async function hintFitsSession(ctx, hint) {
  const { client, session } = ctx.oidc;
  if (!hint || !client || !session?.accountId) return false;
  let payload;
  try {
    ({ payload } = await ctx.oidc.provider.IdToken.validate(hint, client));
  } catch {
    return false;
  }
  const authorization = session.authorizations?.[client.clientId];
  return Boolean(authorization?.sid) && payload.sid === authorization.sid && payload.sub === session.accountId;
}

/**
 * Where "Stay signed in" goes: back to the client's post-logout address (oidc-provider has checked that it is one of
 * the client's) with the request's `state`, as after a logout; without one, to the provider's "still signed in" page.
 * @param {any} ctx
 * @param {string} lang
 * @returns {{ action: string, fields: [string, string][] }}
 */
function cancelTarget(ctx, lang) {
  const { post_logout_redirect_uri: uri, state } = ctx.oidc.params ?? {};
  if (!uri) return { action: STAY_PATH, fields: [['ui_locales', lang]] };
  // A GET form replaces the action's query with its fields: the address's own query goes into fields.
  const url = new URL(uri);
  const fields = [...url.searchParams];
  if (state) fields.push(['state', String(state)]);
  url.search = '';
  return { action: url.href, fields };
}
