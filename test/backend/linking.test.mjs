import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { DEMO_LOGINS, DEMO_POST_LOGINS } from '../../demo/server/demo-data.mjs';
import {
  ANNA, FRESH_SWISSID, NEW_SWISSID, NINA, PETER, SARA_POST, SARA_SWISSID, THOMAS, callApi, signIn, startTestBackend,
} from './support.mjs';

const SUB = {
  peter: 'b1b2c3d4-0001-4000-8000-000000000001',
  saraPost: 'b1b2c3d4-0003-4000-8000-000000000003',
  thomas: 'b1b2c3d4-0004-4000-8000-000000000004',
  saraSwissId: 'a1b2c3d4-0004-4000-8000-000000000004',
  newSwissId: 'a1b2c3d4-0005-4000-8000-000000000005',
};

const THOMAS_ACCOUNTS = [
  { id: 'c1b2c3d4-0004-4000-8000-000000000004', type: 'private', email: 'thomas.both@example.ch', company: null, role: 'customer' },
  { id: 'c1b2c3d4-0005-4000-8000-000000000005', type: 'business', email: 'thomas@both-treuhand.ch', company: 'Both Treuhand GmbH', role: 'superadmin' },
];

describe('older Post customer login and linking to SwissID', () => {
  let env;
  let backend;
  let client;
  let postClient;
  before(async () => {
    env = await startTestBackend();
    ({ backend, demoClient: client, postLoginClient: postClient } = env);
  });
  afterEach(() => {
    backend.tamper.clear();
    backend.postLoginTamper.clear();
  });
  after(() => env.close());

  const api = (path, options) => callApi(backend, path, options);
  const postLoginToken = async (account) => (await signIn(backend, postClient, account)).tokens.access_token;
  const swissIdTokens = async (account) => (await signIn(backend, client, account)).tokens;
  /** Everything the link may touch: the older logins and their accounts, every column. */
  const snapshot = () => ({
    logins: backend.db.prepare('SELECT * FROM post_logins ORDER BY id').all(),
    accounts: backend.db.prepare('SELECT * FROM post_accounts ORDER BY id').all(),
  });

  describe('link status and /me', () => {
    it('tells an invited, not linked login how things stand', async () => {
      const res = await api('/link-status', { token: await postLoginToken(PETER) });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await res.json(), {
        login: { sub: SUB.peter, email: PETER.email, name: 'Peter Brunner' },
        linked: false,
        linkedAt: null,
        invited: true,
        accounts: [{ id: 'c1b2c3d4-0001-4000-8000-000000000001', type: 'private', email: PETER.email, company: null, role: 'customer' }],
      });
    });

    it('knows a login that was not invited, one already linked, and one with two accounts', async () => {
      const nina = await (await api('/link-status', { token: await postLoginToken(NINA) })).json();
      assert.equal(nina.invited, false);
      assert.equal(nina.linked, false);

      const sara = await (await api('/link-status', { token: await postLoginToken(SARA_POST) })).json();
      assert.equal(sara.linked, true);
      assert.equal(sara.linkedAt, '2025-10-06T08:30:00.000Z');
      assert.equal(sara.login.email, SARA_POST.email);

      const thomas = await (await api('/link-status', { token: await postLoginToken(THOMAS) })).json();
      assert.equal(thomas.invited, true);
      assert.equal(thomas.linked, false);
      assert.deepEqual(thomas.accounts, THOMAS_ACCOUNTS);
    });

    it('answers /link-status only for an older-login access token', async () => {
      const swissid = await swissIdTokens(ANNA);
      for (const token of [undefined, swissid.access_token, swissid.id_token, 'a'.repeat(43)]) {
        const res = await api('/link-status', { token });
        assert.equal(res.status, 401);
        assert.equal(res.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
        assert.equal((await res.json()).error, 'invalid_token');
      }
      assert.equal((await api('/link-status', { method: 'POST', body: {} })).status, 405);
    });

    it('answers /me for an older login with login "post" and its accounts', async () => {
      const body = await (await api('/me', { token: await postLoginToken(THOMAS) })).json();
      assert.deepEqual(body, {
        sub: SUB.thomas,
        name: 'Thomas Both',
        email: 'thomas.both@example.ch',
        accountType: 'private',
        role: 'customer',
        company: null,
        login: 'post',
        accounts: THOMAS_ACCOUNTS,
      });
    });

    it('lists the linked login\'s accounts on /me after a SwissID sign-in', async () => {
      const { access_token: token } = await swissIdTokens(SARA_SWISSID);
      assert.deepEqual(await (await api('/me', { token })).json(), {
        sub: SUB.saraSwissId,
        name: 'Sara Meier',
        email: 'sara.post@example.ch',
        accountType: 'private',
        role: 'customer',
        company: null,
        login: 'swissid',
        accounts: [{ id: 'c1b2c3d4-0003-4000-8000-000000000003', type: 'private', email: 'sara.post@example.ch', company: null, role: 'customer' }],
      });
      // A SwissID with no Post account yet: its own e-mail, a new private customer, no accounts.
      const fresh = await (await api('/me', { token: (await swissIdTokens(FRESH_SWISSID)).access_token })).json();
      assert.equal(fresh.email, FRESH_SWISSID.email);
      assert.equal(fresh.name, 'Felix Frisch');
      assert.deepEqual(fresh.accounts, []);
    });
  });

  describe('POST /link', () => {
    it('links an older login to a SwissID proved by a fresh ID token, changing nothing else', async () => {
      const postToken = await postLoginToken(THOMAS);
      const swissid = await swissIdTokens(NEW_SWISSID);
      const before = snapshot();
      const started = Date.now();

      const res = await api('/link', { token: postToken, body: { idToken: swissid.id_token } });
      assert.equal(res.status, 200);
      const status = await res.json();
      assert.equal(status.linked, true);
      assert.equal(status.invited, true);
      assert.deepEqual(status.login, { sub: SUB.thomas, email: THOMAS.email, name: 'Thomas Both' });
      assert.deepEqual(status.accounts, THOMAS_ACCOUNTS);
      assert.ok(Date.parse(status.linkedAt) >= started - 1000 && Date.parse(status.linkedAt) <= Date.now());

      const afterLink = snapshot();
      const row = afterLink.logins.find((l) => l.id === SUB.thomas);
      assert.equal(row.swissid_sub, SUB.newSwissId);
      assert.equal(row.linked_at, status.linkedAt);
      // Every other column of the login, every other login and every account are unchanged.
      const without = ({ swissid_sub: _s, linked_at: _l, ...rest }) => rest;
      assert.deepEqual(without(row), without(before.logins.find((l) => l.id === SUB.thomas)));
      assert.deepEqual(afterLink.logins.filter((l) => l.id !== SUB.thomas), before.logins.filter((l) => l.id !== SUB.thomas));
      assert.deepEqual(afterLink.accounts, before.accounts);

      // The older login keeps working with its own password, and knows it is linked.
      const again = await (await api('/link-status', { token: await postLoginToken(THOMAS) })).json();
      assert.equal(again.linked, true);
    });

    it('then lists both of Thomas\'s accounts, each with its own e-mail, on /me after SwissID sign-in', async () => {
      const { access_token: token } = await swissIdTokens(NEW_SWISSID);
      const body = await (await api('/me', { token })).json();
      assert.equal(body.sub, SUB.newSwissId);
      assert.equal(body.name, 'Nora Neuhaus');
      assert.equal(body.login, 'swissid');
      assert.equal(body.email, 'thomas.both@example.ch');
      assert.equal(body.accountType, 'private');
      assert.deepEqual(body.accounts, THOMAS_ACCOUNTS);
    });

    it('answers the same link sent again with the link status as it is, changing nothing', async () => {
      // Thomas was linked to Nora's SwissID by the first test of this block.
      const { id_token: idToken } = await swissIdTokens(NEW_SWISSID);
      const before = snapshot();
      const res = await api('/link', { token: await postLoginToken(THOMAS), body: { idToken } });
      assert.equal(res.status, 200);
      const status = await res.json();
      assert.equal(status.linked, true);
      assert.equal(status.linkedAt, before.logins.find((l) => l.id === SUB.thomas).linked_at);
      assert.deepEqual(status.accounts, THOMAS_ACCOUNTS);
      assert.deepEqual(snapshot(), before);
    });

    it('refuses a SwissID already linked to another login (409 swissid_in_use) and changes nothing', async () => {
      const postToken = await postLoginToken(PETER);
      for (const account of [NEW_SWISSID, SARA_SWISSID]) {
        const { id_token: idToken } = await swissIdTokens(account);
        const before = snapshot();
        const res = await api('/link', { token: postToken, body: { idToken } });
        assert.equal(res.status, 409, account.email);
        assert.equal((await res.json()).error, 'swissid_in_use');
        assert.deepEqual(snapshot(), before);
      }
    });

    it('refuses to link an already linked login again (409 already_linked)', async () => {
      const { id_token: idToken } = await swissIdTokens(FRESH_SWISSID);
      for (const account of [THOMAS, SARA_POST]) {
        const before = snapshot();
        const res = await api('/link', { token: await postLoginToken(account), body: { idToken } });
        assert.equal(res.status, 409, account.email);
        assert.equal((await res.json()).error, 'already_linked');
        assert.deepEqual(snapshot(), before);
      }
    });

    it('refuses ID tokens that are not fresh, not SwissID\'s or not for a trusted client (400 invalid_id_token)', async () => {
      const postToken = await postLoginToken(NINA);
      const now = Math.floor(Date.now() / 1000);
      const tampered = async (idToken) => {
        backend.tamper.set({ idToken });
        try {
          return (await swissIdTokens(FRESH_SWISSID)).id_token;
        } finally {
          backend.tamper.clear();
        }
      };
      const cases = {
        'foreign client': await tampered({ claims: { aud: 'foreign-client' } }),
        'foreign client among trusted ones': await tampered({ claims: { aud: [client.clientId, 'foreign-client'], azp: client.clientId } }),
        'several audiences without azp': await tampered({ claims: { aud: [client.clientId, 'partner-demo'] } }),
        'foreign azp': await tampered({ claims: { azp: 'foreign-client' } }),
        'expired': await tampered({ claims: { exp: now - 60, iat: now - 700 } }),
        'issued more than 5 minutes ago': await tampered({ claims: { iat: now - 6 * 60, exp: now + 600 } }),
        'issued in the future': await tampered({ claims: { iat: now + 600, exp: now + 1200 } }),
        'other issuer': await tampered({ claims: { iss: backend.urls.postLogin } }),
        'no sub': await tampered({ claims: { sub: undefined } }),
        'signed by another key under the real kid': await tampered({ signature: 'foreign-key' }),
        'corrupt signature': await tampered({ signature: 'corrupt' }),
        'the older login\'s own ID token': (await signIn(backend, postClient, NINA)).tokens.id_token,
        'an access token': (await swissIdTokens(FRESH_SWISSID)).access_token,
        'not a JWT': 'not-a-jwt',
      };
      assert.equal(decodeJwt(cases['foreign client']).sub, 'a1b2c3d4-0006-4000-8000-000000000006');
      assert.equal(decodeProtectedHeader(cases['signed by another key under the real kid']).kid, decodeProtectedHeader(cases.expired).kid);

      const before = snapshot();
      for (const [what, idToken] of Object.entries(cases)) {
        const res = await api('/link', { token: postToken, body: { idToken } });
        assert.equal(res.status, 400, what);
        assert.equal((await res.json()).error, 'invalid_id_token', what);
      }
      assert.deepEqual(snapshot(), before);

      // The same SwissID with an untouched token links: only the token was wrong.
      const good = await api('/link', { token: postToken, body: { idToken: (await swissIdTokens(FRESH_SWISSID)).id_token } });
      assert.equal(good.status, 200);
    });

    it('needs both proofs: an older-login access token and a JSON body with the ID token', async () => {
      const { id_token: idToken, access_token: swissidAccess } = await swissIdTokens(ANNA);
      const before = snapshot();
      for (const token of [undefined, swissidAccess, 'a'.repeat(43)]) {
        const res = await api('/link', { token, body: { idToken } });
        assert.equal(res.status, 401);
        assert.equal((await res.json()).error, 'invalid_token');
      }
      const postToken = await postLoginToken(PETER);
      for (const body of ['{', '[]', {}, { idToken: 42 }, { idToken: '' }]) {
        const res = await api('/link', { token: postToken, body });
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal((await res.json()).error, 'invalid_request');
      }
      const get = await api('/link', { token: postToken });
      assert.equal(get.status, 405);
      assert.equal(get.headers.get('allow'), 'POST, OPTIONS');
      assert.deepEqual(snapshot(), before);
    });

    it('answers CORS for the new endpoints for client origins only', async () => {
      for (const path of ['/link', '/link-status']) {
        const allowed = await fetch(`${backend.urls.api}${path}`, {
          method: 'OPTIONS',
          headers: { origin: backend.urls.demo, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
        });
        assert.equal(allowed.status, 204);
        assert.equal(allowed.headers.get('access-control-allow-origin'), backend.urls.demo);
        assert.match(allowed.headers.get('access-control-allow-methods'), /POST/);
        assert.match(allowed.headers.get('access-control-allow-headers'), /Content-Type/);
        const refused = await fetch(`${backend.urls.api}${path}`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
        assert.equal(refused.headers.get('access-control-allow-origin'), null);
      }
      const status = await api('/link-status', { token: await postLoginToken(NINA), headers: { origin: backend.urls.partner } });
      assert.equal(status.headers.get('access-control-allow-origin'), backend.urls.partner);
      assert.match(status.headers.get('vary'), /Origin/);
      const conflict = await api('/link', { token: await postLoginToken(SARA_POST), body: { idToken: 'x' }, headers: { origin: backend.urls.demo } });
      assert.equal(conflict.headers.get('access-control-allow-origin'), backend.urls.demo);
      const evil = await api('/link', { token: await postLoginToken(SARA_POST), body: { idToken: 'x' }, headers: { origin: 'http://evil.example' } });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
    });
  });

  it('exports every demo login for the CLI', () => {
    assert.deepEqual(DEMO_LOGINS.filter((l) => l.provider === 'post').map((l) => l.email), DEMO_POST_LOGINS.map((l) => l.email));
    for (const login of DEMO_LOGINS) {
      assert.match(login.password, /^\w+-Demo-2026$/);
      assert.ok(login.description);
    }
  });
});
