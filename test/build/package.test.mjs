// The package as an adopting team gets it (npm run build first): what `npm publish` would ship, and a consumer that
// installs the packed tarball, imports each entry as the README does and type-checks against the shipped types.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const npm = (...args) => execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The packages npm would install with the package: its dependencies and theirs, as the lock file has them. */
function runtimeDependencies() {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const names = new Set();
  const visit = (name) => {
    if (names.has(name)) return;
    const entry = lock.packages[`node_modules/${name}`];
    assert.ok(entry, `${name} is in the lock file`);
    names.add(name);
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(dependency);
  };
  for (const name of Object.keys(lock.packages[''].dependencies)) visit(name);
  return [...names];
}

describe('the published package', () => {
  const [pack] = JSON.parse(npm('pack', '--dry-run', '--json', '--ignore-scripts'));
  const files = pack.files.map((file) => file.path);

  it('ships the built entries, their types, the partner bundles, the manifest, the editor data and the licence', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'package.json',
      'custom-elements.json',
      'web-types.json',
      'vscode.html-custom-data.json',
      'dist/index.js',
      'dist/post-login.js',
      'dist/swissid-link-banner.js',
      'dist/address-picker.js',
      'dist/react.js',
      'dist/types/index.d.ts',
      'dist/types/post-login/index.d.ts',
      'dist/cdn/post-login-widgets.js',
      'dist/cdn/integrity.json',
      'dist/cdn-single/post-login-widgets.js',
    ]) {
      assert.ok(files.includes(file), `${file} is in the package`);
    }
  });

  it('ships no source, tests, demo backend or local data', () => {
    const stray = files.filter((file) => /^(src|test|demo|stories|bench|tools|examples|node_modules)\//.test(file) || file.endsWith('.tgz'));
    assert.deepEqual(stray, []);
  });

  it('passes `npm publish --dry-run`', () => {
    const output = execFileSync('npm', ['publish', '--dry-run', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.match(output, /\+ post-login-widgets@\d+\.\d+\.\d+/);
  });

  it('is publishable: not private, with licence, repository and every file package.json points to', () => {
    const manifest = JSON.parse(npm('pkg', 'get', '--json'));
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.license, 'Apache-2.0');
    assert.ok(manifest.repository?.url, 'repository');
    const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(targets));
    const named = [...targets(manifest.exports), manifest.customElements, manifest['web-types'], manifest.types, manifest.main]
      .filter((target) => !target.includes('*'))
      .map((target) => target.replace(/^\.\//, ''));
    for (const target of new Set(named)) assert.ok(files.includes(target), `${target} (named in package.json) is shipped`);
  });
});

describe('a consumer of the packed tarball', () => {
  let app;

  before(() => {
    app = mkdtempSync(join(tmpdir(), 'post-login-consumer-'));
    const tarball = JSON.parse(npm('pack', '--json', '--ignore-scripts', '--pack-destination', app))[0].filename;
    const installed = join(app, 'node_modules', 'post-login-widgets');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(app, tarball), '-C', installed, '--strip-components=1']);
    // Its dependencies as npm would install them, and nothing else: this repository's copies (no registry needed).
    for (const name of runtimeDependencies()) {
      mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
      symlinkSync(join(root, 'node_modules', name), join(app, 'node_modules', name));
    }
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  });

  after(() => rmSync(app, { recursive: true, force: true }));

  it('type-checks the README imports: elements, event classes and typed events per entry', () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      `import 'post-login-widgets/post-login.js';
import { PostLoginErrorEvent, type PostLogin } from 'post-login-widgets/post-login.js';
import { SwissIdLinkBannerLinkedEvent } from 'post-login-widgets/swissid-link-banner.js';
import { AddressPicker, AddressPickerSaveEvent } from 'post-login-widgets/address-picker.js';
import type { Profile, Account } from 'post-login-widgets';

const login: PostLogin = document.createElement('post-login');
login.addEventListener('post-login-sign-in', (event) => {
  const profile: Profile = event.profile;
  const accounts: Account[] | undefined = profile.accounts;
  console.log(profile.name, accounts?.length, event.via);
});
document.addEventListener('post-login-error', (event) => console.log(event.code, event.diagnostic, event instanceof PostLoginErrorEvent));
document.querySelector('swissid-link-banner')?.addEventListener('swissid-link-banner-linked', (event) => {
  console.log(event instanceof SwissIdLinkBannerLinkedEvent);
});
const picker: AddressPicker | null = document.querySelector('address-picker');
picker?.addEventListener('address-picker-save', (event: AddressPickerSaveEvent) => console.log(event.type));
// @ts-expect-error: events are typed, not plain Event
login.addEventListener('post-login-sign-in', (event) => event.notAProperty);
// @ts-expect-error: flow is a union of its two values
login.flow = 'iframe';
`,
    );
    // As bundlers resolve (the exports map), as Node resolves ESM (node16), and as older setups do (node10, through
    // typesVersions).
    for (const [module, moduleResolution] of [['esnext', 'bundler'], ['node16', 'node16'], ['commonjs', 'node10']]) {
      writeFileSync(
        join(app, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'es2022',
            module,
            moduleResolution,
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            lib: ['es2022', 'dom', 'dom.iterable'],
            types: [],
            ...(moduleResolution === 'node10' ? { ignoreDeprecations: '5.0' } : {}),
          },
          files: ['consumer.ts'],
        }),
      );
      try {
        execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
      } catch (error) {
        assert.fail(`moduleResolution ${moduleResolution}:\n${error.stdout}`);
      }
    }
  });

  it('imports every entry in Node with only its dependencies installed', () => {
    const script = `
      for (const entry of ['post-login-widgets', 'post-login-widgets/post-login.js', 'post-login-widgets/swissid-link-banner.js', 'post-login-widgets/address-picker.js']) {
        const module = await import(entry);
        if (Object.keys(module).length === 0) throw new Error(entry + ' exports nothing');
      }
      console.log(['post-login', 'swissid-link-banner', 'address-picker'].map((tag) => Boolean(customElements.get(tag))).join());`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    assert.equal(output.trim(), 'true,true,true');
  });

  it('resolves package.json, the manifest and the partner bundle through the exports', () => {
    const script = `
      const resolved = ['post-login-widgets/package.json', 'post-login-widgets/custom-elements.json', 'post-login-widgets/cdn/post-login-widgets.js', 'post-login-widgets/cdn/integrity.json']
        .map((specifier) => import.meta.resolve(specifier).split('/node_modules/')[1]);
      console.log(JSON.stringify(resolved));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output), [
      'post-login-widgets/package.json',
      'post-login-widgets/custom-elements.json',
      'post-login-widgets/dist/cdn/post-login-widgets.js',
      'post-login-widgets/dist/cdn/integrity.json',
    ]);
  });
});
