import type { AuthConfig } from '../core/auth-session.js';
import { SessionStore, sessionKey } from '../core/session-store.js';

/**
 * The SwissID half of linking: a SwissID sign-in whose fully verified ID token proves the SwissID to the Post API.
 * Nothing of it is stored as a session; the ID token lives in memory until it is sent to the API.
 */
export interface SwissIdProof {
  idToken: string;
  email: string;
}

const loadOidc = () => import('../core/oidc/index.js');

/**
 * Opens the SwissID sign-in with the API's link challenge as its nonce; resolves with the proof (popup) or null when
 * the page leaves for SwissID (redirect).
 */
export async function startSwissIdProof(
  config: AuthConfig,
  { uiLocales, popup, challenge }: { uiLocales: string; popup: Window | null; challenge: string },
): Promise<SwissIdProof | null> {
  const oidc = await loadOidc();
  const request = await oidc.createSignInRequest(config, { popup: popup !== null, uiLocales, purpose: 'proof', nonce: challenge });
  if (!popup) {
    window.location.assign(request.url);
    return null;
  }
  popup.location.href = request.url;
  const { waitForPopupResponse } = await import('../core/popup-response.js');
  return completeSwissIdProof(config, await waitForPopupResponse(popup, request.stateId));
}

/**
 * Verifies the proof, and ends what it opened: the proof's tokens are revoked at once (its ID token goes to the API
 * only), and since SwissID keeps the session the customer just signed in to, the next SwissID sign-in on this device
 * asks for the password, so that nobody else at this computer is signed in as that SwissID without it.
 */
export async function completeSwissIdProof(config: AuthConfig, responseUrl: string): Promise<SwissIdProof> {
  const oidc = await loadOidc();
  const { tokens, profile } = await oidc.completeSignIn(config, responseUrl);
  new SessionStore(sessionKey(config.authority, config.clientId)).requireFreshSignIn();
  void oidc.revokeTokens(config, tokens);
  return { idToken: tokens.idToken, email: profile.email };
}
