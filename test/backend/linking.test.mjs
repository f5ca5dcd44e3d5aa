import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { DEMO_LOGINS, DEMO_POST_LOGINS } from '../../demo/server/demo-data.mjs';
import {
  ANNA, CHALLENGE, FRESH_SWISSID, NEW_SWISSID, NINA, PETER, SARA_POST, SARA_SWISSID, THOMAS, callApi, linkChallenge, proofSignIn, signIn, startTestBackend,
} from './support.mjs';

const SUB = {
  peter: 'b1b2c3d4-0001-4000-8000-000000000001',
  saraPost: 'b1b2c3d4-0003-4000-8000-000000000003',
  thomas: 'b1b2c3d4-0004-4000-8000-000000000004',
  saraSwissId: 'a1b2c3d4-0004-4000-8000-000000000004',
  newSwissId: 'a1b2c3d4-0005-4000-8000-000000000005',
};

/** An account of an older login, as /me, /link-status and /link list it. */
const account = (id, type, email, company, role, login) => ({ id, type, company, role, email, loginId: login.sub, loginEmail: login.email });
const THOMAS_ACCOUNTS = [
  account('c1b2c3d4-0004-4000-8000-000000000004', 'private', 'thomas.both@example.ch', null, 'customer', { sub: SUB.thomas, email: THOMAS.email }),
  account('c1b2c3d4-0005-4000-8000-000000000005', 'business', 'thomas@both-treuhand.ch', 'Both Treuhand GmbH', 'superadmin', { sub: SUB.thomas, email: THOMAS.email }),
];
const PETER_ACCOUNT = account('c1b2c3d4-0001-4000-8000-000000000001', 'private', PETER.email, null, 'customer', { sub: SUB.peter, email: PETER.email });
const SARA_ACCOUNT = account('c1b2c3d4-0003-4000-8000-000000000003', 'private', SARA_POST.email, null, 'customer', { sub: SUB.saraPost, email: SARA_POST.email });

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
  /** A SwissID proof for a new challenge of the older login of `postToken`: the ID token and the challenge's nonce. */
  const proofFor = async (postToken, account) => {
    const { nonce } = await linkChallenge(backend, postToken);
    return { nonce, idToken: (await proofSignIn(backend, client, account, nonce)).tokens.id_token };
  };
  const challengeRow = (nonce) => backend.db.prepare('SELECT * FROM link_challenges WHERE nonce = ?').get(nonce);
  /** Everything the link may touch: the older logins and their accounts, every column, the audit and the outbox. */
  const snapshot = () => ({
    logins: backend.db.prepare('SELECT * FROM post_logins ORDER BY id').all(),
    accounts: backend.db.prepare('SELECT * FROM post_accounts ORDER BY id').all(),
    audit: backend.db.prepare('SELECT * FROM link_audit ORDER BY id').all(),
    outbox: backend.db.prepare('SELECT * FROM outbox ORDER BY id').all(),
  });
  /** The ID token of Thomas's link (first test of POST /link), sent again later. */
  let thomasProof;

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
        accounts: [PETER_ACCOUNT],
        swissidAccounts: [],
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
      assert.deepEqual(sara.accounts, [SARA_ACCOUNT]);
      assert.deepEqual(sara.swissidAccounts, [SARA_ACCOUNT], 'every account under her SwissID: this login\'s');

      const thomas = await (await api('/link-status', { token: await postLoginToken(THOMAS) })).json();
      assert.equal(thomas.invited, true);
      assert.equal(thomas.linked, false);
      assert.deepEqual(thomas.accounts, THOMAS_ACCOUNTS);
      assert.deepEqual(thomas.swissidAccounts, []);
    });

    it('answers /link-status only for an older-login access token', async () => {
      const swissid = await swissIdTokens(ANNA);
      for (const token of [undefined, swissid.access_token, swissid.id_token, 'a'.repeat(43)]) {
        const res = await api('/link-status', { token });
        assert.equal(res.status, 401);
        assert.equal(res.headers.get('www-authenticate'), token ? CHALLENGE.invalidToken : CHALLENGE.none);
        assert.equal((await res.json()).error, 'invalid_token');
      }
      assert.equal((await api('/link-status', { method: 'POST', body: {} })).status, 405);
    });

    it('answers /me for an older login with login "post", its own name and e-mail, and its accounts', async () => {
      const body = await (await api('/me', { token: await postLoginToken(THOMAS) })).json();
      assert.deepEqual(body, {
        sub: SUB.thomas,
        login: 'post',
        name: 'Thomas Both',
        email: 'thomas.both@example.ch',
        linked: false,
        accounts: THOMAS_ACCOUNTS,
        accountType: 'private',
        role: 'customer',
        company: null,
      });
      const sara = await (await api('/me', { token: await postLoginToken(SARA_POST) })).json();
      assert.equal(sara.linked, true);
      assert.equal(sara.email, SARA_POST.email);
      assert.deepEqual(sara.accounts, [SARA_ACCOUNT]);
    });

    it('lists the linked login\'s accounts on /me after a SwissID sign-in, under the SwissID\'s own name and e-mail', async () => {
      const { access_token: token } = await swissIdTokens(SARA_SWISSID);
      assert.deepEqual(await (await api('/me', { token })).json(), {
        sub: SUB.saraSwissId,
        login: 'swissid',
        name: 'Sara Meier',
        email: SARA_SWISSID.email,
        linked: true,
        accounts: [SARA_ACCOUNT],
        accountType: 'private',
        role: 'customer',
        company: null,
      });
      // A SwissID with no Post account yet: its own e-mail, a new private customer, no accounts.
      const fresh = await (await api('/me', { token: (await swissIdTokens(FRESH_SWISSID)).access_token })).json();
      assert.equal(fresh.email, FRESH_SWISSID.email);
      assert.equal(fresh.name, 'Felix Frisch');
      assert.equal(fresh.linked, true);
      assert.deepEqual(fresh.accounts, []);
      assert.deepEqual([fresh.accountType, fresh.role, fresh.company], ['private', 'customer', null]);
    });
  });

  describe('POST /link', () => {
    it('links an older login to a SwissID proved by a fresh ID token for a challenge, changing nothing else', async () => {
      const postToken = await postLoginToken(THOMAS);
      const started = Date.now();
      const { nonce, idToken } = await proofFor(postToken, NEW_SWISSID);
      thomasProof = idToken;
      const before = snapshot();

      const res = await api('/link', { token: postToken, body: { idToken } });
      assert.equal(res.status, 200);
      const status = await res.json();
      assert.equal(status.linked, true);
      assert.equal(status.invited, true);
      assert.deepEqual(status.login, { sub: SUB.thomas, email: THOMAS.email, name: 'Thomas Both' });
      assert.deepEqual(status.accounts, THOMAS_ACCOUNTS);
      assert.deepEqual(status.swissidAccounts, THOMAS_ACCOUNTS, 'now under the SwissID: his accounts');
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

      // The challenge is used up; the link is recorded, and the customer hears of it at the older login's e-mail.
      assert.equal(challengeRow(nonce).used_at, status.linkedAt);
      assert.equal(afterLink.audit.length, before.audit.length + 1);
      const audit = afterLink.audit.find((row) => row.post_login_id === SUB.thomas);
      assert.deepEqual({ ...audit, id: undefined, auth_time: undefined }, {
        id: undefined, post_login_id: SUB.thomas, swissid_sub: SUB.newSwissId, client_id: postClient.clientId, proof_client_id: client.clientId,
        auth_time: undefined, linked_at: status.linkedAt,
      });
      assert.ok(Date.parse(audit.auth_time) >= Math.floor(started / 1000) * 1000 && Date.parse(audit.auth_time) <= Date.now());
      const [mail] = afterLink.outbox.filter((row) => row.recipient === THOMAS.email);
      assert.equal(mail.kind, 'link-notification');
      assert.equal(mail.sent_at, null);
      assert.equal(mail.created_at, status.linkedAt);
      assert.deepEqual(JSON.parse(mail.payload), {
        login: { id: SUB.thomas, email: THOMAS.email, name: 'Thomas Both' }, swissid: { email: NEW_SWISSID.email }, linkedAt: status.linkedAt,
      });
      for (const row of [audit, mail]) assert.doesNotMatch(JSON.stringify(row), /eyJ|\.[\w-]{20,}\./, 'no token kept');

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
      assert.equal(body.email, NEW_SWISSID.email, "the SwissID's own e-mail, never the older login's");
      assert.equal(body.accountType, 'private');
      assert.deepEqual(body.accounts, THOMAS_ACCOUNTS);
    });

    it('answers the same link sent again (its answer lost) with the link status as it is, changing nothing', async () => {
      // Thomas was linked to Nora's SwissID by the first test of this block, with this ID token and its challenge.
      const postToken = await postLoginToken(THOMAS);
      const before = snapshot();
      const res = await api('/link', { token: postToken, body: { idToken: thomasProof } });
      assert.equal(res.status, 200);
      const status = await res.json();
      assert.equal(status.linked, true);
      assert.equal(status.linkedAt, before.logins.find((l) => l.id === SUB.thomas).linked_at);
      assert.deepEqual(status.accounts, THOMAS_ACCOUNTS);
      assert.deepEqual(snapshot(), before);

      // A new proof of the same SwissID is no new link: no second record, no second e-mail.
      const again = await proofFor(postToken, NEW_SWISSID);
      assert.equal((await api('/link', { token: postToken, body: { idToken: again.idToken } })).status, 200);
      assert.deepEqual(snapshot(), before);
      assert.notEqual(challengeRow(again.nonce).used_at, null);
    });

    it('links a second older login to a SwissID that holds one already', async () => {
      // Nora's SwissID holds Thomas's login (first test of this block); Peter's joins it.
      const postToken = await postLoginToken(PETER);
      const { idToken } = await proofFor(postToken, NEW_SWISSID);
      const before = snapshot();
      const res = await api('/link', { token: postToken, body: { idToken } });
      assert.equal(res.status, 200);
      const status = await res.json();
      assert.equal(status.linked, true);
      assert.deepEqual(status.accounts, [PETER_ACCOUNT]);
      assert.deepEqual(status.swissidAccounts, [...THOMAS_ACCOUNTS, PETER_ACCOUNT], 'login by login, in the order they were linked');
      const afterLink = snapshot();
      assert.equal(afterLink.logins.find((l) => l.id === SUB.peter).swissid_sub, SUB.newSwissId);
      assert.equal(afterLink.logins.find((l) => l.id === SUB.thomas).swissid_sub, SUB.newSwissId, "Thomas's link stays");
      assert.equal(afterLink.audit.length, before.audit.length + 1);
      assert.equal(afterLink.outbox.length, before.outbox.length + 1);

      const me = await (await api('/me', { token: (await swissIdTokens(NEW_SWISSID)).access_token })).json();
      assert.deepEqual(me.accounts, [...THOMAS_ACCOUNTS, PETER_ACCOUNT]);
      assert.equal(me.email, NEW_SWISSID.email);
    });

    it('refuses to link a login linked to another SwissID (409 already_linked), changing nothing, using up the challenge', async () => {
      for (const [login, other] of [[THOMAS, FRESH_SWISSID], [SARA_POST, FRESH_SWISSID], [PETER, SARA_SWISSID]]) {
        const postToken = await postLoginToken(login);
        const { nonce, idToken } = await proofFor(postToken, other);
        const before = snapshot();
        const res = await api('/link', { token: postToken, body: { idToken } });
        assert.equal(res.status, 409, login.email);
        assert.deepEqual(await res.json(), { error: 'already_linked', message: 'This Post customer login is already linked to another SwissID.' });
        assert.deepEqual(snapshot(), before);
        assert.notEqual(challengeRow(nonce).used_at, null, 'each challenge is accepted once');
        // The same proof again: its challenge is used now.
        const twice = await api('/link', { token: postToken, body: { idToken } });
        assert.equal(twice.status, 400);
        assert.equal((await twice.json()).error, 'invalid_id_token');
        assert.deepEqual(snapshot(), before);
      }
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

    it('answers CORS for the linking endpoints for client origins only', async () => {
      for (const path of ['/link', '/link/challenge', '/link-status']) {
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
