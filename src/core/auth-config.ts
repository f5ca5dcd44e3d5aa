import { isServer } from 'lit';
import type { AuthConfig } from './auth-session.js';
import type { LoginSettings, SignInMethod } from './page-login.js';

function withoutQuery(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * The settings of one login method, with the documented defaults (the current page as redirect address); null when
 * the method is not (correctly) configured. Shared by the login element and the link banner, which proves a SwissID
 * with the login's settings.
 */
export function authConfig(settings: LoginSettings, method: SignInMethod): AuthConfig | null {
  const [issuer, clientId] =
    method === 'swissid' ? [settings.authority, settings.clientId] : [settings.legacyAuthority, settings.legacyClientId];
  // A server render (lit SSR) has no page address: relative addresses are only checked there, never used.
  const page = isServer ? 'https://server.invalid/' : location.href;
  const resolve = (address: string, fallback: string) => (address ? new URL(address, page).href : fallback);
  try {
    const authority = new URL(issuer).href.replace(/\/$/, '');
    if (!clientId) return null;
    const redirectUri = resolve(settings.redirectUri, withoutQuery(page));
    const api = settings.api ? new URL(settings.api, page).href : null;
    return {
      login: method,
      authority,
      clientId,
      redirectUri,
      popupRedirectUri: resolve(settings.popupRedirectUri, redirectUri),
      postLogoutRedirectUri: resolve(settings.postLogoutRedirectUri, redirectUri),
      scope: settings.scope,
      api,
      // The account API is the resource the access token is for (RFC 8707): its audience and its scopes.
      resource: api,
      apiScope: api ? settings.apiScope : '',
    };
  } catch {
    return null;
  }
}
