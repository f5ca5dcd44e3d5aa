import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
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

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function keySet(jwksUri: string): ReturnType<typeof createRemoteJWKSet> {
  let keys = keySets.get(jwksUri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUri));
    keySets.set(jwksUri, keys);
  }
  return keys;
}

export async function verifyIdToken(idToken: string, expected: IdTokenExpectations): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keySet(expected.jwksUri), {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: ALGORITHMS,
      requiredClaims: ['sub', 'iat', 'exp'],
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      clockTolerance: CLOCK_SKEW_SECONDS,
    }));
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
