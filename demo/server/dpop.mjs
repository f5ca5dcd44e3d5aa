// DPoP proofs (RFC 9449) at the account API: a request with a DPoP-bound access token carries, in its `DPoP` header,
// a JWT signed by the key the token is bound to, made for this one request (method and URL), this token (`ath`) and
// this moment (`iat`, `jti`). A token copied out of a browser is worth nothing without that browser's private key.
import { createHash } from 'node:crypto';
import { EmbeddedJWK, calculateJwkThumbprint, decodeProtectedHeader, jwtVerify } from 'jose';

/**
 * The proof algorithms both the providers and the API accept (the widget signs with ES256). Asymmetric only; the
 * same list as oidc-provider's default, so that a key good at the token endpoint is good at the API.
 */
export const DPOP_ALGS = Object.freeze(['ES256', 'Ed25519', 'EdDSA']);

/** How old a proof may be (its `iat`), in seconds. */
export const DPOP_MAX_AGE = 60;
/** How far in the future a proof's `iat` may be (clock skew), in seconds. */
export const DPOP_MAX_FUTURE = 5;

/** Members that only a private or a symmetric JWK has: a proof must carry the public key alone. */
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const MAX_PROOF_LENGTH = 8 * 1024;

/** A proof the API refuses: its message says why (for developers; it never echoes the proof). */
export class DpopProofError extends Error {
  name = 'DpopProofError';
}

/** base64url(SHA-256(access token)): a proof's `ath`. */
export function accessTokenHash(accessToken) {
  return createHash('sha256').update(accessToken, 'ascii').digest('base64url');
}

/**
 * Remembers (key, jti) pairs for as long as a proof with them could still be accepted. Entries expire in the order
 * they were added (each lives the same time), so pruning reads from the front.
 * @param {number} lifetimeMs
 * @param {() => number} now milliseconds
 */
function createReplayCache(lifetimeMs, now) {
  /** @type {Map<string, number>} key → when it may be forgotten */
  const seen = new Map();
  return {
    /** Whether `key` is new; records it. */
    add(key) {
      const time = now();
      for (const [old, expiry] of seen) {
        if (expiry > time) break;
        seen.delete(old);
      }
      if (seen.has(key)) return false;
      seen.set(key, time + lifetimeMs);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}

/**
 * @typedef {object} ProofRequest what a proof must have been made for
 * @property {string} method the request's method
 * @property {string} url the API's public URL of the request, without query and fragment (built from the configured
 *   API origin and the request's path, never from the Host header)
 * @property {string} accessToken the access token the request carries
 * @property {string} jkt the JWK SHA-256 thumbprint the access token is bound to (its `cnf.jkt`)
 */

/**
 * A proof checker with its own replay cache (one per API instance).
 * @param {{ algorithms?: readonly string[], maxAge?: number, maxFuture?: number, now?: () => number }} [options]
 *   `now` in milliseconds (tests move the clock)
 */
export function createDpopVerifier({ algorithms = DPOP_ALGS, maxAge = DPOP_MAX_AGE, maxFuture = DPOP_MAX_FUTURE, now = Date.now } = {}) {
  // A proof is good from iat - maxFuture to iat + maxAge: its jti is kept at least that long after first use.
  const replays = createReplayCache((maxAge + maxFuture + 1) * 1000, now);

  return {
    algorithms,
    /** How many (key, jti) pairs the cache holds now. */
    get remembered() {
      return replays.size;
    },
    /**
     * Checks a `DPoP` header for a request; throws DpopProofError when it is missing or not valid. A valid proof's
     * jti is recorded: the same proof is refused the next time.
     * @param {string|string[]|undefined} proof the request's DPoP header
     * @param {ProofRequest} request
     */
    async verify(proof, { method, url, accessToken, jkt }) {
      if (typeof proof !== 'string' || proof === '') throw new DpopProofError('The request has no DPoP proof.');
      if (proof.length > MAX_PROOF_LENGTH || !COMPACT_JWS.test(proof)) throw new DpopProofError('The DPoP proof is not one compact JWS.');
      let header;
      try {
        header = decodeProtectedHeader(proof);
      } catch {
        throw new DpopProofError('The DPoP proof header cannot be read.');
      }
      const { jwk } = header;
      if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk)) throw new DpopProofError('The DPoP proof carries no public key (jwk).');
      if (PRIVATE_JWK_MEMBERS.some((member) => member in jwk)) throw new DpopProofError('The DPoP proof carries a private or symmetric key.');

      let payload;
      try {
        // typ dpop+jwt, an allowed asymmetric alg, and a signature by the embedded key.
        ({ payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: [...algorithms] }));
      } catch {
        throw new DpopProofError(`The DPoP proof is not a dpop+jwt signed (${algorithms.join(', ')}) by the key it carries.`);
      }

      if (payload.htm !== method) throw new DpopProofError('The DPoP proof was made for another method (htm).');
      if (!sameUrl(payload.htu, url)) throw new DpopProofError('The DPoP proof was made for another URL (htu, without query and fragment).');
      const { iat } = payload;
      const time = now() / 1000;
      if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new DpopProofError('The DPoP proof has no time (iat).');
      if (time - iat > maxAge) throw new DpopProofError('The DPoP proof is too old (iat).');
      if (iat - time > maxFuture) throw new DpopProofError('The DPoP proof is from the future (iat).');
      if (typeof payload.jti !== 'string' || payload.jti === '' || payload.jti.length > 256) {
        throw new DpopProofError('The DPoP proof has no identifier (jti).');
      }
      if (payload.ath !== accessTokenHash(accessToken)) throw new DpopProofError('The DPoP proof was made for another access token (ath).');
      const thumbprint = await calculateJwkThumbprint(/** @type {import('jose').JWK} */ (jwk), 'sha256');
      if (thumbprint !== jkt) throw new DpopProofError('The DPoP proof is signed by another key than the one the access token is bound to.');
      // Last, so that only a proof that passed everything else is remembered.
      if (!replays.add(`${thumbprint}:${payload.jti}`)) throw new DpopProofError('The DPoP proof has been used before (jti).');
    },
  };
}

/**
 * Whether a proof's `htu` is the request's URL: an absolute http(s) URL without query or fragment (not even an empty
 * `?`), equal after the usual URL normalization (scheme and host case, default port, dot segments).
 */
function sameUrl(htu, expected) {
  if (typeof htu !== 'string' || htu.includes('?') || htu.includes('#')) return false;
  try {
    const url = new URL(htu);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.href === new URL(expected).href;
  } catch {
    return false;
  }
}
