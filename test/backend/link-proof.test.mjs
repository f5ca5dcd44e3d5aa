import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  ANNA, CHALLENGE, FRESH_SWISSID, FULL_SCOPE, NEW_SWISSID, NINA, PETER, callApi, linkChallenge, proofSignIn, refresh, signIn, startTestBackend,
} from './support.mjs';

const SUB = { nina: 'b1b2c3d4-0002-4000-8000-000000000002', peter: 'b1b2c3d4-0001-4000-8000-000000000001' };

describe('linking: a proof bound to a challenge, fresh, for a Post site', () => {
  let env;
  let backend;
  let client;
  let postClient;
  /** Access tokens of the older logins of Nina and Peter (the demo site). */
  let nina;
  let peter;
  before(async () => {
    env = await startTestBackend();
    ({ backend, demoClient: client, postLoginClient: postClient } = env);
    nina = (await signIn(backend, postClient, NINA)).tokens.access_token;
    peter = (await signIn(backend, postClient, PETER)).tokens.access_token;
  });
  afterEach(() => backend.tamper.clear());
  after(() => env.close());

  const api = (path, options) => callApi(backend, path, options);
  const link = (token, idToken) => api('/link', { token, body: { idToken } });
  /** Everything a refused proof must leave as it was: logins, challenges, audit, outbox. */
  const snapshot = () => Object.fromEntries(['post_logins', 'post_accounts', 'link_challenges', 'link_audit', 'outbox']
    .map((table) => [table, backend.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]));
  /** The ID token of a proof sign-in whose claims the test-only tamper layer rewrites (signed by SwissID's key). */
  const tamperedProof = async (nonce, claims, account = FRESH_SWISSID) => {
    backend.tamper.set({ idToken: { claims } });
    try {
      return (await proofSignIn(backend, client, account, nonce)).tokens.id_token;
    } finally {
      backend.tamper.clear();
    }
  };
  /** Each case is an ID token sent by Nina, or [the older login's token, the ID token]. */
  const assertRefused = async (cases) => {
    const before = snapshot();
    for (const [what, value] of Object.entries(cases)) {
      const [token, idToken] = Array.isArray(value) ? value : [nina, value];
      const res = await link(token, idToken);
      assert.equal(res.status, 400, what);
      assert.deepEqual(await res.json(), { error: 'invalid_id_token', message: 'The SwissID ID token is not valid, not fresh or not for this service.' }, what);
    }
    assert.deepEqual(snapshot(), before, 'a refused proof changes nothing');
  };
  const now = () => Math.floor(Date.now() / 1000);

  describe('POST /link/challenge', () => {
    it('gives the older login a one-time nonce, valid 5 minutes, and keeps it; several may be outstanding', async () => {
      const started = Date.now();
      const res = await api('/link/challenge', { token: nina, method: 'POST', headers: { origin: backend.urls.demo } });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('access-control-allow-origin'), backend.urls.demo);
      const body = await res.json();
      assert.deepEqual(Object.keys(body).sort(), ['expiresAt', 'nonce']);
      assert.match(body.nonce, /^[\w-]{43}$/, '32 random bytes, base64url');
      const expires = Date.parse(body.expiresAt);
      assert.ok(expires >= started + 5 * 60_000 - 1000 && expires <= Date.now() + 5 * 60_000, body.expiresAt);

      const second = await linkChallenge(backend, nina);
      assert.notEqual(second.nonce, body.nonce);
      const rows = backend.db.prepare('SELECT * FROM link_challenges WHERE post_login_id = ? ORDER BY created_at').all(SUB.nina);
      assert.ok(rows.length >= 2);
      const row = rows.find((r) => r.nonce === body.nonce);
      assert.deepEqual({ ...row, created_at: undefined }, {
        nonce: body.nonce, post_login_id: SUB.nina, client_id: postClient.clientId, created_at: undefined, expires_at: body.expiresAt, used_at: null,
      });
    });

    it('needs an older-login token of a Post site with account.link', async () => {
      const swissid = (await signIn(backend, client, ANNA)).tokens.access_token;
      for (const token of [undefined, swissid, 'a'.repeat(43)]) {
        const res = await api('/link/challenge', { token, method: 'POST' });
        assert.equal(res.status, 401);
        assert.equal(res.headers.get('www-authenticate'), token ? CHALLENGE.invalidToken : CHALLENGE.none);
      }
      const readOnly = (await signIn(backend, postClient, PETER, { scope: 'openid account.read' })).tokens.access_token;
      const res = await api('/link/challenge', { token: readOnly, method: 'POST' });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('www-authenticate'), CHALLENGE.insufficientScope('account.link'));
      assert.deepEqual({ ...(await res.json()), message: undefined }, { error: 'insufficient_scope', message: undefined, scope: 'account.link' });
      assert.equal((await api('/link/challenge', { token: nina })).status, 405);
    });
  });

  describe('the proof sign-in', () => {
    it('gets no refresh token and an access token without any API scope', async () => {
      const { nonce } = await linkChallenge(backend, nina);
      const { tokens } = await proofSignIn(backend, client, FRESH_SWISSID, nonce);
      assert.equal(tokens.refresh_token, undefined);
      const claims = decodeJwt(tokens.id_token);
      assert.equal(claims.nonce, nonce);
      assert.equal(typeof claims.auth_time, 'number');
      const me = await api('/me', { token: tokens.access_token });
      assert.equal(me.status, 403);
      assert.equal((await me.json()).scope, 'account.read');
      // A normal sign-in of the same site gets one, and renews with it.
      const normal = await signIn(backend, client, FRESH_SWISSID);
      assert.ok(normal.tokens.refresh_token);
      assert.equal((await refresh(backend, { clientId: client.clientId, refreshToken: normal.tokens.refresh_token })).res.status, 200);
    });
  });

  describe('POST /link refuses, changing nothing,', () => {
    it('an ID token without a challenge: from a normal sign-in, its refresh, or without nonce or auth_time', async () => {
      const normal = await signIn(backend, client, FRESH_SWISSID, { scope: FULL_SCOPE, prompt: 'login', maxAge: 0 });
      const renewed = await refresh(backend, { clientId: client.clientId, refreshToken: normal.tokens.refresh_token, resource: backend.apiResource });
      assert.ok(decodeJwt(renewed.body.id_token).auth_time, 'a fresh sign-in, renewed');
      const { nonce } = await linkChallenge(backend, nina);
      await assertRefused({
        'normal sign-in': normal.tokens.id_token,
        'refresh of a normal sign-in': renewed.body.id_token,
        'no nonce': await tamperedProof(nonce, { nonce: undefined }),
        // Neither prompt=login nor max_age: SwissID adds no auth_time.
        'no auth_time': (await signIn(backend, client, FRESH_SWISSID, { scope: 'openid profile email', nonce })).tokens.id_token,
      });
    });

    it('an ID token for a partner site, or for no registered client', async () => {
      const { nonce } = await linkChallenge(backend, nina);
      const partner = await proofSignIn(backend, env.partnerClient, FRESH_SWISSID, nonce, { consent: 'allow' });
      assert.equal(decodeJwt(partner.tokens.id_token).aud, 'partner-demo');
      await assertRefused({
        'partner site': partner.tokens.id_token,
        'foreign client': await tamperedProof(nonce, { aud: 'foreign-client' }),
        'foreign client among Post sites': await tamperedProof(nonce, { aud: [client.clientId, 'foreign-client'], azp: client.clientId }),
        'partner among Post sites': await tamperedProof(nonce, { aud: [client.clientId, 'partner-demo'], azp: client.clientId }),
        'several audiences without azp': await tamperedProof(nonce, { aud: [client.clientId, client.clientId] }),
        'partner as azp': await tamperedProof(nonce, { azp: 'partner-demo' }),
      });
    });

    it('a nonce that is not a challenge of this login, or one used or expired', async () => {
      // A challenge used up by a link: Peter links Nora's SwissID with it; a proof of another SwissID for it is refused.
      const used = await linkChallenge(backend, peter);
      const peterProof = (await proofSignIn(backend, client, NEW_SWISSID, used.nonce)).tokens.id_token;
      assert.equal((await link(peter, peterProof)).status, 200);
      // A challenge used up by a refused link (409 already_linked: Peter is linked to Nora's SwissID now).
      const refused = await linkChallenge(backend, peter);
      const freshForPeter = (await proofSignIn(backend, client, FRESH_SWISSID, refused.nonce)).tokens.id_token;
      assert.equal((await link(peter, freshForPeter)).status, 409, 'already_linked uses the challenge up');
      const expired = await linkChallenge(backend, nina);
      // As if made 6 minutes ago.
      backend.db.prepare('UPDATE link_challenges SET created_at = ?, expires_at = ? WHERE nonce = ?')
        .run(new Date(Date.now() - 6 * 60_000).toISOString(), new Date(Date.now() - 60_000).toISOString(), expired.nonce);
      const otherPeter = await linkChallenge(backend, peter);

      await assertRefused({
        "Peter's challenge": (await proofSignIn(backend, client, FRESH_SWISSID, otherPeter.nonce)).tokens.id_token,
        'a challenge used by a link': [peter, (await proofSignIn(backend, client, FRESH_SWISSID, used.nonce)).tokens.id_token],
        'a challenge used by a refused link': [peter, freshForPeter],
        'an expired challenge': (await proofSignIn(backend, client, FRESH_SWISSID, expired.nonce)).tokens.id_token,
        'a nonce never issued': (await proofSignIn(backend, client, FRESH_SWISSID, 'x'.repeat(43))).tokens.id_token,
      });
    });

    it('a sign-in older than 5 minutes, or made before the challenge', async () => {
      const { nonce } = await linkChallenge(backend, nina);
      // Made long ago (so that an auth_time of 6 minutes ago comes after it), still valid.
      const old = await linkChallenge(backend, nina);
      backend.db.prepare('UPDATE link_challenges SET created_at = ? WHERE nonce = ?').run(new Date(Date.now() - 10 * 60_000).toISOString(), old.nonce);
      await assertRefused({
        'auth_time 6 minutes ago': await tamperedProof(old.nonce, { auth_time: now() - 6 * 60 }),
        'auth_time a minute before the challenge': await tamperedProof(nonce, { auth_time: now() - 60 }),
        'auth_time in the future': await tamperedProof(nonce, { auth_time: now() + 60 }),
        'auth_time not a number': await tamperedProof(nonce, { auth_time: String(now()) }),
      });
      // Within the allowed skew of the challenge's time, the same challenge links.
      const good = await tamperedProof(nonce, { auth_time: now() - 3 });
      assert.equal((await link(nina, good)).status, 200);
    });

    it('ID tokens that are not fresh or not SwissID\'s', async () => {
      const { nonce } = await linkChallenge(backend, peter);
      const t = now();
      const cases = {
        expired: await tamperedProof(nonce, { exp: t - 60, iat: t - 700 }),
        'issued more than 5 minutes ago': await tamperedProof(nonce, { iat: t - 6 * 60, exp: t + 600 }),
        'issued in the future': await tamperedProof(nonce, { iat: t + 600, exp: t + 1200 }),
        'other issuer': await tamperedProof(nonce, { iss: backend.urls.postLogin }),
        'no sub': await tamperedProof(nonce, { sub: undefined }),
        'the older login\'s own ID token': (await signIn(backend, postClient, PETER, { nonce, prompt: 'login', maxAge: 0 })).tokens.id_token,
        'an access token': (await signIn(backend, client, FRESH_SWISSID)).tokens.access_token,
        'not a JWT': 'not-a-jwt',
      };
      for (const signature of ['foreign-key', 'corrupt']) {
        backend.tamper.set({ idToken: { signature } });
        cases[`signature: ${signature}`] = (await proofSignIn(backend, client, FRESH_SWISSID, nonce)).tokens.id_token;
        backend.tamper.clear();
      }
      assert.equal(decodeProtectedHeader(cases['signature: foreign-key']).kid, decodeProtectedHeader(cases.expired).kid);
      const before = snapshot();
      for (const [what, idToken] of Object.entries(cases)) {
        const res = await link(peter, idToken);
        assert.equal(res.status, 400, what);
        assert.equal((await res.json()).error, 'invalid_id_token', what);
      }
      assert.deepEqual(snapshot(), before);
    });
  });
});
