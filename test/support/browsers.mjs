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

export function missingBrowsers() {
  return Object.values(BROWSERS).filter((browser) => !existsSync(browser.path));
}

export function browserPaths() {
  return { chromium: BROWSERS.chromium.path, firefox: BROWSERS.firefox.path };
}
