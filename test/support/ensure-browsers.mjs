import { execFileSync } from 'node:child_process';
import { missingBrowsers } from './browsers.mjs';

/** Installs Debian's browsers when they are missing (as root), or stops with the exact command to run. */
const missing = missingBrowsers();
if (missing.length > 0) {
  const packages = missing.map((browser) => browser.debianPackage);
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (process.getuid?.() === 0) {
    console.log(`Installing ${packages.join(', ')} from Debian: ${command}`);
    execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], { stdio: 'inherit' });
  } else {
    console.error(`The browser tests need Debian's ${packages.join(' and ')}. Install them with:\n  sudo ${command}`);
    process.exit(1);
  }
}
