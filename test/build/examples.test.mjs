// The example apps against the built package (npm run build first): each type-checks against the shipped types (tsc;
// vue-tsc for the Vue app's templates), which they import by the package's own name (`post-login-widgets`, `/react`,
// `/vue`: the exports map), and the React and Vue apps build with vite. The examples' check files use every event prop and mark wrong props with
// `@ts-expect-error`, so a typing that goes missing or gets looser fails here.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const checker = (example) => join(root, example === 'vue' ? 'node_modules/vue-tsc/bin/vue-tsc.js' : 'node_modules/typescript/bin/tsc');

/** tsc (vue-tsc for the Vue app) on one example's tsconfig.json: its exit code and what it printed. */
const typeCheck = (example) =>
  new Promise((resolve) => {
    execFile(process.execPath, [checker(example), '-p', join(root, 'examples', example)], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });

/** Builds examples/<name> with its own vite config into a temporary folder: the folder. */
async function buildExample(name) {
  const outDir = mkdtempSync(join(tmpdir(), `post-login-${name}-example-`));
  await build({
    root: join(root, 'examples', name),
    configFile: join(root, 'examples', name, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** The built app's entry script. */
function entryScript(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entry = html.match(/<script type="module" crossorigin src="\.\/(assets\/index-[\w-]+\.js)">/)?.[1];
  assert.ok(entry, `index.html loads the bundle:\n${html}`);
  return readFileSync(join(outDir, entry), 'utf8');
}

describe('the example apps', () => {
  const checks = {};
  const outDirs = [];
  let built;

  before(() => {
    assert.ok(existsSync(join(root, 'dist/types/react/index.d.ts')), 'dist/ is built (npm run build)');
    // The type checks are processes of their own and run meanwhile; the vite builds run here, one after the other.
    for (const example of ['react', 'vue', 'html']) checks[example] = typeCheck(example);
    built = (async () => ({ react: await buildExample('react'), vue: await buildExample('vue') }))();
    built.then((dirs) => outDirs.push(...Object.values(dirs)), () => undefined);
  });

  after(async () => {
    await built.catch(() => undefined);
    for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
  });

  for (const [example, what] of [
    ['react', 'the React wrappers with every event prop, and the plain tags in React 19 JSX'],
    ['vue', "the Vue app's templates (vue-tsc): props and every event of the three elements in GlobalComponents"],
    ['html', "the plain page's script: the events' fields through GlobalEventHandlersEventMap"],
  ]) {
    it(`type-checks examples/${example}: ${what}`, async () => {
      const { code, output } = await checks[example];
      assert.equal(code, 0, `${example === 'vue' ? 'vue-tsc' : 'tsc'} -p examples/${example}:\n${output}`);
    });
  }

  it('builds the React example with vite (TSX, automatic JSX runtime, the package resolved by its exports)', async () => {
    const { react } = await built;
    const code = entryScript(react);
    assert.match(code, /post-login-sign-in/, 'the wrapper listens to post-login-sign-in');
    assert.match(code, /Welcome, /, "the app's own code is in the bundle");
    assert.doesNotMatch(code, /React is not defined|\bReact\.createElement\(/, 'the automatic JSX runtime, not React.createElement');
    // The elements' lazy chunks (languages, sign-in code) come along as files of their own.
    assert.ok(readdirSync(join(react, 'assets')).some((file) => file.startsWith('oidc-')), 'the sign-in chunk');
  });

  it('builds the Vue example with vite (the tags left to the browser as custom elements)', async () => {
    const { vue } = await built;
    const code = entryScript(vue);
    assert.match(code, /onPostLoginSignIn/, 'the template listens to post-login-sign-in');
    assert.match(code, /Welcome, /, "the app's own code is in the bundle");
    // The tag is created as an element with its props; without isCustomElement, Vue's compiler would look it up as a
    // component first (resolveComponent('post-login')) and warn at run time.
    assert.match(code, /\(`post-login`,\{/, 'the tag made as a custom element, not resolved as a Vue component');
    assert.ok(readdirSync(join(vue, 'assets')).some((file) => file.startsWith('oidc-')), 'the sign-in chunk');
  });
});
