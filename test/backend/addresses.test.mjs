import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ADDRESS_SERVICES } from '../../demo/server/demo-data.mjs';
import { ANNA, LEA, MARC, NEW_SWISSID, PETER, accessTokens, callApi, startTestBackend } from './support.mjs';

const ID = {
  annaAccount: 'a1b2c3d4-0001-4000-8000-000000000001',
  marcAccount: 'a1b2c3d4-0002-4000-8000-000000000002',
  leaAccount: 'a1b2c3d4-0003-4000-8000-000000000003',
  annaCustomer: 'd1b2c3d4-0001-4000-8000-000000000001',
  kellerCustomer: 'd1b2c3d4-0002-4000-8000-000000000002',
  annaBilling: 'e1b2c3d4-0001-4000-8000-000000000001',
  annaOnline: 'e1b2c3d4-0002-4000-8000-000000000002',
  kellerBilling: 'e1b2c3d4-0003-4000-8000-000000000003',
  kellerAll: 'e1b2c3d4-0004-4000-8000-000000000004',
  kellerForwarding: 'e1b2c3d4-0005-4000-8000-000000000005',
  peterAccount: 'c1b2c3d4-0001-4000-8000-000000000001',
};
/** The account each signed-in user acts for here. */
const ACCOUNT = { anna: ID.annaAccount, marc: ID.marcAccount, lea: ID.leaAccount, peter: ID.peterAccount };

