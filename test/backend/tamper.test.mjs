import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { ANNA, callApi, refresh, signIn, startAuthorization, startTestBackend, submitLogin } from './support.mjs';

describe('fault injection in front of the provider', () => {
  let env;
  let backend;
  let jwks;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
    jwks = createRemoteJWKSet(new URL(`${backend.urls.swissid}/jwks`));
  });
  afterEach(() => backend.tamper.clear());
  after(() => env.close());

  const callbackAfterLogin = async () => {
    const flow = await startAuthorization(backend, env.demoClient);
    const { exit } = await submitLogin(backend, flow, ANNA);
    return new URL(exit);
  };
  const verify = (token) => jwtVerify(token, jwks, { issuer: backend.urls.swissid, audience: env.demoClient.clientId });

  it('removes or replaces iss and state in the authorization response', async () => {
    backend.tamper.set({ authResponse: { iss: null } });
    let callback = await callbackAfterLogin();
    assert.equal(callback.searchParams.has('iss'), false);
    assert.ok(callback.searchParams.get('code'));

    backend.tamper.set({ authResponse: { iss: 'https://evil.example', state: 'forged' } });
    callback = await callbackAfterLogin();
    assert.equal(callback.searchParams.get('iss'), 'https://evil.example');
    assert.equal(callback.searchParams.get('state'), 'forged');

    backend.tamper.clear();
    callback = await callbackAfterLogin();
    assert.equal(callback.searchParams.get('iss'), backend.urls.swissid);
  });

  it('re-signs the ID token with changed claims under the real key', async () => {
    backend.tamper.set({ idToken: { claims: { aud: 'someone-else', nonce: 'x' } } });
    const { tokens } = await signIn(backend, env.demoClient);
    const claims = decodeJwt(tokens.id_token);
    assert.equal(claims.aud, 'someone-else');
    assert.equal(claims.nonce, 'x');
    assert.equal(claims.email, ANNA.email);
    // Still a valid signature of the provider: only the claim checks can catch it.
    await jwtVerify(tokens.id_token, jwks, { issuer: backend.urls.swissid });
    await assert.rejects(verify(tokens.id_token), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
  });

  it('can expire the ID token', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    backend.tamper.set({ idToken: { claims: { exp: past, iat: past - 600 } } });
    const { tokens } = await signIn(backend, env.demoClient);
    await assert.rejects(verify(tokens.id_token), { code: 'ERR_JWT_EXPIRED' });
  });

  it('signs with a foreign key under the same kid, or corrupts the signature', async () => {
    const real = (await signIn(backend, env.demoClient)).tokens.id_token;
    backend.tamper.set({ idToken: { signature: 'foreign-key' } });
    const foreign = (await signIn(backend, env.demoClient)).tokens.id_token;
    assert.equal(decodeProtectedHeader(foreign).kid, decodeProtectedHeader(real).kid);
    await assert.rejects(verify(foreign), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });

    backend.tamper.set({ idToken: { signature: 'corrupt' } });
    const corrupt = (await signIn(backend, env.demoClient)).tokens.id_token;
    await assert.rejects(verify(corrupt), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });

  it('applies to ID tokens from a refresh too', async () => {
    const { tokens } = await signIn(backend, env.demoClient);
    backend.tamper.set({ idToken: { claims: { aud: 'someone-else' } } });
    const renewed = await refresh(backend, { clientId: env.demoClient.clientId, refreshToken: tokens.refresh_token });
    assert.equal(decodeJwt(renewed.body.id_token).aud, 'someone-else');
  });

  it('revokeRefreshTokens() makes the next renewal fail with invalid_grant', async () => {
    const { tokens } = await signIn(backend, env.demoClient);
    backend.revokeRefreshTokens();
    const renewed = await refresh(backend, { clientId: env.demoClient.clientId, refreshToken: tokens.refresh_token });
    assert.equal(renewed.res.status, 400);
    assert.equal(renewed.body.error, 'invalid_grant');
    // The access token stays valid until it expires; only renewal fails.
    const me = await callApi(backend, '/me', { token: tokens.access_token });
    assert.equal(me.status, 200);
  });
});
