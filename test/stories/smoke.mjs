#!/usr/bin/env node
/**
 * Smoke test of the built Storybook: every story renders its components (`<post-login>`, `<swissid-link-banner>`,
 * `<address-picker>`),
 * its play function (if any) passes, nothing is logged as an error, no request leaves the static server, and axe
 * finds no violation in them. Every component has a Docs page (autodocs) that shows its summary and description, its
 * attributes, events, CSS parts and custom properties from custom-elements.json, and every story with its
 * description, without an error or a request leaving the server.
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
/** A Docs page renders every story of its component at once. */
const DOCS_TIMEOUT_MS = 30_000;
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
const entries = Object.values(index.entries);
const stories = entries.filter((entry) => entry.type === 'story' && entry.id.includes(filter));
const docs = entries.filter((entry) => entry.type === 'docs' && entry.id.includes(filter));
const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  // Chromium asks every page that stays open a moment for an icon; the preview iframe has none.
  if (path === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }
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

/** A new page whose errors, dialogs and requests beyond the static server are collected in `problems`. */
async function watchedPage(problems) {
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
  return page;
}

/** The text of the Storybook error display, or null when it is not shown. */
const errorDisplay = (page) =>
  page.evaluate(() =>
    document.body.classList.contains('sb-show-errordisplay')
      ? (document.querySelector('#error-message')?.textContent ?? '') + ' ' + (document.querySelector('#error-stack')?.textContent ?? '')
      : null,
  );

async function runStory(story) {
  const problems = [];
  const page = await watchedPage(problems);
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
    const error = await errorDisplay(page);
    if (phase !== 'finished' || error !== null) {
      problems.push(`story ${phase}${error ? `: ${error.trim().split('\n').slice(0, 3).join(' ')}` : ''}`);
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

/** Text as a reader sees it: Markdown marks dropped, white space collapsed. */
const plain = (text) => text.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();

/** What a component's Docs page must show, from its entry in custom-elements.json. */
function expectedDocs(tag) {
  const declaration = manifest.modules.flatMap((module) => module.declarations ?? []).find((item) => item.tagName === tag);
  if (!declaration) return null;
  return {
    // The summary, and the description up to its first full stop.
    texts: [declaration.summary, declaration.description?.split(/(?<=\.)\s/)[0]].filter(Boolean).map(plain),
    // Rows of the table: events, CSS parts and custom properties (attributes may be left out of a story's table).
    rows: [...(declaration.events ?? []), ...(declaration.cssParts ?? []), ...(declaration.cssProperties ?? [])].map((item) => item.name),
  };
}

async function runDocs(entry) {
  const problems = [];
  const tag = entry.title.split('/').pop();
  const expected = expectedDocs(tag);
  if (!expected) return [`${tag} is not in custom-elements.json`];
  const storyIds = stories.filter((story) => story.title === entry.title).map((story) => story.id);
  const page = await watchedPage(problems);
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`, { waitUntil: 'load' });
    // Rendered: the title, a block per story, and every component on the page has painted its shadow content.
    await page
      .waitForFunction(
        ({ ids, tags }) =>
          document.body.classList.contains('sb-show-errordisplay') ||
          (document.querySelector('#storybook-docs .sbdocs-title') &&
            ids.every((id) => document.getElementById(`anchor--${id}`)) &&
            [...document.querySelectorAll(tags)].every((element) => element.shadowRoot && element.shadowRoot.childElementCount > 0)),
        { ids: storyIds, tags: COMPONENTS.join(', ') },
        { timeout: DOCS_TIMEOUT_MS, polling: 100 },
      )
      .catch(() => problems.push(`docs page not rendered within ${DOCS_TIMEOUT_MS} ms (title, every story, shadow content)`));
    const error = await errorDisplay(page);
    if (error !== null) problems.push(`docs errored: ${error.trim().split('\n').slice(0, 3).join(' ')}`);

    // innerText holds what is rendered and not hidden: what a reader of the page sees.
    const seen = await page.evaluate((ids) => {
      const docs = document.querySelector('#storybook-docs');
      const table = docs?.querySelector('table.docblock-argstable');
      return {
        text: docs?.innerText ?? '',
        table: table && table.getBoundingClientRect().height > 0 ? table.innerText : null,
        undescribed: ids.filter((id) => !document.querySelector(`#anchor--${CSS.escape(id)} h3 + p`)?.innerText.trim()),
      };
    }, storyIds);
    const text = plain(seen.text);
    for (const expectedText of expected.texts) {
      if (!text.includes(expectedText)) problems.push(`description not shown: "${expectedText}"`);
    }
    if (seen.table === null) problems.push('no table of attributes, properties and events shown');
    else {
      const rows = new Set(seen.table.split('\n').map((line) => line.trim()));
      const missing = expected.rows.filter((name) => !rows.has(name));
      if (missing.length > 0) problems.push(`not in the table: ${missing.join(', ')}`);
    }
    for (const id of seen.undescribed) problems.push(`story without a description on the Docs page: ${id}`);
    // A short settle for late errors (locale chunks, popover positioning), as for the stories.
    await page.waitForTimeout(100);
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
function report(id, t0, problems) {
  const ms = Date.now() - t0;
  if (problems.length === 0) {
    passed += 1;
    console.log(`ok   ${id} (${ms} ms)`);
  } else {
    failed += 1;
    console.log(`FAIL ${id} (${ms} ms)`);
    for (const problem of [...new Set(problems)]) console.log(`     ${problem}`);
  }
}

// Two stories at a time (each in its own page): the machine has two cores, and a story page spends much of its time
// waiting for files and timers.
const queue = [...stories];
const worker = async () => {
  for (let story = queue.shift(); story; story = queue.shift()) {
    const t0 = Date.now();
    report(story.id, t0, await runStory(story));
  }
};
await Promise.all(Array.from({ length: Number(process.env.SMOKE_CONCURRENCY ?? 2) }, worker));

// Every component whose stories ran has a Docs page (autodocs); then each Docs page is loaded.
for (const title of new Set(stories.map((story) => story.title))) {
  if (!docs.some((entry) => entry.title === title)) report(`${title} (docs)`, Date.now(), ['no Docs page: autodocs is off for it']);
}
const docsStarted = Date.now();
for (const entry of docs) {
  const t0 = Date.now();
  report(entry.id, t0, await runDocs(entry));
}

await browser.close();
server.close();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
console.error(`(${stories.length} stories and ${docs.length} docs pages in ${seconds(started)} s, docs pages ${seconds(docsStarted)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || stories.length + docs.length === 0 ? 1 : 0);
