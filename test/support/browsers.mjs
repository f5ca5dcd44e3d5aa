import { existsSync } from 'node:fs';

/**
 * The browsers come from Debian (`chromium`, `firefox-esr`); tools never download their own. When one is missing the
 * test command stops with the exact command to install it (test/support/ensure-browsers.mjs installs them when run
 * as root).
 */
export const BROWSERS = {
  chromium: { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', debianPackage: 'chromium' },
  firefox: { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', debianPackage: 'firefox-esr' },
};

/**
 * Features Playwright 1.65 turns off itself (its chromiumSwitches.ts). Chromium obeys only the last
 * `--disable-features`, and Playwright puts its own first: ours must repeat them, or it would turn them back on.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/**
 * Chromium flags for this machine: headless as root, no background traffic to hosts it cannot reach, and none of the
 * browser's own address-bar pages: headless Chromium opens a window per new tab and loaded ~300 files of its omnibox
 * popup (WebUI) for most of them, on the same 2 cores as the page under test.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'].join(',')}`,
];

export function missingBrowsers() {
  return Object.values(BROWSERS).filter((browser) => !existsSync(browser.path));
}

export function browserPaths() {
  return { chromium: BROWSERS.chromium.path, firefox: BROWSERS.firefox.path };
}
