import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { PostLoginError } from '../errors.js';

/** ID token checks that oidc-client-ts leaves out: signature by JWKS, iss, aud, azp, exp, iat and nonce. */
export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  jwksUri: string;
  /** The nonce sent with the authorization request; absent for tokens from a refresh. */
  nonce?: string;
  /** The subject the session already has (refresh): a new ID token must be about the same person. */
  subject?: string;
}

const CLOCK_SKEW_SECONDS = 60;
const MAX_TOKEN_AGE_SECONDS = 10 * 60;
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

const keySets = new Map<string, Promise<ReturnType<typeof createLocalJWKSet>>>();

/**
 * The provider's published keys, fetched once per page; `fresh` fetches them again (a key the set does not have may
 * be a new one the provider rotated in). A plain fetch and jose's local key set: the remote key set of jose would add
 * its own fetching code to the sign-in.
 */
function keySet(jwksUri: string, fresh = false): Promise<ReturnType<typeof createLocalJWKSet>> {
  let keys = fresh ? undefined : keySets.get(jwksUri);
  if (!keys) {
    keys = fetch(jwksUri, { credentials: 'omit', signal: AbortSignal.timeout(10_000) })
      .then((response) => (response.ok ? (response.json() as Promise<JSONWebKeySet>) : Promise.reject(new Error('JWKS'))))
      .then((jwks) => createLocalJWKSet(jwks));
    keys.catch(() => keySets.delete(jwksUri));
    keySets.set(jwksUri, keys);
  }
  return keys;
}

async function verifySignature(idToken: string, expected: IdTokenExpectations) {
  const options = {
    issuer: expected.issuer,
    audience: expected.clientId,
    algorithms: ALGORITHMS,
    requiredClaims: ['sub', 'iat', 'exp'],
    maxTokenAge: MAX_TOKEN_AGE_SECONDS,
    clockTolerance: CLOCK_SKEW_SECONDS,
  };
  try {
    return await jwtVerify(idToken, await keySet(expected.jwksUri), options);
  } catch (error) {
    if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
    return jwtVerify(idToken, await keySet(expected.jwksUri, true), options);
  }
}

export async function verifyIdToken(idToken: string, expected: IdTokenExpectations): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await verifySignature(idToken, expected));
  } catch (error) {
    // jose names the failed check (e.g. ERR_JWT_EXPIRED); the token itself is never part of the message.
    throw new PostLoginError('id_token_invalid', (error as { code?: string }).code ?? 'verification failed');
  }
  const now = Math.floor(Date.now() / 1000);
  if ((payload.iat ?? 0) > now + CLOCK_SKEW_SECONDS) throw new PostLoginError('id_token_invalid', 'iat in the future');
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (audiences.length > 1 && payload.azp === undefined) throw new PostLoginError('id_token_invalid', 'azp missing');
  if (payload.azp !== undefined && payload.azp !== expected.clientId) {
    throw new PostLoginError('id_token_invalid', 'azp mismatch');
  }
  if (expected.nonce !== undefined && payload.nonce !== expected.nonce) {
    throw new PostLoginError('id_token_invalid', 'nonce mismatch');
  }
  if (expected.subject !== undefined && payload.sub !== expected.subject) {
    throw new PostLoginError('id_token_invalid', 'subject changed');
  }
  return payload;
}
