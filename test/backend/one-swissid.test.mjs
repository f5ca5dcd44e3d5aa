// One SwissID, all accounts: a customer with a private and a business older Post login links both to one SwissID
// (the real proof flow: challenge, fresh SwissID sign-in, POST /link), and that SwissID then acts for every account,
// each with its own e-mail, its own addresses and its own limits.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CLAUDIA, CLAUDIA_SWISSID, FRESH_SWISSID, WEBER, callApi, linkLogin, signIn, startTestBackend } from './support.mjs';

const SUB = {
  claudiaLogin: 'b1b2c3d4-0005-4000-8000-000000000005',
  weberLogin: 'b1b2c3d4-0006-4000-8000-000000000006',
  claudiaSwissId: 'a1b2c3d4-0007-4000-8000-000000000007',
};
const PRIVATE = {
  id: 'c1b2c3d4-0006-4000-8000-000000000006', type: 'private', company: null, role: 'customer',
  email: 'claudia.weber@example.ch', loginId: SUB.claudiaLogin, loginEmail: CLAUDIA.email,
};
const BUSINESS = {
  id: 'c1b2c3d4-0007-4000-8000-000000000007', type: 'business', company: 'Weber Design GmbH', role: 'superadmin',
  email: 'c.weber@weber-design.ch', loginId: SUB.weberLogin, loginEmail: WEBER.email,
};
const ADDRESS = Object.freeze({ name: 'Claudia Weber', street: 'Marktgasse', houseNumber: '3', postcode: '3000', locality: 'Bern', services: ['forwarding'] });

