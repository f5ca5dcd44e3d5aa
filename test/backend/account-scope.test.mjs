// The acting account in the path: every account-scoped route and method answers only for an account the token's
// subject may act for (one of the `accounts` of its GET /me). Any other id — another customer's, a colleague's in the
// same company, one of another login of the same person, or none at all — is a 404 like an unknown one, so ids cannot
// be probed, and nothing changes.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ANNA, LEA, NEW_SWISSID, PETER, THOMAS, accessTokens, callApi, startTestBackend } from './support.mjs';

const ACCOUNT = {
  anna: 'a1b2c3d4-0001-4000-8000-000000000001',
  marc: 'a1b2c3d4-0002-4000-8000-000000000002',
  lea: 'a1b2c3d4-0003-4000-8000-000000000003',
  peter: 'c1b2c3d4-0001-4000-8000-000000000001',
  thomasPrivate: 'c1b2c3d4-0004-4000-8000-000000000004',
  thomasBusiness: 'c1b2c3d4-0005-4000-8000-000000000005',
  claudiaBusiness: 'c1b2c3d4-0007-4000-8000-000000000007',
};
const ANNA_ONLINE = 'e1b2c3d4-0002-4000-8000-000000000002';
const KELLER_FORWARDING = 'e1b2c3d4-0005-4000-8000-000000000005';
const ADDRESS = Object.freeze({ name: 'Taken Over', street: 'Bundesgasse', houseNumber: '3', postcode: '3000', locality: 'Bern', services: ['forwarding'] });

describe('the acting account in the path', () => {
  let env;
  let backend;
  /** @type {Record<string, string>} */
  let token;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
    token = await accessTokens(env, { anna: ANNA, lea: LEA, nora: NEW_SWISSID }, { peter: PETER, thomas: THOMAS });
  });
  after(() => env.close());

  /** Everything a refused request could have written. */
  const snapshot = () => Object.fromEntries(['addresses', 'address_services', 'idempotency_keys']
    .map((table) => [table, backend.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]));
  /** Every account-scoped request for `accountId`, each as complete as a good one (If-Match, key, a valid body). */
  const requests = (accountId, addressId) => [
    ['GET', `/accounts/${accountId}/addresses`, {}],
    ['POST', `/accounts/${accountId}/addresses`, { body: ADDRESS, headers: { 'idempotency-key': randomUUID() } }],
    ['GET', `/accounts/${accountId}/addresses/${addressId}`, {}],
    ['PUT', `/accounts/${accountId}/addresses/${addressId}`, { body: ADDRESS, headers: { 'if-match': '"1"', 'idempotency-key': randomUUID() } }],
    ['DELETE', `/accounts/${accountId}/addresses/${addressId}`, { headers: { 'if-match': '"1"', 'idempotency-key': randomUUID() } }],
  ];

  it("answers 404 not_found for another customer's account, for every route and method, and changes nothing", async () => {
    const before = snapshot();
    const cases = [
      ['anna', ACCOUNT.marc, KELLER_FORWARDING, "another customer's"],
      ['lea', ACCOUNT.marc, KELLER_FORWARDING, "a colleague's in the same company (its addresses are hers, the account is not)"],
      ['peter', ACCOUNT.anna, ANNA_ONLINE, "a SwissID customer's, with an older login's token"],
      ['thomas', ACCOUNT.claudiaBusiness, 'e1b2c3d4-1009-4000-8000-000000001009', "another older login's business account"],
      ['nora', ACCOUNT.thomasBusiness, 'e1b2c3d4-1007-4000-8000-000000001007', 'an account of a login not linked to this SwissID'],
    ];
    for (const [as, accountId, addressId, what] of cases) {
      for (const [method, path, options] of requests(accountId, addressId)) {
        const res = await callApi(backend, path, { ...options, method, token: token[as] });
        assert.equal(res.status, 404, `${as} ${method} ${path}: ${what}`);
        assert.equal(res.headers.get('etag'), null);
        assert.deepEqual(await res.json(), { error: 'not_found', message: 'No such account.' }, `${method} ${what}`);
      }
    }
    assert.deepEqual(snapshot(), before);
  });

  it('answers an unknown account id exactly as another customer\'s', async () => {
    const before = snapshot();
    for (const accountId of ['no-such-account', 'a'.repeat(64), ACCOUNT.anna.replace('0001', '0099')]) {
      for (const [method, path, options] of requests(accountId, ANNA_ONLINE)) {
        const res = await callApi(backend, path, { ...options, method, token: token.anna });
        assert.equal(res.status, 404, `${method} ${path}`);
        assert.deepEqual(await res.json(), { error: 'not_found', message: 'No such account.' });
      }
    }
    // Not an id at all: no such route.
    for (const path of [`/accounts/${'a'.repeat(65)}/addresses`, '/accounts//addresses', `/accounts/${ACCOUNT.anna}`, '/accounts']) {
      const res = await callApi(backend, path, { token: token.anna });
      assert.equal(res.status, 404, path);
      assert.deepEqual(await res.json(), { error: 'not_found', message: 'No such resource.' });
    }
    assert.deepEqual(snapshot(), before);
  });

  it('acts for each of the accounts a login may act for, and checks the token before the account', async () => {
    for (const accountId of [ACCOUNT.thomasPrivate, ACCOUNT.thomasBusiness]) {
      const res = await callApi(backend, `/accounts/${accountId}/addresses`, { token: token.thomas });
      assert.equal(res.status, 200);
      assert.equal((await res.json()).accountId, accountId);
    }
    const thomas = await (await callApi(backend, '/me', { token: token.thomas })).json();
    assert.deepEqual(thomas.accounts.map((a) => a.id), [ACCOUNT.thomasPrivate, ACCOUNT.thomasBusiness]);
    // Without a valid token, 401 whatever the account.
    for (const accountId of [ACCOUNT.anna, 'no-such-account']) {
      const res = await callApi(backend, `/accounts/${accountId}/addresses`, { headers: { authorization: 'DPoP aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } });
      assert.equal(res.status, 401);
    }
  });
});
