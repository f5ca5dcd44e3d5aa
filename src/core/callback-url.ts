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
export function pendingRequestOwner(url: URL): { authority: string; clientId: string } | null {
  const state = url.searchParams.get('state');
  try {
    const request = state ? (JSON.parse(localStorage.getItem(`post-login:request:${state}`) ?? 'null') as Record<string, unknown>) : null;
    return typeof request?.authority === 'string' && typeof request.client_id === 'string'
      ? { authority: request.authority, clientId: request.client_id }
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
