// DELETE /accounts/{accountId}/addresses/{id}: removing an online-services address at the version the client read,
// by any role of the customer; never the billing address, never the customer's last online-services address.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { changeStoredAddress } from '../support/backend-state.mjs';
import { ANNA, CHALLENGE, FULL_SCOPE, LEA, MARC, accessTokens, callApi, signIn, startTestBackend } from './support.mjs';

const ID = {
  annaAccount: 'a1b2c3d4-0001-4000-8000-000000000001',
  marcAccount: 'a1b2c3d4-0002-4000-8000-000000000002',
  leaAccount: 'a1b2c3d4-0003-4000-8000-000000000003',
  kellerCustomer: 'd1b2c3d4-0002-4000-8000-000000000002',
  annaBilling: 'e1b2c3d4-0001-4000-8000-000000000001',
  annaOnline: 'e1b2c3d4-0002-4000-8000-000000000002',
  kellerBilling: 'e1b2c3d4-0003-4000-8000-000000000003',
  kellerAll: 'e1b2c3d4-0004-4000-8000-000000000004',
  kellerForwarding: 'e1b2c3d4-0005-4000-8000-000000000005',
};
const ACCOUNT = { anna: ID.annaAccount, marc: ID.marcAccount, lea: ID.leaAccount };

