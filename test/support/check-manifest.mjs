import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

/**
 * Fails when the committed custom-elements.json, or the editor data made from it (web-types.json for JetBrains,
 * vscode.html-custom-data.json for VS Code), is not what the analyzer makes of the current source. Modules are
 * compared in path order, and a mismatch is analysed once more before it counts: a CI run once reported a mismatch
 * that no later run of the same commit reproduced.
 */
const outdir = 'node_modules/.cache/manifest-check'; // the analyzer takes it relative to the project

const FILES = ['custom-elements.json', 'web-types.json', 'vscode.html-custom-data.json'];

/** The files as text, the manifest's modules in path order. */
function canonical(read) {
  return FILES.map((file) => {
    const data = JSON.parse(read(file));
    data.modules?.sort((a, b) => a.path.localeCompare(b.path));
    return `${file}\n${JSON.stringify(data, null, 2)}`;
  }).join('\n');
}

/** The first place where two texts differ, with some context, for the error message. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 120), i + 80)}…\n  vs\n…${b.slice(Math.max(0, i - 120), i + 80)}…`;
}

function analyze() {
  try {
    execFileSync('npx', ['cem', 'analyze', '--outdir', outdir, '--quiet'], { stdio: ['inherit', 'ignore', 'inherit'] });
    return canonical((file) => readFileSync(`${outdir}/${file}`, 'utf8'));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const committed = canonical((file) => readFileSync(file, 'utf8'));

// The plugins that make the manifest the public API read the source with patterns: what they could not read must
// not pass unnoticed (tools/manifest-plugins.mjs).
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const problems = [];
for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
  for (const event of declaration.events ?? []) {
    if (event.name.startsWith(`${declaration.tagName}-`) && (!event.type?.text || event.type.text === 'Event')) {
      problems.push(`${declaration.tagName}: event ${event.name} has no event class`);
    }
  }
}
const leftNames = JSON.stringify(manifest).match(/"text":"[^"]*\b(?:SignInFlow|SignInMethod|LoginStatus|AddressService|ErrorCode|LinkErrorCode|AddressErrorCode)\b[^"]*"/g);
if (leftNames) problems.push(`union types left as names: ${[...new Set(leftNames)].join(', ')}`);
if (/"(?:path|module)":"src\//.test(JSON.stringify(manifest))) problems.push('a module path points to src/, which is not shipped');
if (problems.length > 0) {
  console.error(`custom-elements.json does not describe the public API:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
let fresh = analyze();
if (fresh !== committed) {
  console.warn('custom-elements.json differs from a fresh analysis; analysing once more.');
  fresh = analyze();
}
if (fresh !== committed) {
  console.error(`${FILES.join(', ')}: out of date; run \`npm run manifest\` and commit the result.`);
  console.error(`first difference (committed vs fresh):\n${firstDifference(committed, fresh)}`);
  process.exit(1);
}
console.log(`${FILES.join(', ')}: up to date.`);
