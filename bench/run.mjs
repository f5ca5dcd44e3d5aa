// `npm run bench`: sizes of the build, and speed of <post-login> in headless Chromium against the reference backend.
//
//   (a) raw / gzip / brotli size of every built .js file in dist/ (npm) and dist/cdn (CDN), and the three budget sums
//       of the CDN build against PRODUCT.md (the same file lists as .size-limit.mjs, from bench/bundle-graph.mjs);
//   (b) median first contentful paint of a page holding only the signed-out <post-login> (one module script from
//       /cdn/) vs. the same page with a plain HTML form of the same content: same server, same headers (CSP, no-store),
//       a new tab per run in one browser profile as a visitor's browser has it (nothing cached: every file is fetched
//       again, which the bench checks; storage emptied after each run), runs interleaved; next to them a "script
//       floor" page whose tiny custom element shows the same words, i.e. what any script-rendered mask costs before
//       its own code, and a "mask floor" page with the mask's markup and styles on lit but none of the widget's logic
//       (bench/mask-floor.mjs); and the same four pages with a fresh browser profile per run;
//   (c) median time of a completed redirect sign-in against the local SwissID stand-in, in two parts that leave out
//       the customer's typing: click on "Login mit SwissID" → provider login page shown, and click on its submit
//       button → back on the page with status 'signed-in' and the user button rendered.
//
// Needs `npm run build` first. Options (environment): BENCH_FCP_RUNS (40), BENCH_FCP_FRESH_RUNS (15), BENCH_SIGNIN_RUNS (5),
// CHROMIUM_PATH.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { build } from 'vite';
import { DEMO_ACCOUNTS } from '../demo/server/demo-data.mjs';
import { startReferenceBackend } from '../demo/server/index.mjs';
import { CDN_DIR, LIMITS_KIB, PRODUCT_ALL_KIB, ROOT, budgets, loadGraph, problems, reachable } from './bundle-graph.mjs';
import { BROWSERS, CHROMIUM_ARGS } from '../test/support/browsers.mjs';

const FCP_RUNS = Number(process.env.BENCH_FCP_RUNS ?? 40);
const FCP_FRESH_RUNS = Number(process.env.BENCH_FCP_FRESH_RUNS ?? 15);
const FCP_WARMUP = 2;
const SIGNIN_RUNS = Number(process.env.BENCH_SIGNIN_RUNS ?? 5);
const SIGNIN_WARMUP = 1;
const FCP_RATIO_TARGET = 1.5;
const STEP_TIMEOUT_MS = 15_000;
const CHROMIUM = BROWSERS.chromium.path;
const ACCOUNT = DEMO_ACCOUNTS[0]; // Anna, a private customer
// The signed-out mask in German (src/i18n/first-paint.ts), so that the plain page shows the same words.
const MASK = {
  title: 'Kundenlogin',
  intro: 'Ein Login für die Post und die Online-Dienste vieler weiterer Unternehmen.',
  button: 'Login mit SwissID',
};

const summary = [];
const started = performance.now();

// ---------------------------------------------------------------------------------------------------------------
// helpers

const KiB = (bytes) => (bytes / 1024).toFixed(2);
const ms = (value) => (value === null || Number.isNaN(value) ? 'n/a' : `${value.toFixed(0)} ms`);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: median(sorted), min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

/**
 * 95% interval of the ratio of medians by resampling the runs (bootstrap; fixed seed, so the same runs give the same
 * interval): how far the printed ratio may be from the machine's real one with this many noisy runs.
 */
function ratioInterval(numerator, denominator, rounds = 2000) {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const resample = (values) => values.map(() => values[Math.floor(random() * values.length)]);
  const ratios = [];
  for (let round = 0; round < rounds; round++) ratios.push(median(resample(numerator)) / median(resample(denominator)));
  ratios.sort((a, b) => a - b);
  return [ratios[Math.floor(rounds * 0.025)], ratios[Math.floor(rounds * 0.975)]];
}

function table(rows, align) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  return rows
    .map((row) => row.map((cell, col) => (align[col] === 'r' ? String(cell).padStart(widths[col]) : String(cell).padEnd(widths[col]))).join('  '))
    .join('\n');
}

function heading(text) {
  console.log(`\n=== ${text} ${'='.repeat(Math.max(0, 100 - text.length))}`);
}

