import { IndexedDbDPoPStore, type DPoPState } from 'oidc-client-ts';
import { PostLoginError } from '../errors.js';

/**
 * The browser's key for DPoP (RFC 9449): tokens are bound to it, so a token copied out of the browser is useless
 * elsewhere. oidc-client-ts creates the key pair on the first token request (ECDSA P-256, the private key not
 * extractable) and keeps it in IndexedDB per client id, shared by the origin's tabs; it signs the token requests'
 * proofs. This module signs the proofs for the account API's requests with the same key (a compact JWS by WebCrypto:
 * a few lines, where a JOSE library's signing code would cost the sign-in a kilobyte), and forgets the key at logout,
 * so that the next session gets a new one.
 */
export const dpopStore = new IndexedDbDPoPStore();

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const encodeJson = (value: unknown) => base64url(encoder.encode(JSON.stringify(value)));

async function sha256(text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

/** The request address as a proof names it: without query and fragment. */
function proofUrl(url: string): string {
  const htu = new URL(url);
  htu.search = '';
  htu.hash = '';
  return htu.href;
}

/**
 * The headers that authorize one request to the account API: the bound access token, and a fresh proof of the key
 * for this method and address (`ath` binds the proof to the token).
 */
export async function dpopAuthorization(clientId: string, accessToken: string, method: string, url: string): Promise<Record<string, string>> {
  let state: DPoPState | undefined;
  try {
    state = await dpopStore.get(clientId);
  } catch {
    state = undefined; // storage refused (a private window without IndexedDB): no proof can be made
  }
  if (!state?.keys) throw new PostLoginError('signed_out', 'no DPoP key');
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', state.keys.publicKey);
  const header = encodeJson({ alg: 'ES256', typ: 'dpop+jwt', jwk: { kty, crv, x, y } });
  const payload = encodeJson({
    jti: crypto.randomUUID(),
    htm: method.toUpperCase(),
    htu: proofUrl(url),
    iat: Math.floor(Date.now() / 1000),
    ath: await sha256(accessToken),
  });
  // WebCrypto's ECDSA signature is r‖s, as JWS ES256 wants it.
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, state.keys.privateKey, encoder.encode(`${header}.${payload}`));
  return { Authorization: `DPoP ${accessToken}`, DPoP: `${header}.${payload}.${base64url(new Uint8Array(signature))}` };
}

/** Forgets the client's key (logout): whatever was bound to it can no longer be used, here either. */
export async function forgetDpopKey(clientId: string): Promise<void> {
  await dpopStore.remove(clientId).catch(() => undefined);
}