describe('removing an online-services address', () => {
  let env;
  let backend;
  /** @type {Record<string, string>} */
  let token;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
    token = await accessTokens(env, { anna: ANNA, marc: MARC, lea: LEA });
  });
  afterEach(() => backend.resetAddresses());
  after(() => env.close());

  const at = (as, id) => `/accounts/${ACCOUNT[as]}/addresses/${id}`;
  const remove = (as, id, { ifMatch = '"1"', key, ...options } = {}) => callApi(backend, at(as, id), {
    method: 'DELETE', token: token[as], headers: { ...(ifMatch ? { 'if-match': ifMatch } : {}), ...(key ? { 'idempotency-key': key } : {}) }, ...options,
  });
  const rows = () => ({
    addresses: backend.db.prepare('SELECT * FROM addresses ORDER BY id').all(),
    services: backend.db.prepare('SELECT * FROM address_services ORDER BY 1, 2').all(),
  });
  const kellerOnline = () => backend.db.prepare("SELECT id FROM addresses WHERE customer_id = ? AND kind = 'online' ORDER BY id").pluck().all(ID.kellerCustomer);

  it('removes it at the version read: 204 without a body; it and its services are gone', async () => {
    const res = await remove('marc', ID.kellerForwarding);
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
    assert.equal(res.headers.get('content-type'), null);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(kellerOnline(), [ID.kellerAll]);
    assert.equal(backend.db.prepare('SELECT count(*) FROM address_services WHERE address_id = ?').pluck().get(ID.kellerForwarding), 0);
    const list = await (await callApi(backend, `/accounts/${ID.marcAccount}/addresses`, { token: token.marc })).json();
    assert.deepEqual(list.online.map((a) => a.id), [ID.kellerAll]);
    assert.equal((await callApi(backend, at('marc', ID.kellerForwarding), { token: token.marc })).status, 404);
    // Sent again without a key: the address is gone.
    const again = await remove('marc', ID.kellerForwarding);
    assert.equal(again.status, 404);
    assert.deepEqual(await again.json(), { error: 'not_found', message: 'No such address.' });
  });

  it("lets a company's business user remove one of its addresses, as its superadministrator can", async () => {
    assert.equal((await remove('lea', ID.kellerAll)).status, 204);
    assert.deepEqual(kellerOnline(), [ID.kellerForwarding]);
  });

  it('needs If-Match (428), and refuses a stale version with the current address (412)', async () => {
    const before = rows();
    for (const ifMatch of [null, '*']) {
      const res = await remove('marc', ID.kellerForwarding, { ifMatch });
      assert.equal(res.status, 428, String(ifMatch));
      assert.equal((await res.json()).error, 'precondition_required');
    }
    assert.equal((await remove('marc', ID.kellerForwarding, { ifMatch: 'W/"1"' })).status, 412, 'a weak tag never matches');
    assert.deepEqual(rows(), before);

    const changed = changeStoredAddress(backend.db, { id: ID.kellerForwarding, changes: { houseNumber: '10' } });
    const stale = await remove('marc', ID.kellerForwarding, { ifMatch: '"1"' });
    assert.equal(stale.status, 412);
    assert.equal(stale.headers.get('etag'), '"2"');
    assert.deepEqual(await stale.json(), {
      error: 'version_mismatch', message: 'The address was changed in the meantime; here is the current one.', current: changed,
    });
    assert.deepEqual(kellerOnline(), [ID.kellerAll, ID.kellerForwarding]);
    assert.equal((await remove('marc', ID.kellerForwarding, { ifMatch: '"1", "2"' })).status, 204);
  });

  it("never removes the customer's last online-services address (409 last_address)", async () => {
    const before = rows();
    const anna = await remove('anna', ID.annaOnline);
    assert.equal(anna.status, 409);
    assert.deepEqual(await anna.json(), { error: 'last_address', message: 'The last address for online services cannot be removed; change it instead.' });
    assert.deepEqual(rows(), before);

    assert.equal((await remove('marc', ID.kellerForwarding)).status, 204);
    const last = await remove('lea', ID.kellerAll);
    assert.equal(last.status, 409);
    assert.equal((await last.json()).error, 'last_address');
    assert.deepEqual(kellerOnline(), [ID.kellerAll]);
  });

  it('never removes a billing address (403 billing_read_only, as a change)', async () => {
    const before = rows();
    for (const [as, id] of [['anna', ID.annaBilling], ['marc', ID.kellerBilling], ['lea', ID.kellerBilling]]) {
      for (const ifMatch of ['"1"', null]) {
        const res = await remove(as, id, { ifMatch });
        assert.equal(res.status, 403, `${as} ${ifMatch}`);
        assert.deepEqual(await res.json(), { error: 'billing_read_only', message: 'The billing address is changed by phone or through the customer advisor only.' });
      }
    }
    assert.deepEqual(rows(), before);
  });

  it("answers 404 for another customer's address or account, never removing it", async () => {
    const before = rows();
    const address = await remove('anna', ID.kellerForwarding);
    assert.equal(address.status, 404);
    assert.deepEqual(await address.json(), { error: 'not_found', message: 'No such address.' });
    const account = await callApi(backend, `/accounts/${ID.marcAccount}/addresses/${ID.kellerForwarding}`, {
      method: 'DELETE', token: token.anna, headers: { 'if-match': '"1"' },
    });
    assert.equal(account.status, 404);
    assert.deepEqual(await account.json(), { error: 'not_found', message: 'No such account.' });
    assert.deepEqual(rows(), before);
  });

  it("refuses a partner site's token, and a Post site's without addresses.write (403 insufficient_scope)", async () => {
    const partner = (await signIn(backend, env.partnerClient, MARC, { scope: FULL_SCOPE, consent: 'allow' })).tokens.access_token;
    const readOnly = (await signIn(backend, env.demoClient, MARC, { scope: 'openid account.read addresses.read' })).tokens.access_token;
    const before = rows();
    for (const refused of [partner, readOnly]) {
      const res = await callApi(backend, at('marc', ID.kellerForwarding), { method: 'DELETE', token: refused, headers: { 'if-match': '"1"' } });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('www-authenticate'), CHALLENGE.insufficientScope('addresses.write'));
      assert.equal((await res.json()).scope, 'addresses.write');
    }
    assert.deepEqual(rows(), before);
  });

  it('answers a retried removal with an Idempotency-Key with its first 204; the key is for that request only', async () => {
    const key = randomUUID();
    assert.equal((await remove('marc', ID.kellerForwarding, { key })).status, 204);
    const retry = await remove('marc', ID.kellerForwarding, { key });
    assert.equal(retry.status, 204);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(await retry.text(), '');

    const reused = await remove('marc', ID.kellerAll, { key });
    assert.equal(reused.status, 422);
    assert.equal((await reused.json()).error, 'idempotency_key_reused');
    const bad = await remove('marc', ID.kellerAll, { key: 'x'.repeat(256) });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error, 'invalid_idempotency_key');
    assert.deepEqual(kellerOnline(), [ID.kellerAll]);
  });
});
