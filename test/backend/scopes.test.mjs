import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  ANNA, Browser, CHALLENGE, FRESH_SWISSID, FULL_SCOPE, MARC, PETER, callApi, authorizeAgain, linkChallenge, proofSignIn, refresh, signIn, startTestBackend,
} from './support.mjs';

const KELLER_FORWARDING = 'e1b2c3d4-0005-4000-8000-000000000005';
/** Marc's and Peter's accounts, and Keller's address lists as Marc's. */
const MARC_ADDRESSES = '/accounts/a1b2c3d4-0002-4000-8000-000000000002/addresses';
const PETER_ADDRESSES = '/accounts/c1b2c3d4-0001-4000-8000-000000000001/addresses';
const ADDRESS = Object.freeze({
  company: 'Keller Logistik AG', street: 'Avenue de la Gare', houseNumber: '12', postcode: '1000', locality: 'Lausanne', services: ['po-box'],
});

describe('the account API as a resource: audience and scopes', () => {
  let env;
  let backend;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
  });
  after(() => env.close());

  const api = (path, options) => callApi(backend, path, options);
  const assertInsufficientScope = async (res, scope, what = scope) => {
    assert.equal(res.status, 403, what);
    assert.equal(res.headers.get('www-authenticate'), CHALLENGE.insufficientScope(scope), what);
    const body = await res.json();
    assert.equal(body.error, 'insufficient_scope', what);
    assert.equal(body.scope, scope, what);
    assert.equal(typeof body.message, 'string');
  };
  /** Everything a refused request could have written. */
  const snapshot = () => Object.fromEntries(['addresses', 'address_services', 'idempotency_keys', 'post_logins', 'link_challenges', 'link_audit', 'outbox']
    .map((table) => [table, backend.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]));

  describe('a partner site (third-party client)', () => {
    /** Marc's and Peter's tokens from the partner page, which asked for every scope: it got the read scopes only. */
    let marc;
    let peter;
    before(async () => {
      const asked = { scope: FULL_SCOPE, consent: /** @type {const} */ ('allow') };
      const marcSignIn = await signIn(backend, env.partnerClient, MARC, asked);
      assert.equal(marcSignIn.tokens.scope, 'account.read addresses.read');
      marc = marcSignIn.tokens.access_token;
      peter = (await signIn(backend, env.postLoginPartnerClient, PETER, asked)).tokens.access_token;
    });

    it('reads the account and the addresses, told it may not write them', async () => {
      const me = await api('/me', { token: marc, headers: { origin: backend.urls.partner } });
      assert.equal(me.status, 200);
      assert.equal(me.headers.get('access-control-allow-origin'), backend.urls.partner);
      assert.equal((await me.json()).company, 'Keller Logistik AG');
      const addresses = await (await api(MARC_ADDRESSES, { token: marc })).json();
      assert.equal(addresses.online.length, 2);
      // Marc may edit his company's addresses, but not through a partner site.
      assert.deepEqual(addresses.limits, { maxOnline: 3, canEdit: false, canAdd: false, managedBy: 'administrator', writable: false });
      assert.equal((await api(`${MARC_ADDRESSES}/${KELLER_FORWARDING}`, { token: marc })).status, 200);
      assert.equal((await api('/localities?postcode=3000', { token: marc })).status, 200);
      const older = await api(PETER_ADDRESSES, { token: peter });
      assert.equal((await older.json()).limits.writable, false);
    });

    it('is refused every write and all linking (403 insufficient_scope), and nothing changes', async () => {
      const before = snapshot();
      await assertInsufficientScope(await api(MARC_ADDRESSES, { token: marc, body: ADDRESS, headers: { 'idempotency-key': randomUUID() } }), 'addresses.write');
      await assertInsufficientScope(await api(`${MARC_ADDRESSES}/${KELLER_FORWARDING}`, {
        token: marc, method: 'PUT', body: { ...ADDRESS, services: ['forwarding'] }, headers: { 'if-match': '"1"' },
      }), 'addresses.write');
      await assertInsufficientScope(await api(`${MARC_ADDRESSES}/${KELLER_FORWARDING}`, {
        token: marc, method: 'DELETE', headers: { 'if-match': '"1"' },
      }), 'addresses.write', 'DELETE');
      await assertInsufficientScope(await api('/link-status', { token: peter }), 'account.link', 'GET /link-status');
      await assertInsufficientScope(await api('/link/challenge', { token: peter, method: 'POST' }), 'account.link', 'POST /link/challenge');
      const { nonce } = await linkChallenge(backend, (await signIn(backend, env.postLoginClient, PETER)).tokens.access_token);
      const proof = (await proofSignIn(backend, env.demoClient, FRESH_SWISSID, nonce)).tokens.id_token;
      const afterChallenge = snapshot();
      await assertInsufficientScope(await api('/link', { token: peter, body: { idToken: proof } }), 'account.link', 'POST /link');
      assert.deepEqual(snapshot(), afterChallenge);
      assert.deepEqual({ ...afterChallenge, link_challenges: before.link_challenges }, before);
      // A SwissID token is no older-login token: as before, 401 on the linking routes.
      assert.equal((await api('/link-status', { token: marc })).status, 401);
    });

    it('is refused a resource other than the account API, as a Post site is', async () => {
      for (const client of [env.partnerClient, env.demoClient]) {
        const { exit } = await authorizeAgain(backend, { ...client, resource: 'http://other.example/', browser: new Browser() });
        assert.equal(new URL(exit).searchParams.get('error'), 'invalid_target', client.clientId);
      }
    });
  });

  describe('a Post site (first-party client)', () => {
    it('gets every scope it asks for, and only those', async () => {
      const full = await signIn(backend, env.demoClient, MARC);
      assert.equal(full.tokens.scope, 'account.read addresses.read addresses.write account.link');
      const readOnly = (await signIn(backend, env.demoClient, MARC, { scope: 'openid profile email account.read addresses.read' })).tokens.access_token;
      assert.equal((await api('/me', { token: readOnly })).status, 200);
      assert.deepEqual((await (await api(MARC_ADDRESSES, { token: readOnly })).json()).limits,
        { maxOnline: 3, canEdit: false, canAdd: false, managedBy: 'administrator', writable: false });
      const before = snapshot();
      await assertInsufficientScope(await api(MARC_ADDRESSES, { token: readOnly, body: ADDRESS, headers: { 'idempotency-key': randomUUID() } }), 'addresses.write');
      const meOnly = (await signIn(backend, env.demoClient, MARC, { scope: 'openid account.read' })).tokens.access_token;
      await assertInsufficientScope(await api(MARC_ADDRESSES, { token: meOnly }), 'addresses.read');
      await assertInsufficientScope(await api('/localities?postcode=3000', { token: meOnly }), 'addresses.read');
      const addressesOnly = (await signIn(backend, env.demoClient, MARC, { scope: 'openid addresses.read' })).tokens.access_token;
      await assertInsufficientScope(await api('/me', { token: addressesOnly }), 'account.read');
      assert.deepEqual(snapshot(), before);
    });

    it('gets a token for the API without asking for the resource, and renews it with or without', async () => {
      const { tokens } = await signIn(backend, env.demoClient, ANNA, { resource: null });
      assert.equal((await api('/me', { token: tokens.access_token })).status, 200);
      let refreshToken = tokens.refresh_token;
      for (const resource of [undefined, backend.apiResource]) {
        const renewed = await refresh(backend, { clientId: env.demoClient.clientId, refreshToken, resource });
        assert.equal(renewed.res.status, 200);
        assert.equal(renewed.body.scope, 'account.read addresses.read addresses.write account.link');
        assert.ok(renewed.body.id_token);
        assert.equal((await api('/accounts/a1b2c3d4-0001-4000-8000-000000000001/addresses', { token: renewed.body.access_token })).status, 200);
        refreshToken = renewed.body.refresh_token;
      }
      const other = await refresh(backend, { clientId: env.demoClient.clientId, refreshToken, resource: 'http://other.example/' });
      assert.equal(other.body.error, 'invalid_target');
    });
  });

  describe('tokens not for this API', () => {
    it('refuses a token for another audience, or without any (as the previous version issued them), with 401', async () => {
      const tokens = await Promise.all([1, 2].map(async () => (await signIn(backend, env.demoClient, ANNA)).tokens.access_token));
      const rewrite = (token, change) => {
        const row = backend.db.prepare("SELECT payload FROM oidc_models WHERE model = 'AccessToken' AND id = ?").get(token);
        const payload = JSON.parse(row.payload);
        change(payload);
        backend.db.prepare("UPDATE oidc_models SET payload = ? WHERE model = 'AccessToken' AND id = ?").run(JSON.stringify(payload), token);
      };
      assert.equal((await api('/me', { token: tokens[0] })).status, 200);
      rewrite(tokens[0], (payload) => { payload.aud = 'http://other.example/'; });
      rewrite(tokens[1], (payload) => { delete payload.aud; });
      for (const token of tokens) {
        const res = await api('/me', { token });
        assert.equal(res.status, 401);
        assert.equal(res.headers.get('www-authenticate'), CHALLENGE.invalidToken);
      }
    });

    it('answers WWW-Authenticate to the browser (CORS exposes it)', async () => {
      const token = (await signIn(backend, env.demoClient, ANNA, { scope: 'openid account.read', browser: new Browser() })).tokens.access_token;
      const res = await api('/accounts/a1b2c3d4-0001-4000-8000-000000000001/addresses', { token, headers: { origin: backend.urls.demo } });
      assert.equal(res.status, 403);
      assert.match(res.headers.get('access-control-expose-headers'), /WWW-Authenticate/);
      assert.equal(res.headers.get('access-control-allow-origin'), backend.urls.demo);
    });
  });
});
