import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DPOP_ALGS } from '../../demo/server/dpop.mjs';
import {
  ANNA, DpopKey, PETER, callApi, exchangeCode, keyOf, refresh, signIn, startAuthorization, startTestBackend, submitLogin,
} from './support.mjs';
import { tryStolenTokens } from './stolen-tokens.mjs';

describe('DPoP at the providers\' token endpoints', () => {
  let env;
  let backend;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
  });
  after(() => env.close());

  /** A code of a fresh sign-in (at `issuer`), not yet redeemed. */
  const freshCode = async (client, account = ANNA, options = {}) => {
    const flow = await startAuthorization(backend, { ...client, ...options });
    const { exit } = await submitLogin(backend, flow, account);
    return { flow, code: /** @type {string} */ (new URL(exit).searchParams.get('code')) };
  };
  const storedJkt = (table, model, id) => JSON.parse(backend.db.prepare(`SELECT payload FROM ${table} WHERE model = ? AND id = ?`).pluck().get(model, id)).jkt;

  it('announces DPoP with the algorithms the API takes, at both providers', async () => {
    for (const issuer of [backend.urls.swissid, backend.urls.postLogin]) {
      const doc = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
      assert.deepEqual(doc.dpop_signing_alg_values_supported, [...DPOP_ALGS], issuer);
    }
  });

  it('lets a client\'s page send the DPoP header to the token endpoint (CORS preflight)', async () => {
    const res = await fetch(`${backend.urls.swissid}/token`, {
      method: 'OPTIONS',
      headers: { origin: backend.urls.partner, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, dpop' },
    });
    assert.equal(res.status, 204);
    assert.match(String(res.headers.get('access-control-allow-headers')), /\bdpop\b/i);
  });

  for (const [name, clientOf, account] of /** @type {const} */ ([['SwissID', 'demoClient', ANNA], ['the older Post login', 'postLoginClient', PETER]])) {
    describe(`at ${name}`, () => {
      const client = () => env[clientOf];
      const issuer = () => client().issuer ?? backend.urls.swissid;

      it('refuses a code without a proof; the same code then works with one, and no nonce is asked for', async () => {
        const { flow, code } = await freshCode(client(), account);
        const refused = await exchangeCode(backend, { ...client(), code, verifier: flow.verifier, dpop: null });
        assert.equal(refused.res.status, 400);
        assert.equal(refused.body.error, 'invalid_grant');

        const key = await DpopKey.generate();
        const { res, body } = await exchangeCode(backend, { ...client(), code, verifier: flow.verifier, dpop: key });
        assert.equal(res.status, 200);
        assert.equal(body.token_type, 'DPoP');
        assert.equal(res.headers.get('dpop-nonce'), null);
      });

      it('refuses a proof made for another URL or method', async () => {
        const { flow, code } = await freshCode(client(), account);
        const key = await DpopKey.generate();
        for (const proof of [await key.proof('POST', `${issuer()}/token/other`), await key.proof('GET', `${issuer()}/token`)]) {
          const { res, body } = await exchangeCode(backend, { ...client(), code, verifier: flow.verifier, dpop: key, headers: { dpop: proof } });
          assert.equal(res.status, 400);
          assert.equal(body.error, 'invalid_dpop_proof');
        }
      });

      it('refuses the refresh token without a proof or with another key\'s; its own key renews it, bound again', async () => {
        const { tokens, flow } = await signIn(backend, client(), account);
        const own = await flow.browser.key();
        const table = name === 'SwissID' ? 'oidc_models' : 'post_login_oidc_models';
        assert.equal(storedJkt(table, 'RefreshToken', tokens.refresh_token), own.thumbprint);
        for (const dpop of [null, await DpopKey.generate()]) {
          const refused = await refresh(backend, { ...client(), refreshToken: tokens.refresh_token, dpop });
          assert.equal(refused.res.status, 400);
          assert.equal(refused.body.error, 'invalid_grant');
        }
        const renewed = await refresh(backend, { ...client(), refreshToken: tokens.refresh_token });
        assert.equal(renewed.res.status, 200);
        assert.equal(keyOf(renewed.body.refresh_token), own);
        assert.equal(storedJkt(table, 'RefreshToken', renewed.body.refresh_token), own.thumbprint);
        assert.equal(storedJkt(table, 'AccessToken', renewed.body.access_token), own.thumbprint);
        assert.equal((await callApi(backend, '/me', { token: renewed.body.access_token })).status, 200);
      });

      it('revokes a bound refresh token without a proof, as the widget does at logout', async () => {
        const { tokens } = await signIn(backend, client(), account);
        const res = await fetch(`${issuer()}/token/revocation`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token: tokens.refresh_token, token_type_hint: 'refresh_token', client_id: client().clientId }),
        });
        assert.equal(res.status, 200);
        assert.equal((await refresh(backend, { ...client(), refreshToken: tokens.refresh_token })).body.error, 'invalid_grant');
      });

      it('gives an attacker with copied tokens nothing, and leaves them working for the browser', async () => {
        const { tokens } = await signIn(backend, client(), account);
        const result = await tryStolenTokens(backend, {
          accessToken: tokens.access_token, refreshToken: tokens.refresh_token, clientId: client().clientId, provider: name === 'SwissID' ? 'swissid' : 'post',
        });
        assert.deepEqual(result, {
          meBearer: 401,
          meOtherKey: 401,
          refreshOtherKey: { status: 400, error: 'invalid_grant' },
          refreshNoProof: { status: 400, error: 'invalid_grant' },
        });
        assert.equal((await callApi(backend, '/me', { token: tokens.access_token })).status, 200);
        assert.equal((await refresh(backend, { ...client(), refreshToken: tokens.refresh_token })).res.status, 200);
      });
    });
  }

  it('binds the code to the key of dpop_jkt when the authorization request names one', async () => {
    const key = await DpopKey.generate();
    // Each refusal uses its code up (oidc-provider consumes it before it compares the keys): a code intercepted
    // on its way is worth nothing to anyone, the browser included.
    for (const dpop of [null, await DpopKey.generate()]) {
      const { flow, code } = await freshCode(env.demoClient, ANNA, { dpopJkt: key.thumbprint });
      const refused = await exchangeCode(backend, { ...env.demoClient, code, verifier: flow.verifier, dpop });
      assert.equal(refused.res.status, 400);
      assert.equal(refused.body.error, 'invalid_grant');
    }
    const { flow, code } = await freshCode(env.demoClient, ANNA, { dpopJkt: key.thumbprint });
    const { res, body } = await exchangeCode(backend, { ...env.demoClient, code, verifier: flow.verifier, dpop: key });
    assert.equal(res.status, 200);
    assert.equal(storedJkt('oidc_models', 'AccessToken', body.access_token), key.thumbprint);
  });

  it('checks the arguments of try-stolen-tokens', async () => {
    await assert.rejects(tryStolenTokens(backend, /** @type {any} */ ({ accessToken: 'a', clientId: 'b' })), /refreshToken must be a string/);
  });
});
