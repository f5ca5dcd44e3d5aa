// The package renders on the server with lit SSR (@lit-labs/ssr, without its global DOM shim): importing the
// elements, constructing them and their first render touch no browser-only global, and the mask comes out in the
// element's own language inside a declarative shadow root. Node runs each test file in a process of its own, so the
// traps below see only this file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

const BROWSER_ONLY = [
  'window',
  'document',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'MutationObserver',
  'IntersectionObserver',
  'ResizeObserver',
  'matchMedia',
  'requestAnimationFrame',
  'requestIdleCallback',
  'PerformanceObserver',
];

/** Every read of a browser-only global from the package's own files (lit itself checks for `document` on import). */
const touched = [];
for (const name of BROWSER_ONLY) {
  if (name in globalThis) continue;
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      const stack = new Error().stack ?? '';
      if (stack.includes('/dist/')) touched.push(`${name}\n${stack}`);
      return undefined;
    },
  });
}

const { render } = await import('@lit-labs/ssr');
const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
const { html } = await import('lit');
await import('post-login-widgets'); // the package's own entry, as an app on the server imports it

const withoutStyles = (markup) => markup.replace(/<style>[\s\S]*?<\/style>/g, '');

describe('server rendering with lit SSR', () => {
  it('imports every element without touching a browser-only global', () => {
    assert.deepEqual(touched, []);
  });

  it("renders the login mask in the element's language, in a declarative shadow root", async () => {
    const markup = withoutStyles(
      await collectResult(
        render(html`
          <post-login lang="fr" authority="https://login.example" client-id="site" api="https://api.example"></post-login>
          <post-login lang="it" authority="https://login.example" client-id="site"></post-login>
        `),
      ),
    );
    assert.match(markup, /<post-login[^>]*lang="fr"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(markup, /Se connecter avec SwissID/);
    assert.match(markup, /Login con SwissID/);
    assert.deepEqual(touched, []);
  });

  it('imports the React wrappers on the server too, and React renders their tags there', async () => {
    const { PostLogin } = await import('post-login-widgets/react');
    const React = await import('react');
    const { renderToString } = await import('react-dom/server');
    // @lit/react sets the props in the browser; the server sends the tag (lit SSR inside React needs @lit-labs/ssr-react).
    assert.match(renderToString(React.createElement(PostLogin, { authority: 'https://login.example', clientId: 'site' })), /^<post-login>/);
    assert.deepEqual(touched, []);
  });

  it('renders the link banner and the address picker, empty until a login is there', async () => {
    const markup = withoutStyles(
      await collectResult(
        render(html`
          <swissid-link-banner for="login" lang="de"></swissid-link-banner>
          <form><address-picker name="address" service="forwarding" lang="en"></address-picker></form>
        `),
      ),
    );
    assert.match(markup, /<swissid-link-banner[^>]*><template shadowroot="open"/);
    assert.match(markup, /<address-picker[^>]*><template shadowroot="open"/);
    assert.deepEqual(touched, []);
  });
});
