// A DPoP key pair as a browser keeps it (RFC 9449): it signs a proof for each token request and each API call. The
// backend tests give each simulated browser one; the browser tests' server commands make an attacker's.
import { randomUUID } from 'node:crypto';
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { accessTokenHash } from '../../demo/server/dpop.mjs';

/**
 * @typedef {object} ProofOptions what to put into (or leave out of) a proof, for tests of refused proofs
 * @property {string} [accessToken] adds `ath` for it
 * @property {string} [ath] this `ath` instead
 * @property {number} [iat] seconds since the epoch (default now)
 * @property {string} [jti] default a fresh UUID
 * @property {string} [typ] default 'dpop+jwt'
 * @property {Record<string, unknown>|null} [jwk] this header `jwk` instead of the public key; null: none
 * @property {Record<string, unknown>} [claims] more claims, or `undefined` values to leave one out
 */

export class DpopKey {
  /**
   * @param {CryptoKey} privateKey
   * @param {Record<string, unknown>} publicJwk
   * @param {string} thumbprint
   * @param {string} alg
   */
  constructor(privateKey, publicJwk, thumbprint, alg) {
    this.privateKey = privateKey;
    this.publicJwk = publicJwk;
    /** The JWK SHA-256 thumbprint: the `jkt` of the tokens bound to this key. */
    this.thumbprint = thumbprint;
    this.alg = alg;
  }

  /** A new key pair (ES256 as the widget makes it; 'EdDSA' or another for tests). */
  static async generate(alg = 'ES256') {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    return new DpopKey(privateKey, publicJwk, await calculateJwkThumbprint(publicJwk, 'sha256'), alg);
  }

  /** The private key as a JWK (for tests of a proof that carries it). */
  privateJwk() {
    return exportJWK(this.privateKey);
  }

  /**
   * A proof for one request.
   * @param {string} method
   * @param {string} url the request's URL; its query and fragment are left out, as RFC 9449 says (a test that wants
   *   them in gives `claims: { htu }`)
   * @param {ProofOptions} [options]
   */
  async proof(method, url, { accessToken, ath, iat, jti = randomUUID(), typ = 'dpop+jwt', jwk = this.publicJwk, claims = {} } = {}) {
    const target = new URL(url);
    target.search = '';
    target.hash = '';
    const payload = {
      htm: method,
      htu: target.href,
      iat: iat ?? Math.floor(Date.now() / 1000),
      jti,
      ...((ath ?? accessToken) ? { ath: ath ?? accessTokenHash(/** @type {string} */ (accessToken)) } : {}),
      ...claims,
    };
    for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
    return new SignJWT(payload).setProtectedHeader({ alg: this.alg, typ, ...(jwk ? { jwk } : {}) }).sign(this.privateKey);
  }
}
