/**
 * Recognises an OpenID Connect authorization response in the address bar and takes it out of there at once, so that
 * code and state never stay in the history, a bookmark or a Referer.
 */
const RESPONSE_PARAMS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state'];

/** `code` or `error` with `state` or `iss`: a plain `?code=` (say, a voucher code) on the page is left alone. */
export function isAuthorizationResponse(url: URL): boolean {
  const params = url.searchParams;
  return (params.has('code') || params.has('error')) && (params.has('state') || params.has('iss'));
}

/**
 * The provider and client that started the sign-in this response answers, read from the pending request that
 * oidc-client-ts keeps under the response's `state`: with several login methods on a page, it says whose it is.
 */
export interface PendingRequest {
  authority: string;
  clientId: string;
  popup: boolean;
  purpose: 'session' | 'link';
}

export function pendingRequestOwner(url: URL): PendingRequest | null {
  const state = url.searchParams.get('state');
  try {
    const request = state
      ? (JSON.parse(localStorage.getItem(`post-login:request:${state}`) ?? 'null') as Record<string, unknown>)
      : null;
    const data = (request?.data ?? {}) as { popup?: unknown; purpose?: unknown };
    return typeof request?.authority === 'string' && typeof request.client_id === 'string'
      ? {
          authority: request.authority.replace(/\/+$/, ''),
          clientId: request.client_id,
          popup: data.popup === true,
          purpose: data.purpose === 'link' ? 'link' : 'session',
        }
      : null;
  } catch {
    return null;
  }
}

/** Removes the response from the address bar and returns the full response URL for processing. */
export function takeAuthorizationResponse(): string | null {
  const url = new URL(window.location.href);
  if (!isAuthorizationResponse(url)) return null;
  const response = url.href;
  for (const name of RESPONSE_PARAMS) url.searchParams.delete(name);
  history.replaceState(history.state, '', url.href);
  return response;
}

/** A response to a sign-in (not a linking proof, which the link banner handles). */
export function isSignInResponse(url: URL): boolean {
  return isAuthorizationResponse(url) && pendingRequestOwner(url)?.purpose !== 'link';
}
