import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { after, afterEach, before, describe, it } from 'node:test';
import { accessTokenHash } from '../../demo/server/dpop.mjs';
import { ANNA, CHALLENGE, DpopKey, MARC, callApi, keyOf, signIn, startTestBackend } from './support.mjs';

const KELLER = 'd1b2c3d4-0002-4000-8000-000000000002';
/** Marc's account's addresses. */
const ADDRESSES = '/accounts/a1b2c3d4-0002-4000-8000-000000000002/addresses';
const NEW_ADDRESS = Object.freeze({
  company: 'Keller Logistik AG', coName: 'Filiale Lausanne', street: 'Avenue de la Gare', houseNumber: '12', postcode: '1000', locality: 'Lausanne', services: ['po-box'],
});
const now = () => Math.floor(Date.now() / 1000);

describe('DPoP at the account API', () => {
  let env;
  let backend;
  /** Marc's access token, bound to his browser's key. */
  let token;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
    token = (await signIn(backend, env.demoClient, MARC)).tokens.access_token;
  });
  afterEach(() => backend.resetAddresses());
  after(() => env.close());

  const onlineCount = () => backend.db.prepare("SELECT count(*) FROM addresses WHERE customer_id = ? AND kind = 'online'").pluck().get(KELLER);
  /** A create of an address as Marc's browser: a write, so that a refusal can be seen to change nothing. */
  const create = ({ path = ADDRESSES, ...options } = {}) => callApi(backend, path, {
    token, body: NEW_ADDRESS, headers: { 'idempotency-key': randomUUID() }, ...options,
  });
  const storedPayload = (model, id) => JSON.parse(backend.db.prepare('SELECT payload FROM oidc_models WHERE model = ? AND id = ?').pluck().get(model, id));

  /** A 401 with the challenge and the error, and (with `message`) the reason the API gives. */
  const assertRefused = async (res, challenge, what, message) => {
    assert.equal(res.status, 401, what);
    assert.equal(res.headers.get('www-authenticate'), challenge, what);
    const body = await res.json();
    assert.equal(body.error, /error="(\w+)"/.exec(challenge)?.[1], what);
    if (message) assert.match(body.message, message, what);
  };

  it('binds the access and the refresh token to the browser key (cnf.jkt), and takes them with a proof of it', async () => {
    const { tokens, flow } = await signIn(backend, env.demoClient, ANNA);
    const key = await flow.browser.key();
    assert.equal(tokens.token_type, 'DPoP');
    assert.equal(storedPayload('AccessToken', tokens.access_token).jkt, key.thumbprint);
    assert.equal(storedPayload('RefreshToken', tokens.refresh_token).jkt, key.thumbprint);
    assert.equal((await callApi(backend, '/me', { token: tokens.access_token })).status, 200);

    const before = onlineCount();
    const res = await create();
    assert.equal(res.status, 201);
    assert.equal(onlineCount(), before + 1);
  });

  it('refuses a bound token sent as Bearer, with or without a proof (RFC 9449 section 7.2), and changes nothing', async () => {
    const before = onlineCount();
    await assertRefused(await create({ scheme: 'Bearer', dpop: null }), CHALLENGE.invalidToken, 'without a proof', /DPoP-bound/);
    await assertRefused(await create({ scheme: 'Bearer' }), CHALLENGE.invalidToken, 'with a proof', /DPoP-bound/);
    await assertRefused(await callApi(backend, '/me', { token, scheme: 'Bearer' }), CHALLENGE.invalidToken, 'GET /me');
    assert.equal(onlineCount(), before);
  });

  it('refuses each bad proof with invalid_dpop_proof, and changes nothing', async () => {
    const api = backend.urls.api;
    const other = await DpopKey.generate();
    const rsa = await DpopKey.generate('RS256');
    const marcKey = /** @type {DpopKey} */ (keyOf(token));
    const twoProofs = `${await marcKey.proof('POST', `${api}${ADDRESSES}`, { accessToken: token })}, ${await marcKey.proof('POST', `${api}${ADDRESSES}`, { accessToken: token })}`;
    /** @type {Record<string, [import('./support.mjs').ApiCallOptions & { path?: string }, RegExp]>} */
    const cases = {
      'no proof': [{ dpop: null }, /no DPoP proof/],
      'a proof of another key (a copied token)': [{ dpop: other }, /another key/],
      'another method (htm)': [{ proof: { claims: { htm: 'PUT' } } }, /method \(htm\)/],
      'another path (htu)': [{ proof: { claims: { htu: `${api}/me` } } }, /URL \(htu/],
      'the query kept (htu)': [{ path: `${ADDRESSES}?from=test`, proof: { claims: { htu: `${api}${ADDRESSES}?from=test` } } }, /URL \(htu/],
      'an empty query (htu)': [{ proof: { claims: { htu: `${api}${ADDRESSES}?` } } }, /URL \(htu/],
      'a fragment (htu)': [{ proof: { claims: { htu: `${api}${ADDRESSES}#x` } } }, /URL \(htu/],
      'another origin (htu)': [{ proof: { claims: { htu: `http://evil.example${ADDRESSES}` } } }, /URL \(htu/],
      'no ath': [{ proof: { claims: { ath: undefined } } }, /access token \(ath\)/],
      'the ath of another token': [{ proof: { ath: accessTokenHash('another-token') } }, /access token \(ath\)/],
      'an iat 61 s old': [{ proof: { iat: now() - 61 } }, /too old/],
      // Made before the requests run, one after the other: far enough ahead to be still more than 5 s ahead then.
      'an iat 15 s ahead': [{ proof: { iat: now() + 15 } }, /future/],
      'no iat': [{ proof: { claims: { iat: undefined } } }, /no time/],
      'no jti': [{ proof: { claims: { jti: undefined } } }, /jti/],
      'typ JWT': [{ proof: { typ: 'JWT' } }, /dpop\+jwt/],
      'a private key in its jwk': [{ proof: { jwk: await marcKey.privateJwk() } }, /private/],
      'no jwk': [{ proof: { jwk: null } }, /no public key/],
      'an algorithm the API does not take (RS256)': [{ dpop: rsa }, /dpop\+jwt signed \(ES256, Ed25519, EdDSA\)/],
      'a signature that does not verify': [{ proof: `${(await marcKey.proof('POST', `${api}${ADDRESSES}`, { accessToken: token })).slice(0, -4)}AAAA` }, /signed/],
      'not a JWS': [{ proof: 'not-a-proof' }, /compact JWS/],
      'two DPoP headers': [{ proof: twoProofs }, /compact JWS/],
    };
    const before = onlineCount();
    for (const [what, [options, message]] of Object.entries(cases)) {
      await assertRefused(await create(options), CHALLENGE.invalidProof, what, message);
    }
    assert.equal(onlineCount(), before);
    assert.equal((await create()).status, 201, 'the token itself still works');
  });

  it('refuses a replayed proof: the same proof again, or its jti in a new one', async () => {
    const url = `${backend.urls.api}${ADDRESSES}`;
    const key = /** @type {DpopKey} */ (keyOf(token));
    const jti = randomUUID();
    const proof = await key.proof('POST', url, { accessToken: token, jti });
    const before = onlineCount();
    assert.equal((await create({ proof })).status, 201);
    await assertRefused(await create({ proof }), CHALLENGE.invalidProof, 'the same proof', /used before/);
    await assertRefused(await create({ proof: { jti, iat: now() - 1 } }), CHALLENGE.invalidProof, 'the same jti', /used before/);
    assert.equal(onlineCount(), before + 1, 'one write');
  });

  it('takes a proof up to 60 s old and up to 5 s ahead', async () => {
    assert.equal((await callApi(backend, '/me', { token, proof: { iat: now() - 55 } })).status, 200);
    assert.equal((await callApi(backend, '/me', { token, proof: { iat: now() + 4 } })).status, 200);
  });

  it('takes htu without the query for a request with one', async () => {
    const res = await callApi(backend, '/localities?postcode=3000', { token });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).localities[0].name, 'Bern');
  });

  it("checks htu against the API's configured origin, not the Host header", async () => {
    const key = /** @type {DpopKey} */ (keyOf(token));
    const get = (proof) => new Promise((resolve, reject) => {
      const req = request(`${backend.urls.api}/me`, {
        headers: { host: 'evil.example:1234', authorization: `DPoP ${token}`, dpop: proof },
      }, (res) => {
        res.resume();
        resolve(res);
      });
      req.on('error', reject);
      req.end();
    });
    const forged = await get(await key.proof('GET', 'http://evil.example:1234/me', { accessToken: token }));
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.headers['www-authenticate'], CHALLENGE.invalidProof);
    const real = await get(await key.proof('GET', `${backend.urls.api}/me`, { accessToken: token }));
    assert.equal(real.statusCode, 200);
  });

  it('refuses a token that is not bound to a key, whatever the proof', async () => {
    const { tokens } = await signIn(backend, env.demoClient, ANNA);
    const payload = storedPayload('AccessToken', tokens.access_token);
    delete payload.jkt;
    backend.db.prepare("UPDATE oidc_models SET payload = ? WHERE model = 'AccessToken' AND id = ?").run(JSON.stringify(payload), tokens.access_token);
    for (const scheme of /** @type {const} */ (['DPoP', 'Bearer'])) {
      const res = await callApi(backend, '/me', { token: tokens.access_token, scheme });
      await assertRefused(res, CHALLENGE.invalidToken, scheme, /not bound/);
    }
  });

  it('takes an Ed25519 key as well as P-256', async () => {
    const dpop = await DpopKey.generate('EdDSA');
    const { tokens } = await signIn(backend, env.demoClient, ANNA, { dpop });
    assert.equal(storedPayload('AccessToken', tokens.access_token).jkt, dpop.thumbprint);
    assert.equal((await callApi(backend, '/me', { token: tokens.access_token })).status, 200);
  });
});