function sizes(file) {
  const content = readFileSync(file);
  return {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length, // as @size-limit/file
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function listFiles(dir, { skipDirs = [] } = {}) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!skipDirs.includes(full)) out.push(...listFiles(full, { skipDirs }));
    } else out.push(full);
  }
  return out;
}

const rel = (file) => relative(ROOT, file).split(sep).join('/');

// ---------------------------------------------------------------------------------------------------------------
// (a) sizes

/** gzip size of the file after a full minification (white space and comments too), when esbuild is at hand. */
async function minifiedGzip() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  return (file) => {
    const { code } = esbuild.transformSync(readFileSync(file, 'utf8'), { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
    return gzipSync(code, { level: 9 }).length;
  };
}

async function reportSizes() {
  heading('(a) sizes of the built files (bytes; gzip -9 and brotli q11 per file)');
  const distDir = join(ROOT, 'dist');
  const skipped = { maps: 0, types: 0, other: 0 };
  const groups = [
    ['dist/ (npm: lit, oidc-client-ts, @floating-ui/dom, jose left to the site bundler; not minified)', listFiles(distDir, { skipDirs: [CDN_DIR, join(distDir, 'types')] })],
    ['dist/cdn/ (partner sites: everything included)', listFiles(CDN_DIR)],
  ];
  skipped.types = listFiles(join(distDir, 'types')).length;
  // Every .js file at the top of dist/ is an npm entry point; a chunk none of them reaches would be published for
  // nothing (a leftover of an earlier build): mark it.
  const npmGraph = loadGraph(distDir, 'index.js');
  const npmEntries = readdirSync(distDir).filter((name) => name.endsWith('.js'));
  const npmLive = new Set(npmEntries.flatMap((entry) => [...reachable(npmGraph, entry)]).map((path) => join(distDir, path)));
  let stale = 0;
  for (const [title, files] of groups) {
    const rows = [['file', 'raw', 'gzip', 'brotli', 'gzip KiB']];
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of files) {
      if (file.endsWith('.map')) {
        skipped.maps++;
        continue;
      }
      if (!/\.(m?js|css)$/.test(file)) {
        skipped.other++;
        continue;
      }
      const size = sizes(file);
      const isStale = file.startsWith(distDir + sep) && !file.startsWith(CDN_DIR + sep) && !npmLive.has(file);
      if (isStale) stale++;
      else for (const key of Object.keys(total)) total[key] += size[key];
      rows.push([rel(file) + (isStale ? '  (stale: not reached from an npm entry point)' : ''), size.raw, size.gzip, size.brotli, KiB(size.gzip)]);
    }
    rows.push(['total (without stale files)', total.raw, total.gzip, total.brotli, KiB(total.gzip)]);
    console.log(`\n${title}\n`);
    console.log(table(rows, ['l', 'r', 'r', 'r', 'r']));
  }
  if (stale) {
    const line = `dist/ holds ${stale} chunk(s) no npm entry point reaches; they would be published`;
    console.log(`\n${line}`);
    summary.push(line);
  }
  console.log(`\n(not listed: ${skipped.maps} source maps, ${skipped.types} type declaration files in dist/types, ${skipped.other} other)`);

  heading('(a) size budgets of the CDN build (gzip, sum over the files a browser fetches)');
  const graph = loadGraph();
  const issues = problems(graph);
  const minified = await minifiedGzip();
  const rows = [['budget', 'files', 'gzip bytes', 'gzip KiB', 'target KiB', 'headroom KiB', 'brotli KiB', 'if fully minified*', '']];
  for (const budget of budgets()) {
    const total = { gzip: 0, brotli: 0, minified: 0 };
    for (const file of budget.files) {
      const size = sizes(join(ROOT, file));
      total.gzip += size.gzip;
      total.brotli += size.brotli;
      if (minified) total.minified += minified(join(ROOT, file));
    }
    const ok = total.gzip <= budget.limitKiB * 1024;
    rows.push([budget.id, budget.files.length, total.gzip, KiB(total.gzip), budget.limitKiB, KiB(budget.limitKiB * 1024 - total.gzip), KiB(total.brotli), minified ? `${KiB(total.minified)} KiB` : 'n/a', ok ? 'ok' : 'OVER']);
    const productBar = budget.id === 'all' ? `; product bar ${PRODUCT_ALL_KIB} KiB ${total.gzip <= PRODUCT_ALL_KIB * 1024 ? 'met' : 'NOT met'}` : '';
    summary.push(`size ${budget.id.padEnd(10)} ${KiB(total.gzip).padStart(6)} KiB gzip (target ≤ ${budget.limitKiB} KiB${productBar}) ${ok ? 'ok' : 'OVER BUDGET'}`);
    console.log(`${budget.id}: ${budget.name}\n  ${budget.files.join('\n  ')}`);
  }
  console.log(`\n${table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'])}`);
  console.log(
    '* gzip after esbuild --minify of each built file: Vite does not strip white space and comments in lib mode with the',
    "\n  'es' format (to keep /*#__PURE__*/ for downstream tree-shaking), which the CDN build does not need. Information only.",
  );
  console.log(issues.length ? `\nmodule graph problems:\n  ${issues.join('\n  ')}` : '\nmodule graph: no lazy chunk on the first-paint path, every file reachable from the entry.');
  if (issues.length) summary.push(`module graph problems: ${issues.join('; ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// pages served by the reference backend

/** A German page with the given title, head elements and body, as the bench serves it. */
const benchPage = (title, head, body) => `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>bench: ${title}</title>
    ${head}
  </head>
  <body>
    ${body}
  </body>
</html>
`;

const widgetPage = benchPage(
  'post-login',
  '<script type="module" src="/cdn/post-login-widgets.js"></script>',
  '<post-login authority="{{SWISSID_URL}}" client-id="post-login-demo" api="{{API_URL}}"></post-login>',
);

const plainPage = benchPage(
  'plain form',
  '',
  `<form action="/index.html" method="get">
      <p><strong>${MASK.title}</strong></p>
      <p>${MASK.intro}</p>
      <button type="submit">${MASK.button}</button>
    </form>`,
);

// The least any script-rendered mask can cost: one tiny module script whose custom element puts the same words into
// a shadow root (no library, no styles, no storage). Shown next to the widget so that the part of the gap that no
// widget code can remove is visible.
const floorPage = benchPage('script floor', '<script type="module" src="/floor.js"></script>', '<login-floor></login-floor>');

// The mask as designed on lit without the widget's logic (bench/mask-floor.mjs, built by the bench itself).
const maskFloorPage = benchPage('mask floor', '<script type="module" src="/mask-floor.js"></script>', '<mask-floor></mask-floor>');

/** Builds bench/mask-floor.mjs into `dir` as mask-floor.js, as the CDN build builds its entry (vite.config.ts). */
async function buildMaskFloor(dir) {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [minifyTemplateLiterals({ include: [join(ROOT, 'src/**/*.ts'), join(ROOT, 'bench/mask-floor.mjs')] })],
    build: {
      target: 'es2022',
      outDir: dir,
      emptyOutDir: false,
      minify: true,
      modulePreload: false,
      rolldownOptions: {
        input: { 'mask-floor': join(ROOT, 'bench/mask-floor.mjs') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
}

const floorScript = `customElements.define('login-floor', class extends HTMLElement {
  connectedCallback() {
    const words = ${JSON.stringify([MASK.title, MASK.intro])}.map((text) => Object.assign(document.createElement('p'), { textContent: text }));
    const button = Object.assign(document.createElement('button'), { textContent: ${JSON.stringify(MASK.button)} });
    this.attachShadow({ mode: 'open' }).append(...words, button);
  }
});
`;

/** Page errors, console errors and failed requests of `page` go to `errors`. */
function watchPage(page, errors) {
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
  });
  page.on('response', (response) => {
    // Chromium asks every new origin for /favicon.ico; the bench pages have none, on both sides alike.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
  });
}

async function newPage(browser, errors) {
  const context = await browser.newContext(); // a new context: empty HTTP cache, storage and cookies
  const page = await context.newPage();
  watchPage(page, errors);
  return { context, page };
}

// ---------------------------------------------------------------------------------------------------------------
// (b) first contentful paint

/**
 * First contentful paint of `url` in a new tab of `context`. Every response of the bench server is `no-store`, so each
 * run fetches every file again (checked: a file taken from a cache would make the run worthless); the tab's storage is
 * emptied afterwards, so that no run starts signed in or with a remembered login method.
 */
async function firstContentfulPaint(context, url, errors) {
  const page = await context.newPage();
  watchPage(page, errors);
  try {
    // Nothing of the harness may run in the page before its first paint: an evaluate sent at `load` runs between the
    // mask's rendering and its paint and delayed the widget's paint by ~10 ms (the plain form's by ~3). So the bench
    // learns of the paint from the browser (a lifecycle event over CDP, no script in the page) and reads the figures after.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });
    const painted = new Promise((resolve) => {
      cdp.on('Page.lifecycleEvent', (event) => event.name === 'firstContentfulPaint' && resolve());
    });
    await page.goto(url, { waitUntil: 'commit', timeout: STEP_TIMEOUT_MS });
    let timer;
    await Promise.race([painted, new Promise((resolve) => (timer = setTimeout(resolve, STEP_TIMEOUT_MS)))]);
    clearTimeout(timer);
    await cdp.detach();
    const result = await page.evaluate(
      (timeout) =>
        new Promise((resolve) => {
          const done = (fcp, paintTime = null) => {
            clearTimeout(timer);
            // The page itself (navigation entry, start 0) and what it fetched.
            const resources = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
              .map((entry) => ({ file: new URL(entry.name).pathname.split('/').pop(), start: entry.startTime, end: entry.responseEnd, cached: entry.transferSize === 0 }));
            resolve({ fcp, paintTime, resources });
          };
          const timer = setTimeout(() => done(null), timeout);
          new PerformanceObserver((list, observer) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (!entry) return;
            observer.disconnect();
            done(entry.startTime, entry.paintTime ?? null);
          }).observe({ type: 'paint', buffered: true });
        }),
      STEP_TIMEOUT_MS,
    );
    const cached = result.resources.filter((entry) => entry.cached && entry.start < (result.fcp ?? Infinity));
    if (cached.length) throw new Error(`${url}: ${cached.map((entry) => entry.file).join(', ')} came from a cache; the run would not show a first visit`);
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    return result;
  } finally {
    await page.close();
  }
}

/**
 * The four pages, interleaved and rotating which goes first so that drift on the machine hits all alike. `openContext`
 * gives the browser context of each run.
 */
async function paintSeries(urls, runs, openContext, errors) {
  const pages = [
    ['widget', `${urls.demo}/index.html`],
    ['plain', `${urls.demo}/plain.html`],
    ['floor', `${urls.demo}/floor.html`],
    ['maskFloor', `${urls.demo}/mask-floor.html`],
  ];
  const series = { paintTimes: {}, waterfalls: [], pairRatios: [] };
  for (const [kind] of pages) [series[kind], series.paintTimes[kind]] = [[], []];
  for (let run = 0; run < FCP_WARMUP + runs; run++) {
    const pair = {};
    const order = [...pages.slice(run % pages.length), ...pages.slice(0, run % pages.length)];
    for (const [kind, url] of order) {
      const { context, close } = await openContext();
      try {
        const { fcp, paintTime, resources } = await firstContentfulPaint(context, url, errors);
        if (fcp === null) throw new Error(`no first-contentful-paint entry for ${url}`);
        if (run < FCP_WARMUP) continue;
        series[kind].push(fcp);
        if (paintTime !== null) series.paintTimes[kind].push(paintTime);
        pair[kind] = fcp;
        if (kind === 'widget') series.waterfalls.push({ fcp, resources });
      } finally {
        await close();
      }
    }
    if (run >= FCP_WARMUP) series.pairRatios.push(pair.widget / pair.plain);
  }
  return series;
}

async function benchFirstPaint(browser, urls) {
  heading(`(b) first contentful paint: <post-login> vs. plain HTML form (${FCP_RUNS} runs each after ${FCP_WARMUP} warm-up, a new tab per run)`);
  const errors = [];
  // A browser as a visitor has it: one profile, a new tab per page view. Nothing is cached (see firstContentfulPaint).
  const profile = await browser.newContext();
  const sameProfile = async () => ({ context: profile, close: async () => {} });
  const { widget, plain, floor, maskFloor, paintTimes, waterfalls, pairRatios } = await paintSeries(urls, FCP_RUNS, sameProfile, errors);
  await profile.close();
  // The same in a fresh profile per run (a browser's first page after start-up, or a private window): the first
  // request of a new profile's page waits longer in the browser, which only pages with a script pay.
  const fresh = await paintSeries(urls, FCP_FRESH_RUNS, async () => {
    const context = await browser.newContext();
    return { context, close: () => context.close() };
  }, errors);
  const w = stats(widget);
  const p = stats(plain);
  const f = stats(floor);
  const m = stats(maskFloor);
  const ratio = w.median / p.median;
  const floorRatio = f.median / p.median;
  const maskFloorRatio = m.median / p.median;
  const rows = [
    ['page', 'median', 'min', 'max', 'runs'],
    ['<post-login> (one module script from /cdn/)', ms(w.median), ms(w.min), ms(w.max), w.n],
    ['plain HTML form (same words)', ms(p.median), ms(p.min), ms(p.max), p.n],
    ['script floor: tiny custom element, same words', ms(f.median), ms(f.min), ms(f.max), f.n],
    ['mask floor: lit + the mask\'s markup and styles', ms(m.median), ms(m.min), ms(m.max), m.n],
  ];
  console.log(`\n${table(rows, ['l', 'r', 'r', 'r', 'r'])}`);
  const [low, high] = ratioInterval(widget, plain);
  const interval = `95% interval ${low.toFixed(2)}–${high.toFixed(2)}×`;
  console.log(`\nratio of medians: ${ratio.toFixed(2)}× (${interval}; target ≤ ${FCP_RATIO_TARGET}×) ${ratio <= FCP_RATIO_TARGET ? 'ok' : 'OVER TARGET'}`);
  console.log(`script floor / plain form: ${floorRatio.toFixed(2)}× (what one extra script and a second frame cost before any widget code)`);
  console.log(`mask floor / plain form: ${maskFloorRatio.toFixed(2)}× (the mask as designed, on lit, without the widget's logic)`);
  const pairRatio = median(pairRatios);
  console.log(`median of the per-run ratios (widget / plain loaded back to back): ${pairRatio.toFixed(2)}×`);
  console.log(`difference of medians: ${ms(w.median - p.median)}`);
  const freshRatio = median(fresh.widget) / median(fresh.plain);
  const freshFloor = median(fresh.floor) / median(fresh.plain);
  const freshMaskFloor = median(fresh.maskFloor) / median(fresh.plain);
  console.log(
    `in a fresh browser profile per run (${fresh.widget.length} runs): <post-login> ${ms(median(fresh.widget))}, plain ${ms(median(fresh.plain))}, ` +
      `script floor ${ms(median(fresh.floor))}, mask floor ${ms(median(fresh.maskFloor))}` +
      ` — ratio ${freshRatio.toFixed(2)}× (script floor ${freshFloor.toFixed(2)}×, mask floor ${freshMaskFloor.toFixed(2)}×)`,
  );
  if (paintTimes.widget.length && paintTimes.plain.length) {
    // FCP is the frame's presentation; paintTime is the main thread's rendering update before it (Chromium).
    const pw = median(paintTimes.widget);
    const pp = median(paintTimes.plain);
    console.log(`rendering update of that paint (paintTime, median): <post-login> ${ms(pw)}, plain ${ms(pp)}; presented ${ms(w.median - pw)} / ${ms(p.median - pp)} later`);
  }

  // Where the widget page's time goes (resource timing, ms since navigation start, medians over the runs).
  const graph = loadGraph();
  const names = [...graph.files.keys()].map((path) => path.split('/').pop());
  const byPrefix = (prefix) => names.filter((name) => name.startsWith(prefix));
  const steps = [
    ['entry post-login-widgets.js', ['post-login-widgets.js']],
    ['its static imports', graph.files.get('post-login-widgets.js').staticImports.map((path) => path.split('/').pop())],
    ['language chunk de-* (the paint does not wait for it)', byPrefix('de-')],
    ['session logic login-sessions-* (lazy)', byPrefix('login-sessions-')],
  ];
  const rows2 = [['fetched file(s)', 'request start', 'response end', 'runs fetched before FCP']];
  for (const [label, files] of steps) {
    const hits = waterfalls.map(({ fcp, resources }) => ({ fcp, found: resources.filter((entry) => files.includes(entry.file)) })).filter(({ found }) => found.length);
    if (!hits.length) {
      rows2.push([label, '-', '-', `0/${waterfalls.length}`]);
      continue;
    }
    const start = median(hits.map(({ found }) => Math.min(...found.map((entry) => entry.start))));
    const end = median(hits.map(({ found }) => Math.max(...found.map((entry) => entry.end))));
    const before = hits.filter(({ fcp, found }) => Math.min(...found.map((entry) => entry.start)) < fcp).length;
    rows2.push([label, ms(start), ms(end), `${before}/${waterfalls.length}`]);
  }
  rows2.push(['first contentful paint', '', ms(w.median), '']);
  console.log(`\n<post-login> page waterfall (medians):\n${table(rows2, ['l', 'r', 'r', 'r'])}`);
  const early = waterfalls.filter(({ fcp, resources }) => resources.some((entry) => entry.file.startsWith('login-sessions-') && entry.start < fcp)).length;
  const earlyNote = early ? `login-sessions chunk requested before FCP in ${early}/${waterfalls.length} runs (lazy, but on the first-paint path in practice)` : null;
  if (errors.length) console.log(`page errors and failed requests:\n  ${[...new Set(errors)].join('\n  ')}`);
  summary.push(`FCP <post-login>   ${ms(w.median)} median (min ${ms(w.min)}, max ${ms(w.max)}, n=${w.n})`);
  summary.push(`FCP plain form     ${ms(p.median)} median (min ${ms(p.min)}, max ${ms(p.max)}, n=${p.n})`);
  summary.push(`FCP ratio          ${ratio.toFixed(2)}× of medians (${interval}), ${pairRatio.toFixed(2)}× median per-run ratio (target ≤ ${FCP_RATIO_TARGET}×) ${ratio <= FCP_RATIO_TARGET ? 'ok' : 'OVER TARGET'}`);
  summary.push(`FCP script floor   ${ms(f.median)} median, ${floorRatio.toFixed(2)}× the plain form (a tiny custom element with the same words)`);
  summary.push(`FCP mask floor     ${ms(m.median)} median, ${maskFloorRatio.toFixed(2)}× the plain form (lit + the mask's markup and styles, no logic)`);
  summary.push(`FCP fresh profile  ${freshRatio.toFixed(2)}× (script floor ${freshFloor.toFixed(2)}×, mask floor ${freshMaskFloor.toFixed(2)}×), a new browser profile per run, n=${fresh.widget.length}`);
  if (earlyNote) summary.push(earlyNote);
}

// ---------------------------------------------------------------------------------------------------------------
// (c) sign-in

async function signInOnce(browser, urls, errors) {
  const { context, page } = await newPage(browser, errors);
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    await page.goto(`${urls.demo}/index.html`, { waitUntil: 'load' });
    const signIn = page.locator('post-login [part~="sign-in-button"]');
    await signIn.waitFor({ state: 'visible' });
    // A customer reads the mask first: let the lazy session module arrive, as it would before a human click.
    await page.waitForLoadState('networkidle');

    // 1. click → the provider's login page is shown (widget loads its session and OIDC code, builds the PKCE
    //    request, reads the provider's discovery document, leaves for the provider, which renders its page).
    const t0 = performance.now();
    await signIn.click();
    await page.waitForURL((url) => url.origin === urls.swissid, { waitUntil: 'commit' });
    const tLeft = performance.now();
    await page.waitForURL((url) => url.href.startsWith(`${urls.swissid}/interaction/`), { waitUntil: 'commit' });
    await page.locator('#email').waitFor({ state: 'visible' });
    const t1 = performance.now();

    // The customer's typing: not measured.
    await page.fill('#email', ACCOUNT.email);
    await page.fill('#password', ACCOUNT.password);

    // 2. submit → signed in (provider checks the password and redirects back; the widget redeems the code, verifies
    //    the ID token against the JWKS, reads the account API and paints the signed-in state).
    const t2 = performance.now();
    await page.click('button[type=submit]');
    await page.waitForURL((url) => url.origin === urls.demo, { waitUntil: 'commit' });
    const t3 = performance.now();
    await page.waitForFunction(
      () => {
        const element = document.querySelector('post-login');
        return element?.status === 'signed-in' && !!element.shadowRoot?.querySelector('[part~="user-button"]');
      },
      null,
      { polling: 'raf' },
    );
    const t4 = performance.now();
    const name = await page.locator('post-login [part~="user-button"] .name').innerText();
    return { toLoginPage: t1 - t0, clickToLeave: tLeft - t0, leaveToLoginPage: t1 - tLeft, submitToSignedIn: t4 - t2, submitToBack: t3 - t2, backToSignedIn: t4 - t3, name: name.trim() };
  } finally {
    await context.close();
  }
}

async function benchSignIn(browser, urls) {
  heading(`(c) redirect sign-in against the local SwissID stand-in (${SIGNIN_RUNS} runs after ${SIGNIN_WARMUP} warm-up, new context per run)`);
  const errors = [];
  const results = [];
  for (let run = 0; run < SIGNIN_WARMUP + SIGNIN_RUNS; run++) {
    const result = await signInOnce(browser, urls, errors);
    if (run >= SIGNIN_WARMUP) results.push(result);
  }
  const col = (key) => stats(results.map((result) => result[key]));
  const rows = [['step', 'median', 'min', 'max']];
  const steps = [
    ['toLoginPage', 'click "Login mit SwissID" → provider login page shown'],
    ['clickToLeave', '   of which: click → navigation to the provider (OIDC chunk, discovery, PKCE)'],
    ['leaveToLoginPage', '   of which: provider authorize → login page shown'],
    ['submitToSignedIn', 'click provider submit → signed-in + user button'],
    ['submitToBack', '   of which: submit → back on the page (provider, redirects)'],
    ['backToSignedIn', '   of which: back on the page → signed-in (load, token, JWKS, /me, paint)'],
  ];
  for (const [key, label] of steps) {
    const s = col(key);
    rows.push([label, ms(s.median), ms(s.min), ms(s.max)]);
  }
  const total = stats(results.map((result) => result.toLoginPage + result.submitToSignedIn));
  rows.push(['sum of both parts (sign-in without the typing)', ms(total.median), ms(total.min), ms(total.max)]);
  console.log(`\n${table(rows, ['l', 'r', 'r', 'r'])}`);
  console.log(`\nsigned in as: ${results[0]?.name}; excluded: filling #email and #password on the provider's page (the customer's typing).`);
  if (errors.length) console.log(`page errors and failed requests:\n  ${[...new Set(errors)].join('\n  ')}`);
  summary.push(`sign-in click → login page        ${ms(col('toLoginPage').median)} median (n=${results.length})`);
  summary.push(`sign-in submit → signed-in        ${ms(col('submitToSignedIn').median)} median (n=${results.length})`);
  summary.push(`sign-in total without typing      ${ms(total.median)} median`);
}

// ---------------------------------------------------------------------------------------------------------------

function machineLoad(when) {
  const [one] = loadavg();
  const cores = availableParallelism();
  const busy = one > cores * 0.75;
  const line = `load average (1 min) ${when}: ${one.toFixed(2)} on ${cores} cores${busy ? ' — BUSY: timings are inflated and noisy; re-run on a quiet machine' : ''}`;
  console.log(`\n${line}`);
  if (busy) summary.push(line);
}

async function main() {
  await reportSizes();
  machineLoad('before the browser runs');

  const temp = await mkdtemp(join(tmpdir(), 'post-login-bench-'));
  let backend;
  let browser;
  try {
    await writeFile(join(temp, 'index.html'), widgetPage);
    await writeFile(join(temp, 'plain.html'), plainPage);
    await writeFile(join(temp, 'floor.html'), floorPage);
    await writeFile(join(temp, 'floor.js'), floorScript);
    await writeFile(join(temp, 'mask-floor.html'), maskFloorPage);
    await buildMaskFloor(temp);
    backend = await startReferenceBackend({
      swissidPort: 0, apiPort: 0, demoPort: 0, partnerPort: null,
      dbFile: join(temp, 'bench.sqlite'), pagesDir: temp, distDir: CDN_DIR, quiet: true,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    console.log(`\nbrowser: Chromium ${browser.version()} headless; backend: demo ${backend.urls.demo}, SwissID ${backend.urls.swissid}, API ${backend.urls.api}`);
    await benchFirstPaint(browser, backend.urls);
    await benchSignIn(browser, backend.urls);
  } finally {
    await browser?.close();
    await backend?.close();
    await rm(temp, { recursive: true, force: true });
  }
  machineLoad('after the browser runs');
  if (backend?.cspReports.length) {
    console.log(`\nCSP violation reports: ${backend.cspReports.length}`);
    summary.push(`CSP violation reports: ${backend.cspReports.length}`);
  }

  heading('summary');
  console.log(summary.map((line) => `  ${line}`).join('\n'));
  console.log(`  (budgets: first paint ≤ ${LIMITS_KIB.firstPaint} KiB, signed in ≤ ${LIMITS_KIB.signedIn} KiB, all ≤ ${LIMITS_KIB.all} KiB; bench took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
