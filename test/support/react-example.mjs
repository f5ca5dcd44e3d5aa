import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Where the journeys find the React example, built for the test backend (served by the test server). */
export const REACT_EXAMPLE_PAGE = '/test/fixtures/react-example/index.html';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = fileURLToPath(new URL('../fixtures/react-example/', import.meta.url));
let building = null;

/**
 * Builds examples/react as an adopter would (vite, the package by its exports), once per test run, with its
 * settings pointed at the test backend's SwissID and API and the test client instead of `npm start`'s.
 */
export function buildReactExample(settings) {
  building ??= build({
    root: `${root}examples/react`,
    configFile: `${root}examples/react/vite.config.ts`,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false },
    plugins: [
      {
        name: 'test-settings',
        enforce: 'pre',
        resolveId: (id) => (id === './settings.js' ? '\0test-settings' : null),
        load: (id) => (id === '\0test-settings' ? `export const settings = ${JSON.stringify(settings)};` : null),
      },
    ],
  }).then(() => REACT_EXAMPLE_PAGE);
  return building;
}

export function removeReactExample() {
  rmSync(outDir, { recursive: true, force: true });
}
