import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { changeStoredAddress, endTokens, storedAddresses } from '../support/backend-state.mjs';
import { ANNA, apiAuthHeaders, refresh, signIn, startTestBackend } from './support.mjs';

const ANNA_ONLINE = 'e1b2c3d4-0002-4000-8000-000000000002';
const ANNA_BILLING = 'e1b2c3d4-0001-4000-8000-000000000001';
const ANNA_ADDRESSES = '/accounts/a1b2c3d4-0001-4000-8000-000000000001/addresses';

describe('what the browser tests read and change in the database', () => {
  let env;
  let backend;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
  });
  afterEach(() => backend.resetAddresses());
  after(() => env.close());

  const api = async (path, accessToken, init = {}) => fetch(`${backend.urls.api}${path}`, {
    ...init, headers: { ...(await apiAuthHeaders(backend, init.method ?? 'GET', path, accessToken)), ...init.headers },
  });

  it("gives the addresses stored for a login's account, as GET /accounts/{accountId}/addresses lists them", async () => {
    const { tokens } = await signIn(backend, env.demoClient, ANNA);
    const listed = await (await api(ANNA_ADDRESSES, tokens.access_token)).json();
    assert.deepEqual(storedAddresses(backend.db, ANNA.email), { billing: listed.billing, online: listed.online });

    assert.equal(storedAddresses(backend.db, 'peter.invited@example.ch').billing.locality, 'Lugano', 'an older Post login');
    assert.equal(storedAddresses(backend.db, 'sara.meier@example.ch').billing.locality, 'Basel', 'a SwissID through its linked login');
    assert.deepEqual(storedAddresses(backend.db, 'new.swissid@example.ch'), { billing: null, online: [] });
    assert.throws(() => storedAddresses(backend.db, 'nobody@example.ch'), /no SwissID or Post login/);
    // One account of a login with several: by its id.
    const business = storedAddresses(backend.db, 'thomas.both@example.ch', 'c1b2c3d4-0005-4000-8000-000000000005');
    assert.equal(business.billing.company, 'Both Treuhand GmbH');
    assert.equal(storedAddresses(backend.db, 'thomas.both@example.ch').billing.locality, 'St. Gallen', 'default: the first, private');
    assert.throws(() => storedAddresses(backend.db, ANNA.email, 'c1b2c3d4-0005-4000-8000-000000000005'), /may not act for/);
  });

  it('changes an online-services address as another save would: the old ETag gets a 412', async () => {
    const changed = changeStoredAddress(backend.db, { id: ANNA_ONLINE, changes: { street: 'Bundesgasse', houseNumber: '3' } });
    assert.equal(changed.version, 2);
    assert.equal(changed.street, 'Bundesgasse');
    assert.equal(changed.coName, 'Beat Muster', 'the other fields stay');
    assert.deepEqual(storedAddresses(backend.db, ANNA.email).online, [changed]);

    const { tokens } = await signIn(backend, env.demoClient, ANNA);
    const stale = await api(`${ANNA_ADDRESSES}/${ANNA_ONLINE}`, tokens.access_token, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': '"1"', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ ...changed, street: 'Marktgasse' }),
    });
    assert.equal(stale.status, 412);
    assert.deepEqual((await stale.json()).current, changed);

    assert.throws(() => changeStoredAddress(backend.db, { id: ANNA_ONLINE, changes: { postcode: '0000' } }), /not a valid address/);
    assert.throws(() => changeStoredAddress(backend.db, { id: ANNA_BILLING, changes: { street: 'Bundesgasse' } }), /no online-services address/);
  });

  it('ends the SwissID access tokens only (renewal works), or the refresh tokens too (renewal fails)', async () => {
    const { tokens } = await signIn(backend, env.demoClient, ANNA);
    endTokens(backend.db);
    assert.equal((await api('/me', tokens.access_token)).status, 401);
    const renewed = await refresh(backend, { clientId: env.demoClient.clientId, refreshToken: tokens.refresh_token });
    assert.equal(renewed.res.status, 200);
    assert.equal((await api('/me', renewed.body.access_token)).status, 200);

    endTokens(backend.db, { refresh: true });
    assert.equal((await api('/me', renewed.body.access_token)).status, 401);
    const refused = await refresh(backend, { clientId: env.demoClient.clientId, refreshToken: renewed.body.refresh_token });
    assert.equal(refused.body.error, 'invalid_grant');
  });
});
