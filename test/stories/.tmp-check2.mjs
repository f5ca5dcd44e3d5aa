import { chromium } from 'playwright';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
const dir = '/work/main/storybook-static';
const server = createServer(async (q, r) => { try { const p = join(dir, decodeURIComponent(new URL(q.url,'http://x').pathname)); const b = await readFile(p); r.writeHead(200, {'content-type': extname(p)==='.js'?'text/javascript':extname(p)==='.html'?'text/html':'application/json'}); r.end(b);} catch { r.writeHead(404).end(); } });
await new Promise(d => server.listen(0, '127.0.0.1', d));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 700, height: 700 } });
page.on('console', m => console.log('console', m.type(), m.text()));
page.on('pageerror', e => console.log('pageerror', e.message));
page.on('request', r => { if (!r.url().startsWith(origin)) console.log('request', r.method(), r.url()); });
await page.route('https://**', r => r.abort());
for (const id of process.argv.slice(2)) {
  await page.goto(`${origin}/iframe.html?id=components-post-login--${id}&viewMode=story`);
  await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished');
  await page.waitForTimeout(300);
  console.log(id, await page.evaluate(() => { const el = document.querySelector('post-login'); return JSON.stringify({ ownPreview: Object.hasOwn(el, 'preview'), ownAuthority: Object.hasOwn(el, 'authority'), status: el.status, lang: document.documentElement.lang, text: el.shadowRoot.textContent.replace(/\s+/g,' ').slice(0,200) }); }));
  await page.screenshot({ path: `/tmp/sbshots/${id}.png` });
}
if (false) {
  await page.goto(`${origin}/iframe.html?id=components-post-login--signed-out&viewMode=story`);
  await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished');
  await page.evaluate(() => document.querySelector('post-login').addEventListener('post-login-error', e => console.log('post-login-error event', e.code, e.message)));
  await page.locator('post-login').locator('[part~="sign-in-button"]').click();
  await page.waitForTimeout(2000);
  console.log('after click url', page.url());
  console.log(await page.evaluate(() => { const el = document.querySelector('post-login'); return el.status + ' | ' + el.shadowRoot.textContent.replace(/\s+/g,' ').slice(0,300); }));
}
for (const [id, part] of [['user-menu-open','sign-out-button'], ['account-unavailable','retry-button'], ['signing-in-redirect','sign-in-button']]) {
  await page.goto(`${origin}/iframe.html?id=components-post-login--${id}&viewMode=story`);
  await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished');
  await page.evaluate(() => { for (const t of ['post-login-error','post-login-sign-out']) document.querySelector('post-login').addEventListener(t, e => console.log('event', t, e.code ?? e.reason)); });
  console.log('--- click', id, part);
  await page.locator('post-login').locator(`[part~="${part}"]`).click();
  await page.waitForTimeout(1500);
  console.log('url', page.url().replace(origin, ''));
}
await browser.close(); server.close();
