#!/usr/bin/env node
/**
 * Smoke test of the built Storybook: every story renders its components (`<post-login>`, `<swissid-link-banner>`,
 * `<address-picker>`),
 * its play function (if any) passes, nothing is logged as an error, no request leaves the static server, and axe
 * finds no violation in them.
 *
 * Expects `storybook-static/` (node_modules/.bin/storybook build --quiet -o storybook-static).
 * Usage: node test/stories/smoke.mjs [filter]   (filter: substring of the story id)
 *        SMOKE_WARNINGS=1 also prints console warnings (they do not fail a story).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { BROWSERS, CHROMIUM_ARGS } from '../support/browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = join(root, 'storybook-static');
const axePath = join(root, 'node_modules/axe-core/axe.min.js');
const filter = process.argv[2] ?? '';
const STORY_TIMEOUT_MS = 15_000;
/** The elements a story is checked for: each one present must paint its shadow content and pass axe. */
const COMPONENTS = ['post-login', 'swissid-link-banner', 'address-picker'];

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

let index;
try {
  index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8'));
} catch {
  console.error('storybook-static/index.json not found: run `node_modules/.bin/storybook build --quiet -o storybook-static` first.');
  process.exit(1);
}
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.includes(filter));

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const file = normalize(join(staticDir, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(staticDir + sep)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      // Lets Chromium reuse the parsed and compiled bundle (V8 code cache) across the story pages.
      'cache-control': 'max-age=600',
    });
    createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: BROWSERS.chromium.path, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });

// Everything a story needs is in storybook-static; any other request (e.g. to https://swissid.example) is a finding.
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
  return route.abort('blockedbyclient');
});

async function runStory(story) {
  const problems = [];
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    else if (message.type() === 'warning' && process.env.SMOKE_WARNINGS) console.log(`     (warning) ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) problems.push(`external request: ${request.method()} ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin)) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });

  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
    // Storybook's render cycle (render, play, completed) ends in phase "finished"; "errored" when render or play threw.
    const phase = await page
      .waitForFunction(
        () => {
          const render = window.__STORYBOOK_PREVIEW__?.currentRender;
          return render && ['finished', 'errored', 'aborted'].includes(render.phase) ? render.phase : false;
        },
        null,
        { timeout: STORY_TIMEOUT_MS, polling: 50 },
      )
      .then((handle) => handle.jsonValue());
    const errorDisplay = await page.evaluate(() =>
      document.body.classList.contains('sb-show-errordisplay')
        ? (document.querySelector('#error-message')?.textContent ?? '') + ' ' + (document.querySelector('#error-stack')?.textContent ?? '')
        : null,
    );
    if (phase !== 'finished' || errorDisplay !== null) {
      problems.push(`story ${phase}${errorDisplay ? `: ${errorDisplay.trim().split('\n').slice(0, 3).join(' ')}` : ''}`);
    }
    // The story has at least one of the components, and every one of them has painted its shadow content.
    const present = await page.evaluate((tags) => tags.filter((tag) => document.querySelector(tag)), COMPONENTS);
    if (present.length === 0) problems.push(`none of ${COMPONENTS.join(', ')} is in the story`);
    for (const tag of present) {
      await page
        .waitForFunction(
          (selector) =>
            [...document.querySelectorAll(selector)].every((element) => element.shadowRoot && element.shadowRoot.childElementCount > 0),
          tag,
          { timeout: 5_000, polling: 50 },
        )
        .catch(() => problems.push(`${tag} did not render its shadow content`));
    }
    // A short settle for late errors (locale chunks, popover positioning).
    await page.waitForTimeout(100);

    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async (selector) => {
      const { axe } = window;
      const include = [...document.querySelectorAll(selector)];
      if (include.length === 0) return [];
      const results = await axe.run({ include }, { resultTypes: ['violations'] });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => JSON.stringify(node.target)),
        summary: violation.nodes[0]?.failureSummary?.replace(/\s+/g, ' '),
      }));
    }, COMPONENTS.join(', '));
    for (const violation of violations) {
      problems.push(
        `axe ${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(', ')} — ${violation.summary}`,
      );
    }
  } catch (error) {
    problems.push(`run: ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return problems;
}

const started = Date.now();
let passed = 0;
let failed = 0;
for (const story of stories) {
  const t0 = Date.now();
  const problems = await runStory(story);
  const ms = Date.now() - t0;
  if (problems.length === 0) {
    passed += 1;
    console.log(`ok   ${story.id} (${ms} ms)`);
  } else {
    failed += 1;
    console.log(`FAIL ${story.id} (${ms} ms)`);
    for (const problem of [...new Set(problems)]) console.log(`     ${problem}`);
  }
}

await browser.close();
server.close();
console.error(`(${stories.length} stories in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || stories.length === 0 ? 1 : 0);
