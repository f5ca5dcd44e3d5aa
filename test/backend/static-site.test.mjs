import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startTestBackend } from './support.mjs';

/** A raw request, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(base, path) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    }).on('error', reject).end();
  });
}

describe('demo and partner page servers', () => {
  let env;
  let backend;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
  });
  after(() => env.close());

  it('serves pages with a strict policy and safe headers', async () => {
    const res = await fetch(`${backend.urls.demo}/`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, new RegExp(`connect-src 'self' ${backend.urls.swissid} ${backend.urls.api} ${backend.urls.postLogin}(;|$)`));
    // Framed only by the site's own pages.
    assert.match(csp, /frame-ancestors 'self'(;|$)/);
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.match(csp, /report-uri \/csp-report/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('serves the CDN build as JavaScript on both sites', async () => {
    for (const origin of [backend.urls.demo, backend.urls.partner]) {
      const res = await fetch(`${origin}/cdn/post-login.js`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(res.headers.get('content-security-policy'), null);
    }
  });

  it('serves the partner page from 127.0.0.1, a different site', async () => {
    assert.match(backend.urls.partner, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${backend.urls.partner}/`);
    assert.match(await res.text(), /<title>Partner<\/title>/);
    assert.match(res.headers.get('content-security-policy'), /frame-ancestors 'self'(;|$)/);
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
  });

  it('refuses directory traversal', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/cdn/../../secret.txt', '/cdn/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/partner/..%2f..%2fsecret.txt']) {
      for (const origin of [backend.urls.demo, backend.urls.partner]) {
        const res = await rawGet(origin, path);
        assert.equal(res.status, 404, `${origin}${path}`);
        assert.doesNotMatch(res.body, /outside the served folders/);
      }
    }
    assert.equal((await fetch(`${backend.urls.demo}/missing.html`)).status, 404);
  });

  it('collects CSP reports', async () => {
    const report = { 'csp-report': { 'document-uri': `${backend.urls.partner}/`, 'violated-directive': 'script-src' } };
    const res = await fetch(`${backend.urls.partner}/csp-report`, {
      method: 'POST', headers: { 'content-type': 'application/csp-report' }, body: JSON.stringify(report),
    });
    assert.equal(res.status, 204);
    assert.deepEqual(backend.cspReports.at(-1), report);
  });
});
