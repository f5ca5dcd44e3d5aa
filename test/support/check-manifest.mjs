import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

/** Fails when the committed custom-elements.json is not what the analyzer makes of the current source. */
const outdir = 'node_modules/.cache/manifest-check'; // the analyzer takes it relative to the project
try {
  execFileSync('npx', ['cem', 'analyze', '--outdir', outdir, '--quiet'], { stdio: 'inherit' });
  const fresh = readFileSync(`${outdir}/custom-elements.json`, 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh !== committed) {
    console.error('custom-elements.json is out of date: run `npm run manifest` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
