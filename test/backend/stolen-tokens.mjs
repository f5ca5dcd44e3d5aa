// What someone who copied a browser's tokens (a stolen localStorage, a log, a leaked response) gets with them on
// another machine: the account API and the token endpoint refuse both without the browser's private DPoP key. Used
// by the backend tests and by the browser tests' `try-stolen-tokens` server command (test/support/backend-plugin.mjs).
import { DpopKey } from './dpop-client.mjs';

/**
 * @typedef {object} StolenTokens
 * @property {string} accessToken
 * @property {string} refreshToken
 * @property {string} clientId the client they were issued to
 * @property {'swissid'|'post'} [provider] the provider that issued them (default SwissID)
 */

/**
 * @typedef {object} StolenTokensResult the answers the attacker gets
 * @property {number} meBearer GET /me with `Authorization: Bearer <access token>`
 * @property {number} meOtherKey GET /me with `Authorization: DPoP <access token>` and a proof of the attacker's key
 * @property {{ status: number, error?: string }} refreshOtherKey the refresh token at the provider's token endpoint
 *   with a proof of the attacker's key
 * @property {{ status: number, error?: string }} refreshNoProof the refresh token without any proof
 */

/**
 * Tries stolen tokens from Node, as an attacker with a key pair of their own. None of the tries uses up the refresh
 * token: the provider refuses it before it rotates anything, so the customer's browser goes on renewing.
 * @param {{ urls: { api: string, swissid: string, postLogin: string } }} backend
 * @param {StolenTokens} stolen
 * @returns {Promise<StolenTokensResult>}
 */
export async function tryStolenTokens(backend, { accessToken, refreshToken, clientId, provider = 'swissid' }) {
  for (const [name, value] of Object.entries({ accessToken, refreshToken, clientId })) {
    if (typeof value !== 'string' || value === '') throw new TypeError(`try-stolen-tokens: ${name} must be a string`);
  }
  const attacker = await DpopKey.generate();
  const me = `${backend.urls.api}/me`;
  const meBearer = (await fetch(me, { headers: { authorization: `Bearer ${accessToken}` } })).status;
  const meOtherKey = (await fetch(me, {
    headers: { authorization: `DPoP ${accessToken}`, dpop: await attacker.proof('GET', me, { accessToken }) },
  })).status;

  const tokenEndpoint = `${backend.urls[provider === 'post' ? 'postLogin' : 'swissid']}/token`;
  /** @param {DpopKey|null} key */
  const redeem = async (key) => {
    const res = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(key ? { dpop: await key.proof('POST', tokenEndpoint) } : {}) },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken }),
    });
    const body = await res.json().catch(() => ({}));
    return { status: res.status, ...(typeof body.error === 'string' ? { error: body.error } : {}) };
  };
  return { meBearer, meOtherKey, refreshOtherKey: await redeem(attacker), refreshNoProof: await redeem(null) };
}
