// The React JSX and Vue typings (src/react/jsx.ts, src/vue/index.d.ts) list each element's properties and attributes
// by hand: every public property and attribute of custom-elements.json must be in them, so that a new one cannot be
// forgotten there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const manifest = JSON.parse(read('custom-elements.json'));
const jsx = read('src/react/jsx.ts');
const vue = read('src/vue/index.d.ts');

/** The block of a typing file that describes one element: from its name to the next blank line. */
function block(source, start) {
  const from = source.indexOf(start);
  assert.ok(from >= 0, `${start} is in the typings`);
  return source.slice(from, source.indexOf('\n\n', from));
}

const names = { 'post-login': 'PostLogin', 'swissid-link-banner': 'SwissIdLinkBanner', 'address-picker': 'AddressPicker' };

for (const element of manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName)) {
  const properties = element.members
    .filter((member) => member.kind === 'field' && !member.static && !member.readonly && !member.privacy)
    .map((member) => member.name);
  const attributes = (element.attributes ?? []).map((attribute) => attribute.name);
  const name = names[element.tagName];

  describe(`<${element.tagName}> in the framework typings`, () => {
    it('React 19 JSX: every attribute and every property', () => {
      const attributesBlock = block(jsx, `export interface ${name}Attributes`);
      for (const attribute of attributes) assert.match(attributesBlock, new RegExp(`(^|\\s)'?${attribute}'?\\?:`), attribute);
      const propsBlock = block(jsx, `export type ${name}Props`);
      for (const property of properties) assert.ok(propsBlock.includes(`'${property}'`), property);
    });

    it("Vue's GlobalComponents: every property", () => {
      const propsBlock = block(vue, `export type ${name}VueComponent`);
      for (const property of properties) assert.ok(propsBlock.includes(`'${property}'`), property);
    });
  });
}
