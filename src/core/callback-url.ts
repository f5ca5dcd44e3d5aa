import { PENDING_REQUEST_PREFIX } from './customer-data.js';

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
  purpose: RequestPurpose;
}

/**
 * `session`: a sign-in, kept as the page's session. `proof`: a sign-in that only proves an identity to whoever asked
 * for it (say, the SwissID to link an older login to); nothing of it is kept, and a response that comes back by
 * redirect is left to the code that asked (takeProofResponse), not to the login's session.
 */
export type RequestPurpose = 'session' | 'proof';

export function pendingRequestOwner(url: URL): PendingRequest | null {
  const state = url.searchParams.get('state');
  try {
    const request = state
      ? (JSON.parse(localStorage.getItem(`${PENDING_REQUEST_PREFIX}${state}`) ?? 'null') as Record<string, unknown>)
      : null;
    const data = (request?.data ?? {}) as { popup?: unknown; purpose?: unknown };
    return typeof request?.authority === 'string' && typeof request.client_id === 'string'
      ? {
          authority: request.authority.replace(/\/+$/, ''),
          clientId: request.client_id,
          popup: data.popup === true,
          purpose: data.purpose === 'proof' ? 'proof' : 'session',
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

/** A response to a sign-in (not to a proof, which the code that asked for it takes). */
export function isSignInResponse(url: URL): boolean {
  return isAuthorizationResponse(url) && pendingRequestOwner(url)?.purpose !== 'proof';
}

/**
 * A proof that came back to this page by redirect, taken out of the address bar; null when there is none. One that
 * lands in a popup is not taken here: the page's login relays it to the window that asked, like any popup response.
 */
export function takeProofResponse(): string | null {
  const url = new URL(window.location.href);
  const request = isAuthorizationResponse(url) ? pendingRequestOwner(url) : null;
  return request?.purpose === 'proof' && !request.popup ? takeAuthorizationResponse() : null;
}
