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
 * Chromium flags for this machine: headless as root, no background traffic to hosts it cannot reach, and none of the
 * browser's own address-bar pages: headless Chromium opens a window per new tab and loaded ~300 files of its omnibox
 * popup (WebUI) for most of them, on the same 2 cores as the page under test (`npm run bench` measured first paints
 * with that noise before: the plain form's middle half spread from 52 to 84 ms, and 48 to 56 ms without it).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

export function missingBrowsers() {
  return Object.values(BROWSERS).filter((browser) => !existsSync(browser.path));
}

export function browserPaths() {
  return { chromium: BROWSERS.chromium.path, firefox: BROWSERS.firefox.path };
}