describe('addresses API', () => {
  let env;
  let backend;
  /** @type {Record<'anna'|'marc'|'lea'|'peter'|'nora', string>} */
  let token;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
    token = await accessTokens(env, { anna: ANNA, marc: MARC, lea: LEA, nora: NEW_SWISSID }, { peter: PETER });
  });
  after(() => env.close());

  const api = (path, { as, ...options } = {}) => callApi(backend, path, { ...options, token: as && token[as] });
  /** The path of `as`'s own account's addresses, and of one of them with `rest` ('/<id>'). */
  const at = (as, rest = '') => `/accounts/${ACCOUNT[as]}/addresses${rest}`;
  const create = (as, body, key = randomUUID()) => api(at(as), { as, body, headers: key ? { 'idempotency-key': key } : {} });
  const update = (as, id, body, { ifMatch, key } = {}) => api(at(as, `/${id}`), {
    as, body, method: 'PUT', headers: { ...(ifMatch ? { 'if-match': ifMatch } : {}), ...(key ? { 'idempotency-key': key } : {}) },
  });
  const addressRows = () => backend.db.prepare('SELECT * FROM addresses ORDER BY id').all();
  const onlineCount = (customerId) => backend.db.prepare("SELECT count(*) FROM addresses WHERE customer_id = ? AND kind = 'online'").pluck().get(customerId);
  const VALID = Object.freeze({
    company: 'Keller Logistik AG', coName: 'Filiale Lausanne', street: 'Avenue de la Gare', houseNumber: '12', postcode: '1000', locality: 'Lausanne', services: ['po-box'],
  });

  describe('GET /accounts/{accountId}/addresses', () => {
    it('gives a private customer her billing and online-services address; at her limit', async () => {
      const res = await api(at('anna'), { as: 'anna' });
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.equal(body.accountId, ID.annaAccount);
      assert.deepEqual(body.billing, {
        id: ID.annaBilling, kind: 'billing', version: 1, name: 'Anna Muster', company: null, coName: null,
        street: 'Kramgasse', houseNumber: '12', poBox: null, postcode: '3000', locality: 'Bern', country: 'CH', updatedAt: body.billing.updatedAt,
      });
      assert.equal(body.online.length, 1);
      assert.deepEqual({ ...body.online[0], updatedAt: undefined }, {
        id: ID.annaOnline, kind: 'online', version: 1, services: ADDRESS_SERVICES, name: 'Anna Muster', company: null, coName: 'Beat Muster',
        street: 'Länggassstrasse', houseNumber: '7a', poBox: null, postcode: '3000', locality: 'Bern', country: 'CH', updatedAt: undefined,
      });
      assert.deepEqual(body.limits, { maxOnline: 1, canEdit: true, canAdd: false, managedBy: 'self', writable: true });
      assert.equal(body.administrator, null, 'a private account has no administrator');
    });

    it("gives a company's superadministrator and user the same company addresses, both may edit, and names the administrator", async () => {
      const marc = await (await api(at('marc'), { as: 'marc' })).json();
      const lea = await (await api(at('lea'), { as: 'lea' })).json();
      assert.equal(marc.accountId, ID.marcAccount);
      assert.equal(lea.accountId, ID.leaAccount);
      assert.equal(marc.billing.id, ID.kellerBilling);
      assert.equal(marc.billing.company, 'Keller Logistik AG');
      assert.deepEqual(marc.online.map((a) => [a.id, a.services]), [
        [ID.kellerAll, ADDRESS_SERVICES],
        [ID.kellerForwarding, ['forwarding']],
      ]);
      assert.deepEqual(lea.billing, marc.billing);
      assert.deepEqual(lea.online, marc.online);
      assert.deepEqual(marc.limits, { maxOnline: 3, canEdit: true, canAdd: true, managedBy: 'administrator', writable: true });
      assert.deepEqual(lea.limits, { maxOnline: 3, canEdit: true, canAdd: true, managedBy: 'administrator', writable: true });
      // Whom Lea agrees the company's address with.
      assert.deepEqual(lea.administrator, { name: 'Marc Keller' });
      assert.deepEqual(marc.administrator, { name: 'Marc Keller' });
    });

    it("acts on the older login's account; a login without any account acts for none (404)", async () => {
      const peter = await (await api(at('peter'), { as: 'peter' })).json();
      assert.equal(peter.accountId, 'c1b2c3d4-0001-4000-8000-000000000001');
      assert.equal(peter.billing.locality, 'Lugano');
      assert.deepEqual(peter.online, []);
      assert.deepEqual(peter.limits, { maxOnline: 1, canEdit: true, canAdd: true, managedBy: 'self', writable: true });

      assert.equal(peter.administrator, null);

      assert.deepEqual((await (await api('/me', { as: 'nora' })).json()).accounts, []);
      for (const accountId of [ID.annaAccount, ID.peterAccount]) {
        const refused = await api(`/accounts/${accountId}/addresses`, { as: 'nora', body: VALID, headers: { 'idempotency-key': randomUUID() } });
        assert.equal(refused.status, 404);
        assert.deepEqual(await refused.json(), { error: 'not_found', message: 'No such account.' });
      }
    });

    it('gives one address with its ETag', async () => {
      const res = await api(at('lea', `/${ID.kellerForwarding}`), { as: 'lea' });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('etag'), '"1"');
      assert.equal((await res.json()).coName, 'Lager Aarau');
    });

    it('needs an access token', async () => {
      for (const path of [at('anna'), at('anna', `/${ID.annaOnline}`)]) {
        const res = await api(path, { headers: { authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } });
        assert.equal(res.status, 401, path);
        assert.equal((await res.json()).error, 'invalid_token');
      }
      assert.equal((await create(undefined, VALID)).status, 401);
    });
  });

  describe('nobody reads or writes another customer\'s addresses', () => {
    it("answers 404 for another customer's address under one's own account, never its data", async () => {
      const before = addressRows();
      for (const [as, id] of [['anna', ID.kellerAll], ['anna', ID.kellerBilling], ['marc', ID.annaOnline], ['lea', ID.annaBilling], ['peter', ID.annaOnline]]) {
        for (const res of [
          await api(at(as, `/${id}`), { as }),
          await update(as, id, { ...VALID, name: 'Taken Over' }, { ifMatch: '"1"' }),
        ]) {
          assert.equal(res.status, 404, `${as} ${id}`);
          assert.equal(res.headers.get('etag'), null);
          const text = await res.text();
          assert.deepEqual(JSON.parse(text), { error: 'not_found', message: 'No such address.' });
        }
      }
      assert.equal((await api(at('anna', '/no-such-id'), { as: 'anna' })).status, 404);
      assert.equal((await api(at('anna', '/a/b'), { as: 'anna' })).status, 404);
      // The unscoped routes are gone.
      for (const path of ['/addresses', `/addresses/${ID.annaOnline}`]) {
        const gone = await api(path, { as: 'anna' });
        assert.equal(gone.status, 404, path);
        assert.deepEqual(await gone.json(), { error: 'not_found', message: 'No such resource.' });
      }
      assert.deepEqual(addressRows(), before);
    });

    it('keeps billing addresses read-only for everyone', async () => {
      const before = addressRows();
      for (const [as, id] of [['anna', ID.annaBilling], ['marc', ID.kellerBilling], ['lea', ID.kellerBilling]]) {
        const res = await update(as, id, VALID, { ifMatch: '"1"', key: randomUUID() });
        assert.equal(res.status, 403, as);
        assert.equal((await res.json()).error, 'billing_read_only');
      }
      const post = await api(at('anna', `/${ID.annaOnline}`), { as: 'anna', method: 'POST', body: VALID });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, PUT, DELETE, OPTIONS');
      assert.deepEqual(addressRows(), before);
    });
  });

  describe("a company's business user", () => {
    it("saves the company's online-services address, as its superadministrator does (no administrator-only rule)", async () => {
      const updated = await update('lea', ID.kellerForwarding, { ...VALID, coName: 'Lager Aarau', services: ['forwarding'] }, { ifMatch: '"1"' });
      assert.equal(updated.status, 200);
      assert.equal(updated.headers.get('etag'), '"2"');
      const created = await create('lea', VALID);
      assert.equal(created.status, 201);
      const marc = await (await api(at('marc'), { as: 'marc' })).json();
      assert.equal(marc.online.length, 3, 'the company sees what its user saved');
      assert.equal(marc.online.find((a) => a.id === ID.kellerForwarding).version, 2);
      backend.resetAddresses();
    });
  });

  describe('POST /accounts/{accountId}/addresses', () => {
    it('checks every field on the server and stores nothing that fails', async () => {
      const cases = [
        [{ company: null }, { name: 'name_or_company' }],
        [{ company: '  ' }, { name: 'name_or_company' }],
        [{ street: null, houseNumber: null }, { street: 'street_or_po_box' }],
        [{ street: null, poBox: '12' }, { houseNumber: 'house_number_without_street' }],
        [{ houseNumber: 'twelve' }, { houseNumber: 'invalid_house_number' }],
        [{ poBox: 'Postfach 12' }, { poBox: 'invalid_po_box' }],
        [{ postcode: null }, { postcode: 'required' }],
        [{ postcode: '100' }, { postcode: 'invalid_postcode' }],
        [{ postcode: 1000 }, { postcode: 'invalid_type' }],
        [{ postcode: '9999' }, { postcode: 'unknown_postcode' }],
        [{ locality: 'Bern' }, { locality: 'locality_mismatch' }],
        [{ locality: '' }, { locality: 'required' }],
        [{ company: 'K'.repeat(61) }, { company: 'too_long' }],
        [{ name: 'Anna <script>' }, { name: 'invalid_characters' }],
        [{ street: 'Gare\u0000' }, { street: 'invalid_characters' }],
        [{ coName: 42 }, { coName: 'invalid_type' }],
        [{ country: 'DE' }, { country: 'unsupported_country' }],
        [{ services: [] }, { services: 'required' }],
        [{ services: undefined }, { services: 'required' }],
        [{ services: ['parcel'] }, { services: 'invalid_services' }],
        [{ services: 'forwarding' }, { services: 'invalid_services' }],
        [{ company: null, street: null, houseNumber: null, postcode: '9999' }, { name: 'name_or_company', street: 'street_or_po_box', postcode: 'unknown_postcode' }],
      ];
      for (const [patch, fields] of cases) {
        const res = await create('marc', { ...VALID, ...patch });
        assert.equal(res.status, 422, JSON.stringify(patch));
        const body = await res.json();
        assert.equal(body.error, 'validation');
        assert.deepEqual(body.fields, fields, JSON.stringify(patch));
      }
      for (const bad of ['[]', 'null', '"text"', 'not json']) {
        const res = await create('marc', bad);
        assert.equal(res.status, 400, bad);
        assert.equal((await res.json()).error, 'invalid_request');
      }
      assert.equal(onlineCount(ID.kellerCustomer), 2);
      assert.equal(backend.db.prepare('SELECT count(*) FROM idempotency_keys').pluck().get(), 0, 'failures are not kept');
    });

    it('needs an Idempotency-Key', async () => {
      const missing = await create('marc', VALID, null);
      assert.equal(missing.status, 400);
      assert.equal((await missing.json()).error, 'idempotency_key_required');
      const bad = await create('marc', VALID, 'x'.repeat(256));
      assert.equal(bad.status, 400);
      assert.equal((await bad.json()).error, 'invalid_idempotency_key');
      assert.equal(onlineCount(ID.kellerCustomer), 2);
    });

    it('creates once per Idempotency-Key, then refuses more than the limit', async () => {
      const key = randomUUID();
      const first = await create('marc', { ...VALID, locality: '  lausanne ', services: ['sub-address', 'po-box', 'po-box'] }, key);
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('etag'), '"1"');
      const created = await first.json();
      assert.equal(first.headers.get('location'), `/accounts/${ID.marcAccount}/addresses/${created.id}`);
      assert.deepEqual({ ...created, id: undefined, updatedAt: undefined }, {
        id: undefined, kind: 'online', version: 1, services: ['po-box', 'sub-address'], name: null, company: 'Keller Logistik AG',
        coName: 'Filiale Lausanne', street: 'Avenue de la Gare', houseNumber: '12', poBox: null, postcode: '1000', locality: 'Lausanne',
        country: 'CH', updatedAt: undefined,
      });

      // The retry (say the answer was lost): the same answer, no second address.
      const retry = await create('marc', { ...VALID, locality: '  lausanne ', services: ['sub-address', 'po-box', 'po-box'] }, key);
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('etag'), '"1"');
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await retry.json(), created);
      assert.equal(backend.db.prepare('SELECT count(*) FROM addresses WHERE street = ?').pluck().get('Avenue de la Gare'), 1);
      assert.equal(onlineCount(ID.kellerCustomer), 3);

      const reused = await create('marc', { ...VALID, street: 'Avenue de Cour' }, key);
      assert.equal(reused.status, 422);
      assert.equal((await reused.json()).error, 'idempotency_key_reused');

      // Now at the company's limit of 3; Anna has been at hers (1) from the start.
      for (const as of ['marc', 'anna']) {
        const res = await create(as, { ...VALID, street: 'Avenue de Cour' });
        assert.equal(res.status, 409, as);
        assert.equal((await res.json()).error, 'limit_reached');
      }
      assert.deepEqual((await (await api(at('marc'), { as: 'marc' })).json()).limits, { maxOnline: 3, canEdit: true, canAdd: false, managedBy: 'administrator', writable: true });
      assert.equal(onlineCount(ID.kellerCustomer), 3);
      assert.equal(onlineCount(ID.annaCustomer), 1);
    });

    it('answers concurrent retries of one create with one address', async () => {
      const key = randomUUID();
      const body = { name: 'Peter Brunner', poBox: '1234', postcode: '6900', locality: 'Lugano', services: ['po-box'] };
      const answers = await Promise.all([create('peter', body, key), create('peter', body, key), create('peter', body, key)]);
      assert.deepEqual(answers.map((r) => r.status), [201, 201, 201]);
      const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).id)));
      assert.equal(ids.size, 1);
      assert.equal(onlineCount('d1b2c3d4-0003-4000-8000-000000000003'), 1);
    });
  });

  describe('PUT /accounts/{accountId}/addresses/{id}', () => {
    it('changes an address at the version it was read, and refuses a stale write with the current one', async () => {
      const change = { ...VALID, company: 'Keller Logistik AG', coName: null, street: 'Industriestrasse', houseNumber: '10', postcode: '5000', locality: 'Aarau', services: ['forwarding', 'power-of-attorney'] };
      const res = await update('marc', ID.kellerForwarding, change, { ifMatch: '"1"' });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('etag'), '"2"');
      const updated = await res.json();
      assert.equal(updated.version, 2);
      assert.equal(updated.houseNumber, '10');
      assert.equal(updated.coName, null);
      assert.deepEqual(updated.services, ['forwarding', 'power-of-attorney']);

      // Another tab still holds version 1.
      const stale = await update('marc', ID.kellerForwarding, { ...change, houseNumber: '99' }, { ifMatch: '"1"' });
      assert.equal(stale.status, 412);
      assert.equal(stale.headers.get('etag'), '"2"');
      const conflict = await stale.json();
      assert.equal(conflict.error, 'version_mismatch');
      assert.deepEqual(conflict.current, updated);
      // A weak tag never matches; a list matches if one of its tags does.
      assert.equal((await update('marc', ID.kellerForwarding, change, { ifMatch: 'W/"2"' })).status, 412);
      const listed = await update('marc', ID.kellerForwarding, change, { ifMatch: '"1", "2"' });
      assert.equal(listed.status, 200);
      assert.equal(listed.headers.get('etag'), '"3"');
      assert.equal(backend.db.prepare('SELECT version FROM addresses WHERE id = ?').pluck().get(ID.kellerForwarding), 3);
    });

    it('needs If-Match (428)', async () => {
      for (const ifMatch of [undefined, '*']) {
        const res = await update('anna', ID.annaOnline, { ...VALID, name: 'Anna Muster' }, { ifMatch });
        assert.equal(res.status, 428, String(ifMatch));
        assert.equal((await res.json()).error, 'precondition_required');
      }
      assert.equal(backend.db.prepare('SELECT version FROM addresses WHERE id = ?').pluck().get(ID.annaOnline), 1);
    });

    it('checks the fields like a create', async () => {
      const res = await update('anna', ID.annaOnline, { name: 'Anna Muster', street: 'Kramgasse', postcode: '3000', locality: 'Lausanne', services: ['forwarding'] }, { ifMatch: '"1"' });
      assert.equal(res.status, 422);
      assert.deepEqual((await res.json()).fields, { locality: 'locality_mismatch' });
    });

    it('answers a retried save with an Idempotency-Key from the first answer, not 412', async () => {
      const key = randomUUID();
      const change = { name: 'Anna Muster', poBox: '512', postcode: '3000', locality: 'BERN', services: ADDRESS_SERVICES };
      const first = await update('anna', ID.annaOnline, change, { ifMatch: '"1"', key });
      assert.equal(first.status, 200);
      const saved = await first.json();
      assert.equal(saved.locality, 'Bern');
      assert.equal(saved.street, null);
      assert.equal(saved.poBox, '512');
      const retry = await update('anna', ID.annaOnline, change, { ifMatch: '"1"', key });
      assert.equal(retry.status, 200);
      assert.equal(retry.headers.get('etag'), '"2"');
      assert.deepEqual(await retry.json(), saved);
      assert.equal(backend.db.prepare('SELECT version FROM addresses WHERE id = ?').pluck().get(ID.annaOnline), 2);
      // Without the key, the same request is a stale write.
      assert.equal((await update('anna', ID.annaOnline, change, { ifMatch: '"1"' })).status, 412);
    });
  });

  describe('CORS', () => {
    it('lets the client origins call the address endpoints with If-Match and Idempotency-Key, and read the ETag', async () => {
      for (const [path, method] of [[at('anna'), 'POST'], [at('anna', `/${ID.annaOnline}`), 'PUT'], [at('anna', `/${ID.annaOnline}`), 'DELETE'], ['/localities?postcode=3000', 'GET']]) {
        const preflight = await fetch(`${backend.urls.api}${path}`, {
          method: 'OPTIONS',
          headers: { origin: backend.urls.partner, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, if-match, idempotency-key, content-type' },
        });
        assert.equal(preflight.status, 204);
        assert.equal(preflight.headers.get('access-control-allow-origin'), backend.urls.partner);
        assert.match(preflight.headers.get('access-control-allow-methods'), new RegExp(method));
        for (const header of ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key']) {
          assert.match(preflight.headers.get('access-control-allow-headers'), new RegExp(header));
        }
      }
      const res = await api(at('marc', `/${ID.kellerAll}`), { as: 'marc', headers: { origin: backend.urls.demo } });
      assert.equal(res.headers.get('access-control-allow-origin'), backend.urls.demo);
      assert.match(res.headers.get('access-control-expose-headers'), /ETag/);
      assert.match(res.headers.get('vary'), /Origin/);

      for (const origin of ['http://evil.example', `${backend.urls.demo}.evil.example`, 'null']) {
        const refused = await api(at('marc'), { as: 'marc', headers: { origin } });
        assert.equal(refused.headers.get('access-control-allow-origin'), null, origin);
        const preflight = await fetch(`${backend.urls.api}${at('marc')}`, { method: 'OPTIONS', headers: { origin } });
        assert.equal(preflight.headers.get('access-control-allow-origin'), null, origin);
      }
    });
  });
});
