// What an adopting page meets: properties set before the elements are defined, and a developer told of a wrong `for`.
import { expect } from '@open-wc/testing';
import { AddressPicker, PostLogin, SwissIdLinkBanner } from '../../../src/index.js';
import { part, waitFor } from '../support.js';

/**
 * Frameworks may create a tag and set its properties before the element's module has run (React renders, the import
 * comes later). Every public property set then is kept once the element is defined. Each element is defined here
 * under a tag of its own, so that it is still undefined when the properties are set.
 */
const elements = [
  ['post-login', PostLogin],
  ['swissid-link-banner', SwissIdLinkBanner],
  ['address-picker', AddressPicker],
] as const;

let defined = 0;

/** A value of the property's kind, different from the element's default. */
function valueFor(name: string, type: unknown): unknown {
  if (type === Number) return 42;
  if (type === Boolean) return true;
  if (name === 'texts') return { maskTitle: 'Titel vor dem Import' };
  if (name === 'preview') return { status: 'signed-out' };
  if (name === 'flow') return 'popup';
  if (name === 'service') return 'billing';
  return `${name}-before-upgrade`;
}

describe('properties set before the element is defined', () => {
  for (const [tag, Element] of elements) {
    it(`<${tag}> keeps every public property`, async () => {
      const lateTag = `${tag}-late-${++defined}`;
      const element = document.createElement(lateTag) as unknown as Record<string, unknown> & HTMLElement;
      const properties = [...Element.elementProperties].filter(([, options]) => !options.state);
      expect(properties.length, 'public properties').to.be.greaterThan(4);
      const expected = Object.fromEntries(properties.map(([name, options]) => [name, valueFor(String(name), options.type)]));
      Object.assign(element, expected);
      document.body.append(element);
      customElements.define(lateTag, class extends (Element as unknown as CustomElementConstructor) {});
      try {
        await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        for (const [name, value] of Object.entries(expected)) {
          // Taken over by the element's own property (not left as a plain field that shadows it), with the value.
          expect(Object.hasOwn(element, name), `${name} is the element's property`).to.equal(false);
          expect(element[name], name).to.deep.equal(value);
        }
      } finally {
        element.remove();
      }
    });
  }

  it('a text override set before the upgrade is what the customer reads', async () => {
    const lateTag = `post-login-late-${++defined}`;
    const element = document.createElement(lateTag) as PostLogin;
    element.texts = { maskTitle: 'Willkommen zurück' };
    element.setAttribute('authority', 'http://localhost:4001');
    element.setAttribute('client-id', 'post-login-test');
    document.body.append(element);
    customElements.define(lateTag, class extends PostLogin {});
    try {
      await waitFor(() => part(element, 'title')?.textContent === 'Willkommen zurück', 'the overridden title');
    } finally {
      element.remove();
    }
  });
});

describe('a `for` that names no login', () => {
  for (const tag of ['swissid-link-banner', 'address-picker']) {
    it(`<${tag}> tells the page's developer once, naming the id`, async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      const element = document.createElement(tag);
      element.setAttribute('for', 'header-login');
      try {
        document.body.append(element);
        await waitFor(() => warnings.length > 0, 'the warning');
        // Later login events (another login signing in) do not repeat it.
        document.dispatchEvent(new Event('post-login-sign-in'));
        await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      } finally {
        console.warn = warn;
        element.remove();
      }
      expect(warnings).to.deep.equal([[`<${tag} for="header-login">: no such <post-login>`, element]]);
    });
  }
});
