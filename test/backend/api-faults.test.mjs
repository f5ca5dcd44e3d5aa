import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, afterEach, before, describe, it } from 'node:test';
import { MARC, apiAuthHeaders, signIn, startTestBackend } from './support.mjs';

const KELLER = 'd1b2c3d4-0002-4000-8000-000000000002';
const KELLER_FORWARDING = 'e1b2c3d4-0005-4000-8000-000000000005';
/** Marc's account's addresses. */
const ADDRESSES = '/accounts/a1b2c3d4-0002-4000-8000-000000000002/addresses';
const NEW_ADDRESS = Object.freeze({
  company: 'Keller Logistik AG', coName: 'Filiale Lausanne', street: 'Avenue de la Gare', houseNumber: '12', postcode: '1000', locality: 'Lausanne', services: ['po-box'],
});

describe('fault injection in front of the account API', () => {
  let env;
  let backend;
  let token;
  /** Marc's addresses as seeded, without the times they were written. */
  let seeded;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
    token = (await signIn(backend, env.demoClient, MARC)).tokens.access_token;
    seeded = withoutTimes(await (await api(ADDRESSES)).json());
  });
  afterEach(() => {
    backend.apiFaults.clear();
    backend.resetAddresses();
  });
  after(() => env.close());

  const api = async (path, { method = 'GET', body, headers = {}, signal } = {}) => fetch(`${backend.urls.api}${path}`, {
    method,
    signal,
    headers: {
      ...(await apiAuthHeaders(backend, method, path, token)),
      origin: backend.urls.demo,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const create = (key = randomUUID(), options = {}) => api(ADDRESSES, { method: 'POST', body: NEW_ADDRESS, headers: { 'idempotency-key': key }, ...options });
  const onlineCount = () => backend.db.prepare("SELECT count(*) FROM addresses WHERE customer_id = ? AND kind = 'online'").pluck().get(KELLER);

  it("'status-500' answers here with the API's CORS headers and stores nothing; the next request reaches the API", async () => {
    backend.apiFaults.set({ method: 'POST', path: ADDRESSES, fault: 'status-500' });
    const failed = await create();
    assert.equal(failed.status, 500);
    assert.equal(failed.headers.get('access-control-allow-origin'), backend.urls.demo);
    assert.equal(failed.headers.get('access-control-expose-headers'), 'ETag, WWW-Authenticate');
    assert.deepEqual(await failed.json(), { error: 'internal_error' });
    assert.equal(onlineCount(), 2);

    const created = await create();
    assert.equal(created.status, 201);
    assert.equal(onlineCount(), 3);
  });

  it('a refused origin gets no CORS headers on a fault either', async () => {
    backend.apiFaults.set({ path: ADDRESSES, fault: 'status-500' });
    const res = await api(ADDRESSES, { headers: { origin: 'http://evil.example' } });
    assert.equal(res.status, 500);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  it("honours 'times', the method and path prefixes, and runs a list of rules in order", async () => {
    backend.apiFaults.set([
      { method: 'POST', path: `${ADDRESSES}*`, fault: 'status-500' },
      { method: 'GET', path: `${ADDRESSES}*`, fault: 'status-500', times: 2 },
      { method: 'GET', path: `${ADDRESSES}*`, fault: 'wrong-shape' },
    ]);
    assert.equal((await api('/me')).status, 200, 'another path');
    assert.equal((await api(ADDRESSES)).status, 500);
    assert.equal((await api(`${ADDRESSES}/${KELLER_FORWARDING}`)).status, 500);
    assert.deepEqual(await (await api(ADDRESSES)).json(), { billing: 42, online: 'none' });
    assert.equal((await api(ADDRESSES)).status, 200, 'every GET rule is spent');
    assert.equal((await create()).status, 500, 'the POST rule was left for a POST');
    assert.equal((await create()).status, 201);
  });

  it("takes '*' anywhere in a rule's path: any account, this path only", async () => {
    backend.apiFaults.set({ method: 'GET', path: '/accounts/*/addresses', fault: 'status-500', times: 3 });
    assert.equal((await api(`${ADDRESSES}/${KELLER_FORWARDING}`)).status, 200, 'not an address of the list');
    assert.equal((await api('/accounts/a/b/addresses')).status, 500, "'*' takes '/' too");
    assert.equal((await api(ADDRESSES)).status, 500);
    assert.equal((await api('/accounts/unknown/addresses')).status, 500);
    assert.equal((await api(ADDRESSES)).status, 200, 'spent');
  });

  it('lets preflights (OPTIONS) through untouched, without spending a rule', async () => {
    backend.apiFaults.set({ path: `${ADDRESSES}*`, fault: 'reset' });
    const preflight = await fetch(`${backend.urls.api}${ADDRESSES}`, {
      method: 'OPTIONS',
      headers: { origin: backend.urls.demo, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), backend.urls.demo);
    await assert.rejects(api(ADDRESSES), TypeError, 'the rule is still there');
  });

  it("'malformed-json' answers 200 with a JSON content type and a body that is not JSON", async () => {
    backend.apiFaults.set({ path: ADDRESSES, fault: 'malformed-json' });
    const res = await api(ADDRESSES);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.equal(res.headers.get('access-control-allow-origin'), backend.urls.demo);
    await assert.rejects(res.json(), SyntaxError);
  });

  it("'wrong-shape' answers 200 with JSON of the wrong shape", async () => {
    backend.apiFaults.set({ method: 'GET', path: ADDRESSES, fault: 'wrong-shape' });
    const res = await api(ADDRESSES);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), backend.urls.demo);
    assert.deepEqual(await res.json(), { billing: 42, online: 'none' });
  });

  it("'delay' waits, then the real API answers", async () => {
    backend.apiFaults.set({ path: ADDRESSES, fault: 'delay', ms: 300 });
    const started = Date.now();
    const res = await api(ADDRESSES);
    assert.ok(Date.now() - started >= 290, `answered after ${Date.now() - started} ms`);
    assert.equal(res.status, 200);
    assert.deepEqual(withoutTimes(await res.json()), seeded);
  });

  it("'delay' never serves a client that gave up: its write is not done later", async () => {
    backend.apiFaults.set({ method: 'POST', path: ADDRESSES, fault: 'delay', ms: 300 });
    await assert.rejects(create(randomUUID(), { signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' });
    await sleep(500);
    assert.equal(onlineCount(), 2);
  });

  it("'reset' breaks the connection before the API sees the request: nothing stored", async () => {
    backend.apiFaults.set({ method: 'POST', path: ADDRESSES, fault: 'reset' });
    const key = randomUUID();
    await assert.rejects(create(key), TypeError);
    assert.equal(onlineCount(), 2);
    const retry = await create(key);
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), null, 'a first write, not a replay');
  });

  it("'drop-response' lets the API store the write and loses its answer; the retry with the same key is replayed", async () => {
    backend.apiFaults.set({ method: 'POST', path: ADDRESSES, fault: 'drop-response' });
    const key = randomUUID();
    await assert.rejects(create(key), TypeError);
    assert.equal(onlineCount(), 3, 'stored although the client saw a network error');

    const retry = await create(key);
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    const stored = (await (await api(ADDRESSES)).json()).online;
    assert.equal(stored.length, 3, 'one new address, not two');
    assert.equal((await retry.json()).id, stored[2].id);
  });

  it('closes every connection while rules are set, so no client resends a faulted request on its own', async () => {
    assert.notEqual((await api('/me')).headers.get('connection'), 'close');
    backend.apiFaults.set({ path: ADDRESSES, fault: 'status-500' });
    assert.equal((await api('/me')).headers.get('connection'), 'close');
    assert.equal((await api(ADDRESSES)).headers.get('connection'), 'close');
    backend.apiFaults.clear();
    assert.notEqual((await api('/me')).headers.get('connection'), 'close');
  });

  it('refuses a rule without a path or with an unknown fault', () => {
    assert.throws(() => backend.apiFaults.set({ path: ADDRESSES, fault: 'teapot' }), /one of the faults/);
    assert.throws(() => backend.apiFaults.set([{ fault: 'reset' }]), /needs a path/);
  });

  it('resetAddresses() puts the seeded addresses back and forgets idempotency keys', async () => {
    const key = randomUUID();
    assert.equal((await create(key)).status, 201);
    const changed = await api(`${ADDRESSES}/${KELLER_FORWARDING}`, {
      method: 'PUT', body: { ...NEW_ADDRESS, services: ['forwarding'] }, headers: { 'if-match': '"1"', 'idempotency-key': randomUUID() },
    });
    assert.equal(changed.status, 200);
    assert.notDeepEqual(withoutTimes(await (await api(ADDRESSES)).json()), seeded);

    backend.resetAddresses();
    assert.deepEqual(withoutTimes(await (await api(ADDRESSES)).json()), seeded);
    assert.equal(backend.db.prepare('SELECT count(*) FROM idempotency_keys').pluck().get(), 0);
    const again = await create(key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), null, 'the key is forgotten: a new write');
  });
});

/** An addresses answer without updatedAt, which a reset writes anew. */
function withoutTimes(body) {
  const strip = ({ updatedAt: _updatedAt, ...address }) => address;
  return { ...body, billing: body.billing && strip(body.billing), online: body.online.map(strip) };
}