describe('one SwissID, all accounts', () => {
  let env;
  let backend;
  /** Access tokens of Claudia's two older logins. */
  let privateLogin;
  let businessLogin;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
    privateLogin = (await signIn(backend, env.postLoginClient, CLAUDIA)).tokens.access_token;
    businessLogin = (await signIn(backend, env.postLoginClient, WEBER)).tokens.access_token;
  });
  after(() => env.close());

  const api = (path, options) => callApi(backend, path, options);
  const json = async (path, options) => (await api(path, options)).json();
  const swissIdToken = async () => (await signIn(backend, env.demoClient, CLAUDIA_SWISSID)).tokens.access_token;
  const snapshot = () => Object.fromEntries(['post_logins', 'post_accounts', 'link_audit', 'outbox']
    .map((table) => [table, backend.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]));

  it('starts with two older logins, each alone with its own account and e-mail, not linked', async () => {
    const me = await json('/me', { token: businessLogin });
    assert.deepEqual(me, {
      sub: SUB.weberLogin, login: 'post', name: 'Claudia Weber', email: WEBER.email, linked: false, accounts: [BUSINESS],
      accountType: 'business', role: 'superadmin', company: 'Weber Design GmbH',
    });
    const status = await json('/link-status', { token: privateLogin });
    assert.equal(status.linked, false);
    assert.equal(status.invited, true);
    assert.deepEqual(status.accounts, [PRIVATE]);
    assert.deepEqual(status.swissidAccounts, []);
    // Her SwissID has no Post account of its own yet.
    assert.deepEqual((await json('/me', { token: await swissIdToken() })).accounts, []);
  });

  it('links the private login, then the business login, to the same SwissID', async () => {
    const first = await linkLogin(backend, env.demoClient, privateLogin, CLAUDIA_SWISSID);
    assert.equal(first.res.status, 200);
    const afterFirst = await first.res.json();
    assert.equal(afterFirst.linked, true);
    assert.deepEqual(afterFirst.accounts, [PRIVATE]);
    assert.deepEqual(afterFirst.swissidAccounts, [PRIVATE]);

    const second = await linkLogin(backend, env.demoClient, businessLogin, CLAUDIA_SWISSID);
    assert.equal(second.res.status, 200, 'no swissid_in_use: a SwissID holds several older logins');
    const afterSecond = await second.res.json();
    assert.deepEqual(afterSecond.login, { sub: SUB.weberLogin, email: WEBER.email, name: 'Claudia Weber' });
    assert.deepEqual(afterSecond.accounts, [BUSINESS]);
    assert.deepEqual(afterSecond.swissidAccounts, [PRIVATE, BUSINESS], 'every account now under the SwissID');
    // The private login's status shows the business account under the SwissID too.
    assert.deepEqual((await json('/link-status', { token: privateLogin })).swissidAccounts, [PRIVATE, BUSINESS]);

    const rows = backend.db.prepare('SELECT id, email, swissid_sub FROM post_logins WHERE id IN (?, ?) ORDER BY email').all(SUB.weberLogin, SUB.claudiaLogin);
    assert.deepEqual(rows.map((row) => row.swissid_sub), [SUB.claudiaSwissId, SUB.claudiaSwissId]);
    // Each link recorded, each older login's e-mail told.
    assert.equal(backend.db.prepare('SELECT count(*) FROM link_audit WHERE swissid_sub = ?').pluck().get(SUB.claudiaSwissId), 2);
    assert.deepEqual(backend.db.prepare("SELECT recipient FROM outbox WHERE kind = 'link-notification' ORDER BY created_at").pluck().all(),
      [CLAUDIA.email, WEBER.email]);

    // The same link sent again (its answer lost): 200, nothing new.
    const before = snapshot();
    const again = await api('/link', { token: businessLogin, body: { idToken: second.idToken } });
    assert.equal(again.status, 200);
    assert.deepEqual((await again.json()).swissidAccounts, [PRIVATE, BUSINESS]);
    assert.deepEqual(snapshot(), before);
  });

  it("then answers /me of the SwissID with the SwissID's own name and e-mail and both accounts, each with its e-mail and login", async () => {
    assert.deepEqual(await json('/me', { token: await swissIdToken() }), {
      sub: SUB.claudiaSwissId,
      login: 'swissid',
      name: 'Claudia Weber',
      email: CLAUDIA_SWISSID.email,
      linked: true,
      accounts: [PRIVATE, BUSINESS],
      accountType: 'private',
      role: 'customer',
      company: null,
    });
    // Each older login still answers for itself alone, now linked.
    const business = await json('/me', { token: businessLogin });
    assert.equal(business.email, WEBER.email);
    assert.equal(business.linked, true);
    assert.deepEqual(business.accounts, [BUSINESS]);
  });

  it('gives each account its own addresses and limits; the business one names its administrator', async () => {
    const token = await swissIdToken();
    const personal = await json(`/accounts/${PRIVATE.id}/addresses`, { token });
    const company = await json(`/accounts/${BUSINESS.id}/addresses`, { token });
    assert.equal(personal.accountId, PRIVATE.id);
    assert.equal(company.accountId, BUSINESS.id);
    assert.deepEqual([personal.billing.name, personal.billing.locality], ['Claudia Weber', 'Bern']);
    assert.deepEqual([company.billing.company, company.billing.locality], ['Weber Design GmbH', 'Zürich']);
    assert.deepEqual(personal.limits, { maxOnline: 1, canEdit: true, canAdd: true, managedBy: 'self', writable: true });
    assert.deepEqual(company.limits, { maxOnline: 3, canEdit: true, canAdd: true, managedBy: 'administrator', writable: true });
    assert.equal(personal.administrator, null);
    assert.deepEqual(company.administrator, { name: 'Claudia Weber' });

    // A save for the private account lands there only.
    const created = await api(`/accounts/${PRIVATE.id}/addresses`, { token, body: ADDRESS, headers: { 'idempotency-key': randomUUID() } });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('location'), `/accounts/${PRIVATE.id}/addresses/${(await created.json()).id}`);
    assert.equal((await json(`/accounts/${PRIVATE.id}/addresses`, { token })).online.length, 1);
    assert.deepEqual((await json(`/accounts/${BUSINESS.id}/addresses`, { token })).online, []);
    // The older private login sees it on its own account, and cannot act for the business account.
    assert.equal((await json(`/accounts/${PRIVATE.id}/addresses`, { token: privateLogin })).online.length, 1);
    const other = await api(`/accounts/${BUSINESS.id}/addresses`, { token: privateLogin });
    assert.equal(other.status, 404);
    assert.deepEqual(await other.json(), { error: 'not_found', message: 'No such account.' });
  });

  it('still refuses an older login linked to another SwissID (409 already_linked), changing nothing', async () => {
    const before = snapshot();
    const { res } = await linkLogin(backend, env.demoClient, businessLogin, FRESH_SWISSID);
    assert.equal(res.status, 409);
    assert.equal((await res.json()).error, 'already_linked');
    assert.deepEqual(snapshot(), before);
    assert.deepEqual((await json('/me', { token: await swissIdToken() })).accounts, [PRIVATE, BUSINESS]);
    assert.deepEqual((await json('/me', { token: (await signIn(backend, env.demoClient, FRESH_SWISSID)).tokens.access_token })).accounts, []);
  });
});
