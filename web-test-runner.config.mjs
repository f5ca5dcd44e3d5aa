import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { browserPaths, CHROMIUM_ARGS } from './test/support/browsers.mjs';
import { referenceBackendPlugin, TEST_SERVER_PORT } from './test/support/backend-plugin.mjs';

/**
 * Browser tests: component tests in Chromium and Firefox, provider journeys (real redirect and popup sign-ins
 * against the reference backend) in Chromium, one file at a time since they share the provider (see package.json:
 * test:components, test:journeys). Browsers are Debian's; see test/support/browsers.mjs.
 */
const { chromium, firefox } = browserPaths();

const chromiumLauncher = playwrightLauncher({
  product: 'chromium',
  launchOptions: {
    executablePath: chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    // Keep Chromium's popup blocker on, so that a popup opened without a click is really blocked.
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  },
});

const firefoxLauncher = puppeteerLauncher({
  launchOptions: { browser: 'firefox', executablePath: firefox, headless: true },
  // One page at a time: Firefox gives keyboard focus to one page only, and the keyboard tests need it.
  concurrency: 1,
});

const only = process.env.BROWSERS?.split(',');
const pick = (...launchers) =>
  launchers.filter((launcher) => !only || only.some((name) => launcher.name.toLowerCase().startsWith(name)));

export default {
  port: TEST_SERVER_PORT,
  hostname: 'localhost',
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  concurrentBrowsers: 2,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 900_000,
  testFramework: { config: { timeout: 30_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), referenceBackendPlugin()],
  files: 'test/browser/components/**/*.test.ts',
  browsers: pick(chromiumLauncher, firefoxLauncher),
};
