/**
 * Analyzer plugins that turn what @custom-elements-manifest/analyzer reads from src/ into the package's public API, so
 * that custom-elements.json can be the single source for docs, Storybook and editor data:
 * - only the tag-prefixed events (and a form field's `change`/`input`), each typed with its event class;
 * - no private members; type aliases of string unions written out (`'redirect' | 'popup'`, not `SignInFlow`);
 * - every `--post-*` custom property an element honours (the shared design tokens included), not only those its own
 *   doc comment names;
 * - modules as the package ships them: one per entry in dist/ (`dist/post-login.js`, …), nothing internal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SRC = 'src';

/** Where each source folder's public API is imported from, in the package. */
const ENTRIES = {
  'post-login': 'dist/post-login.js',
  'swissid-link-banner': 'dist/swissid-link-banner.js',
  'address-picker': 'dist/address-picker.js',
};

function sourceFiles(dir = SRC) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(dir, file).split('\\').join('/'));
}

/**
 * The unions to write out, from anywhere in src: `export type Name = 'a' | 'b' …;` and
 * `export type Name = (typeof LIST)[number];` of an `export const LIST = ['a', 'b'] as const;`.
 */
function stringUnions() {
  const unions = new Map();
  for (const file of sourceFiles()) {
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''); // doc comments between the members
    for (const [, name, union] of source.matchAll(/export type (\w+) =\s*((?:\|?\s*'[^']*'\s*)+);/g)) {
      unions.set(name, union.replace(/\s+/g, ' ').replace(/^\| /, '').trim());
    }
    for (const [, name, list] of source.matchAll(/export type (\w+) = \(typeof (\w+)\)\[number\];/g)) {
      const items = source.match(new RegExp(`export const ${list} = \\[([^\\]]*)\\] as const;`))?.[1];
      if (items) unions.set(name, items.split(',').map((item) => item.trim()).filter(Boolean).join(' | '));
    }
  }
  return unions;
}

/** The event class of each event name: `class X extends Event { … super('name', …)` in the events files. */
function eventClasses() {
  const classes = new Map();
  for (const file of sourceFiles().filter((path) => path.endsWith('.events.ts'))) {
    for (const [, name, type] of readFileSync(file, 'utf8').matchAll(/export class (\w+) extends Event \{[\s\S]*?super\('([\w-]+)'/g)) {
      classes.set(type, name);
    }
  }
  return classes;
}

/** The `--post-*` custom properties in an element's styles and in the shared style modules those import. */
function customPropertiesOf(folder) {
  const seen = new Set();
  const names = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [name] of source.matchAll(/--post-[a-z0-9-]+/g)) names.add(name);
    for (const [, path] of source.matchAll(/from '(\.{1,2}\/[^']+\.styles)\.js'/g)) visit(join(dirname(file), `${path}.ts`));
  };
  for (const file of sourceFiles(join(SRC, folder)).filter((path) => path.endsWith('.styles.ts'))) visit(file);
  return names;
}

function expandTypes(node, unions) {
  if (!node || typeof node !== 'object') return;
  if (typeof node.type?.text === 'string') {
    node.type.text = node.type.text.replace(/\b[A-Z]\w*\b/g, (name) => (unions.has(name) ? unions.get(name) : name));
  }
  for (const value of Object.values(node)) if (typeof value === 'object') expandTypes(value, unions);
}

/** Only the public API, typed and complete, per declaration. */
export function publicApi() {
  return {
    name: 'public-api',
    packageLinkPhase({ customElementsManifest }) {
      const unions = stringUnions();
      const events = eventClasses();
      const elements = customElementsManifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
      // The design tokens are documented once, on <post-login>; the other elements honour the same ones.
      const tokenDocs = new Map(
        elements.flatMap((element) => element.cssProperties ?? []).filter((property) => property.description).map((property) => [property.name, property]),
      );
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          // Private fields and methods are not API.
          if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private');
          if (!declaration.tagName) continue;
          // The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))`; only the tag-prefixed events and
          // the native-named ones a form field fires are part of the API.
          const formField = declaration.members?.some((member) => member.static && member.name === 'formAssociated');
          declaration.events = (declaration.events ?? [])
            .filter((event) => event.name?.startsWith(`${declaration.tagName}-`) || (formField && ['change', 'input'].includes(event.name)))
            .map((event) => ({ ...event, type: { text: events.get(event.name) ?? 'Event' } }));
          const own = new Map((declaration.cssProperties ?? []).map((property) => [property.name, property]));
          const folder = module.path.split('/')[1];
          for (const name of customPropertiesOf(folder)) if (!own.has(name)) own.set(name, tokenDocs.get(name) ?? { name });
          declaration.cssProperties = [...own.values()].sort((a, b) => a.name.localeCompare(b.name));
        }
        for (const declaration of module.declarations ?? []) expandTypes(declaration, unions);
      }
    },
  };
}

/**
 * Modules as the package ships them: each element with its event classes under its entry in dist/, and the main
 * entry re-exporting them all. Inherited members stay listed on the element (their source class is internal).
 */
export function distModules() {
  return {
    name: 'dist-modules',
    packageLinkPhase({ customElementsManifest }) {
      const modules = [];
      for (const [folder, path] of Object.entries(ENTRIES)) {
        const declarations = customElementsManifest.modules
          .filter((module) => module.path.startsWith(`${SRC}/${folder}/`))
          .filter((module) => module.path.endsWith('.events.ts') || module.declarations?.some((declaration) => declaration.tagName))
          .flatMap((module) => module.declarations ?? [])
          .filter((declaration) => declaration.tagName || declaration.kind === 'class');
        for (const declaration of declarations) {
          // An element's own base class is internal (its settings); the event classes extend the global Event.
          if (declaration.tagName) declaration.superclass = { name: 'LitElement', package: 'lit' };
          else if (declaration.superclass?.name === 'Event') declaration.superclass = { name: 'Event', package: 'global:' };
          for (const list of [declaration.members, declaration.attributes]) for (const entry of list ?? []) delete entry.inheritedFrom;
        }
        const exports = declarations.flatMap((declaration) => [
          { kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: path } },
          ...(declaration.tagName ? [{ kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: path } }] : []),
        ]);
        modules.push({ kind: 'javascript-module', path, declarations, exports });
      }
      const reexports = modules.map((module) => ({ kind: 'js', name: '*', declaration: { name: '*', module: module.path } }));
      modules.unshift({ kind: 'javascript-module', path: 'dist/index.js', declarations: [], exports: reexports });
      customElementsManifest.modules = modules;
    },
  };
}
