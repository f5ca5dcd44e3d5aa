// The example apps against the built package (npm run build first): each type-checks with tsc against the shipped
// types, which they import by the package's own name (`post-login-widgets`, `/react`, `/vue`: the exports map), and
// the React example builds with vite. The examples' check files use every event prop and mark wrong props with
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
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/** tsc on one example's tsconfig.json: its exit code and what it printed. */
const typeCheck = (example) =>
  new Promise((resolve) => {
    execFile(process.execPath, [tsc, '-p', join(root, 'examples', example)], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });

describe('the example apps', () => {
  const checks = {};
  let outDir;
  let built;

  before(() => {
    assert.ok(existsSync(join(root, 'dist/types/react/index.d.ts')), 'dist/ is built (npm run build)');
    // All at once: each tsc is a process of its own, the vite build runs here.
    for (const example of ['react', 'vue-types', 'html']) checks[example] = typeCheck(example);
    outDir = mkdtempSync(join(tmpdir(), 'post-login-react-example-'));
    built = build({
      root: join(root, 'examples/react'),
      configFile: join(root, 'examples/react/vite.config.ts'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
  });

  after(() => outDir && rmSync(outDir, { recursive: true, force: true }));

  for (const [example, what] of [
    ['react', 'the React wrappers with every event prop, and the plain tags in React 19 JSX'],
    ['vue-types', "Vue's GlobalComponents: props and every event of the three elements"],
    ['html', "the plain page's script: the events' fields through GlobalEventHandlersEventMap"],
  ]) {
    it(`type-checks examples/${example}: ${what}`, async () => {
      const { code, output } = await checks[example];
      assert.equal(code, 0, `tsc -p examples/${example}:\n${output}`);
    });
  }

  it('builds the React example with vite (TSX, automatic JSX runtime, the package resolved by its exports)', async () => {
    await built;
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const entry = html.match(/<script type="module" crossorigin src="\.\/(assets\/index-[\w-]+\.js)">/)?.[1];
    assert.ok(entry, `index.html loads the bundle:\n${html}`);
    const code = readFileSync(join(outDir, entry), 'utf8');
    assert.match(code, /post-login-sign-in/, 'the wrapper listens to post-login-sign-in');
    assert.match(code, /Welcome, /, "the app's own code is in the bundle");
    assert.doesNotMatch(code, /React is not defined|\bReact\.createElement\(/, 'the automatic JSX runtime, not React.createElement');
    // The elements' lazy chunks (languages, sign-in code) come along as files of their own.
    assert.ok(readdirSync(join(outDir, 'assets')).some((file) => file.startsWith('oidc-')), 'the sign-in chunk');
  });
});
