import type { AuthConfig } from './auth-session.js';
import type { SignInMethod } from './last-method.js';

/** The login settings as the `<post-login>` element carries them (attributes and properties). */
export interface LoginSettings {
  authority: string;
  clientId: string;
  legacyAuthority: string;
  legacyClientId: string;
  redirectUri: string;
  popupRedirectUri: string;
  postLogoutRedirectUri: string;
  api: string;
  scope: string;
}

function withoutQuery(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * The settings of one login method, with the documented defaults (the current page as redirect address); null when
 * the method is not (correctly) configured. Shared by `<post-login>` and the link banner that uses its settings.
 */
export function authConfig(settings: LoginSettings, method: SignInMethod): AuthConfig | null {
  const [issuer, clientId] =
    method === 'swissid' ? [settings.authority, settings.clientId] : [settings.legacyAuthority, settings.legacyClientId];
  const resolve = (address: string, fallback: string) => (address ? new URL(address, location.href).href : fallback);
  try {
    const authority = new URL(issuer).href.replace(/\/$/, '');
    if (!clientId) return null;
    const redirectUri = resolve(settings.redirectUri, withoutQuery(location.href));
    return {
      login: method,
      authority,
      clientId,
      redirectUri,
      popupRedirectUri: resolve(settings.popupRedirectUri, redirectUri),
      postLogoutRedirectUri: resolve(settings.postLogoutRedirectUri, redirectUri),
      scope: settings.scope,
      api: settings.api ? new URL(settings.api, location.href).href : null,
    };
  } catch {
    return null;
  }
}
