import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MARC, callApi, signIn, startTestBackend } from './support.mjs';

describe('account API', () => {
  let env;
  let backend;
  before(async () => {
    env = await startTestBackend({
      extraClients: [{ client_id: 'short-lived', firstParty: true, redirect_uris: ['http://localhost:9999/cb'], post_logout_redirect_uris: [], accessTokenTtl: 1 }],
    });
    backend = env.backend;
  });
  after(() => env.close());

  const me = (headers = {}) => fetch(`${backend.urls.api}/me`, { headers });
  /** GET /me with the token, as the widget sends it: DPoP, with a proof of the browser's key. */
  const meWith = (token, headers = {}) => callApi(backend, '/me', { token, headers });

  it('returns the signed-in account for a valid access token', async () => {
    const { tokens } = await signIn(backend, env.demoClient);
    const res = await meWith(tokens.access_token);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(await res.json(), {
      sub: 'a1b2c3d4-0001-4000-8000-000000000001',
      login: 'swissid',
      name: 'Anna Muster',
      email: 'anna.muster@example.ch',
      linked: true,
      // Her own account (from no older login); no older Post login is linked to her SwissID.
      accounts: [{
        id: 'a1b2c3d4-0001-4000-8000-000000000001', type: 'private', company: null, role: 'customer', email: 'anna.muster@example.ch', loginId: null, loginEmail: null,
      }],
      accountType: 'private',
      role: 'customer',
      company: null,
    });
  });

  it('knows business accounts and their company', async () => {
    const { tokens } = await signIn(backend, env.demoClient, MARC);
    const body = await (await meWith(tokens.access_token)).json();
    assert.equal(body.accountType, 'business');
    assert.equal(body.role, 'superadmin');
    assert.equal(body.company, 'Keller Logistik AG');
  });

  it('answers 401 with the DPoP challenge alone without any credentials (RFC 6750 section 3.1)', async () => {
    const res = await me();
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'DPoP algs="ES256 Ed25519 EdDSA"');
    assert.equal((await res.json()).error, 'invalid_token');
  });

  for (const [what, headers] of [
    ['with an unknown token', { authorization: 'DPoP aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }],
    ['with an unknown bearer token', { authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }],
    ['with a malformed header', { authorization: 'Basic YTpi' }],
    ['with an ID token instead of an access token', { authorization: 'DPoP eyJhbGciOiJub25lIn0.e30.' }],
  ]) {
    it(`answers 401 invalid_token ${what}`, async () => {
      const res = await me(headers);
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'DPoP error="invalid_token", algs="ES256 Ed25519 EdDSA"');
      const body = await res.json();
      assert.equal(body.error, 'invalid_token');
      assert.equal(typeof body.message, 'string');
    });
  }

  it('refuses an expired access token', async () => {
    const client = { clientId: 'short-lived', redirectUri: 'http://localhost:9999/cb' };
    const { tokens } = await signIn(backend, client);
    assert.equal(tokens.expires_in, 1);
    await new Promise((r) => { setTimeout(r, 1100); });
    const res = await meWith(tokens.access_token);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate'), /^DPoP error="invalid_token"/);
  });

  it('answers CORS for a client origin only, with an exact echo', async () => {
    const allowed = await fetch(`${backend.urls.api}/me`, {
      method: 'OPTIONS',
      headers: { origin: backend.urls.partner, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, dpop' },
    });
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), backend.urls.partner);
    assert.match(allowed.headers.get('access-control-allow-headers'), /Authorization/);
    assert.match(allowed.headers.get('access-control-allow-headers'), /\bDPoP\b/);
    assert.equal(allowed.headers.get('access-control-expose-headers'), 'ETag, WWW-Authenticate');
    assert.match(allowed.headers.get('access-control-allow-headers'), /If-Match/);
    assert.match(allowed.headers.get('access-control-allow-methods'), /PUT/);
    assert.match(allowed.headers.get('access-control-allow-methods'), /DELETE/);
    assert.match(allowed.headers.get('vary'), /Origin/);

    for (const origin of ['http://evil.example', `${backend.urls.demo}.evil.example`, 'null']) {
      const refused = await fetch(`${backend.urls.api}/me`, { method: 'OPTIONS', headers: { origin } });
      assert.equal(refused.headers.get('access-control-allow-origin'), null, origin);
      const get = await me({ origin });
      assert.equal(get.headers.get('access-control-allow-origin'), null, origin);
    }

    const fromDemo = await me({ origin: backend.urls.demo });
    assert.equal(fromDemo.headers.get('access-control-allow-origin'), backend.urls.demo);
  });

  it('has /health and JSON 404s', async () => {
    assert.deepEqual(await (await fetch(`${backend.urls.api}/health`)).json(), { ok: true });
    const missing = await fetch(`${backend.urls.api}/nothing`);
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).error, 'not_found');
  });
});
