// The partner bundles as built (npm run build): every JavaScript file has its Subresource Integrity value in the
// folder's integrity.json, and the value is that of the file; the single-file bundle loads nothing else.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

function javascriptFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.js'))
    .map((file) => relative(dir, join(dir, file)).split('\\').join('/'))
    .sort();
}

const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

for (const folder of ['cdn', 'cdn-single']) {
  describe(`dist/${folder}/integrity.json`, () => {
    const dir = join(dist, folder);
    const integrity = JSON.parse(readFileSync(join(dir, 'integrity.json'), 'utf8'));

    it('lists every JavaScript file of the folder, and nothing else', () => {
      assert.deepEqual(Object.keys(integrity).sort(), javascriptFiles(dir));
    });

    it('gives each file its own sha384 value', () => {
      for (const [file, value] of Object.entries(integrity)) assert.equal(value, sri(join(dir, file)), file);
    });
  });
}

describe('the single-file partner bundle', () => {
  it('is one file that imports nothing', () => {
    const dir = join(dist, 'cdn-single');
    assert.deepEqual(javascriptFiles(dir), ['post-login-widgets.js']);
    const code = readFileSync(join(dir, 'post-login-widgets.js'), 'utf8');
    assert.doesNotMatch(code, /\bimport\s*\(\s*["'`]\.{1,2}\//, 'no lazy chunk');
    assert.doesNotMatch(code, /(?:^|[;}\n])\s*import\s*[\w{*]/, 'no static import');
  });
});
