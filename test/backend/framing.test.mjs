import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANNA, Browser, PETER, signIn, startAuthorization, startTestBackend } from './support.mjs';

/**
 * Every kind of HTML page a provider sends: sign-in, error (provider's and interaction's), logout (with a valid hint, and
 * the confirmation without one), still signed in, logged out.
 */
async function providerPages(backend, client, issuer) {
  const flow = await startAuthorization(backend, { ...client, issuer });
  const { flow: signedIn, tokens } = await signIn(backend, { ...client, issuer }, issuer === backend.urls.swissid ? ANNA : PETER);
  const logout = new URL(`${issuer}/session/end`);
  logout.search = new URLSearchParams({ id_token_hint: tokens.id_token }).toString();
  const badClient = new URL(`${issuer}/auth`);
  badClient.search = new URLSearchParams({ client_id: 'nobody', response_type: 'code', scope: 'openid' }).toString();
  return {
    'sign-in': flow.page,
    'provider error': await fetch(badClient),
    'interaction error': await new Browser().fetch(`${issuer}/interaction/unknown-interaction`),
    logout: await signedIn.browser.fetch(logout.href),
    'logout confirmation': await signedIn.browser.fetch(`${issuer}/session/end`, { form: { client_id: client.clientId } }),
    'still signed in': await fetch(`${issuer}/session/end/stay`),
    'logged out': await fetch(`${issuer}/session/end/success`),
  };
}

describe('framing of the providers\' pages', () => {
  describe('by default (npm start)', () => {
    let env;
    before(async () => { env = await startTestBackend(); });
    after(() => env.close());

    it("sends frame-ancestors 'none' and X-Frame-Options: DENY with every page of both providers", async () => {
      const { backend } = env;
      for (const issuer of [backend.urls.swissid, backend.urls.postLogin]) {
        for (const [page, res] of Object.entries(await providerPages(backend, env.demoClient, issuer))) {
          const what = `${issuer} ${page}`;
          assert.match(res.headers.get('content-type'), /^text\/html/, what);
          assert.match(res.headers.get('content-security-policy'), /(^|; )frame-ancestors 'none'$/, what);
          assert.equal(res.headers.get('x-frame-options'), 'DENY', what);
        }
      }
    });
  });

  describe('with frameAncestors (test backends only)', () => {
    let env;
    const testOrigin = 'http://localhost:8765';
    before(async () => { env = await startTestBackend({ frameAncestors: [testOrigin] }); });
    after(() => env.close());

    it('lets exactly those origins frame the pages', async () => {
      const { backend } = env;
      for (const [page, res] of Object.entries(await providerPages(backend, env.demoClient, backend.urls.swissid))) {
        assert.match(res.headers.get('content-security-policy'), new RegExp(`(^|; )frame-ancestors ${testOrigin}$`), page);
        assert.equal(res.headers.get('x-frame-options'), null, page);
      }
    });

    it('takes origins only', async () => {
      for (const frameAncestors of [['*'], ["'self'"], ['http://localhost:1; script-src *'], ['http://localhost/path']]) {
        await assert.rejects(startTestBackend({ frameAncestors }), /frameAncestors: not an origin/, frameAncestors[0]);
      }
    });
  });
});
