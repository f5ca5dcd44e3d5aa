// The React JSX and Vue typings list each element's properties (src/framework-props.ts, shared by both) and attributes
// (src/react/jsx.ts) by hand: every public property and attribute of custom-elements.json must be in them, so that a
// new one cannot be forgotten there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const manifest = JSON.parse(read('custom-elements.json'));
const jsx = read('src/react/jsx.ts');
const properties = read('src/framework-props.ts');

/** The part of a typing file that describes one element: from its name to the next blank line. */
function block(source, start) {
  const from = source.indexOf(start);
  assert.ok(from >= 0, `${start} is in the typings`);
  return source.slice(from, source.indexOf('\n\n', from));
}

const names = { 'post-login': 'PostLogin', 'swissid-link-banner': 'SwissIdLinkBanner', 'address-picker': 'AddressPicker' };

for (const element of manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName)) {
  const publicProperties = element.members
    .filter((member) => member.kind === 'field' && !member.static && !member.readonly && !member.privacy)
    .map((member) => member.name);
  const attributes = (element.attributes ?? []).map((attribute) => attribute.name);
  const name = names[element.tagName];

  describe(`<${element.tagName}> in the framework typings`, () => {
    it('React 19 JSX: every attribute', () => {
      const attributesBlock = block(jsx, `export interface ${name}Attributes`);
      for (const attribute of attributes) assert.match(attributesBlock, new RegExp(`(^|\\s)'?${attribute}'?\\?:`), attribute);
    });

    it('React 19 JSX and Vue: every property', () => {
      const propertiesBlock = block(properties, `export type ${name}Property`);
      for (const property of publicProperties) assert.ok(propertiesBlock.includes(`'${property}'`), property);
    });
  });
}
