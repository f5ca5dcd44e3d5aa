import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The example apps (examples/<name>) the journeys run, each built into a fixture folder the test server serves. */
export const EXAMPLE_APPS = ['react', 'vue'];
export const examplePage = (name) => `/test/fixtures/${name}-example/index.html`;

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = (name) => fileURLToPath(new URL(`../fixtures/${name}-example/`, import.meta.url));
const building = new Map();

/**
 * Builds examples/<name> as an adopter would (vite, the package by its exports), once per test run, with its settings
 * pointed at the test backend's SwissID and API and the test client instead of `examples/serve.mjs`'s: answers the
 * page's path on the test server.
 */
export function buildExampleApp(name, settings) {
  if (!EXAMPLE_APPS.includes(name)) throw new Error(`no example app ${name}`);
  if (!building.has(name)) {
    const built = build({
      root: `${root}examples/${name}`,
      configFile: `${root}examples/${name}/vite.config.ts`,
      logLevel: 'error',
      build: { outDir: outDir(name), emptyOutDir: true, sourcemap: false },
      plugins: [
        {
          name: 'test-settings',
          enforce: 'pre',
          resolveId: (id) => (id === './settings.js' ? '\0test-settings' : null),
          load: (id) => (id === '\0test-settings' ? `export const settings = ${JSON.stringify(settings)};` : null),
        },
      ],
    });
    building.set(name, built.then(() => examplePage(name)));
  }
  return building.get(name);
}

export function removeExampleApps() {
  for (const name of EXAMPLE_APPS) rmSync(outDir(name), { recursive: true, force: true });
}
