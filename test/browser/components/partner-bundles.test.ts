import { expect } from '@open-wc/testing';
import { waitFor } from '../support.js';

/**
 * The partner bundles as built (dist/cdn, dist/cdn-single: `npm run build` first), each in a page of its own (an
 * iframe of the test page's origin): loaded under another address than the plain one, with integrity values, and
 * with a wrong one.
 */
interface BundlePage {
  window: Window & { __errors?: string[]; __scriptFailed?: boolean };
  document: Document;
}

const ELEMENTS = ['post-login', 'swissid-link-banner', 'address-picker'];
let frame: HTMLIFrameElement | null = null;

/** A page with the three elements and one module script (`src`, with `integrity` when given). */
async function open(src: string, integrity?: string): Promise<BundlePage> {
  frame = document.createElement('iframe');
  const checked = integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
  const script = `<script type="module" src="${src}"${checked} onerror="window.__scriptFailed = true"></script>`;
  // The page notes every error, such as a second registration of an element.
  frame.srcdoc = `<!doctype html><html lang="de"><head>
<script>window.__errors = []; addEventListener('error', (event) => window.__errors.push(String(event.message)));</script>
${script}</head><body>
<post-login authority="http://localhost:1" client-id="partner-test"></post-login>
<swissid-link-banner></swissid-link-banner>
<form><address-picker name="address"></address-picker></form>
</body></html>`;
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { window: frame.contentWindow as BundlePage['window'], document: frame.contentDocument! };
}

async function integrityOf(folder: string): Promise<Record<string, string>> {
  return (await fetch(`/dist/${folder}/integrity.json`)).json() as Promise<Record<string, string>>;
}

/** Every element defined, and the mask painted by the one definition. */
async function allDefined(page: BundlePage): Promise<void> {
  await waitFor(() => ELEMENTS.every((tag) => page.window.customElements.get(tag)), 'the three elements');
  const login = page.document.querySelector('post-login')!;
  await waitFor(() => login.shadowRoot?.querySelector('[part~="sign-in-button"]'), 'the mask');
  expect(login).to.be.an.instanceOf(page.window.customElements.get('post-login')!);
}

describe('the partner bundles', () => {
  afterEach(() => {
    frame?.remove();
    frame = null;
  });

  it('loaded under another address (a query string), registers each element once, from one copy', async () => {
    const page = await open('/dist/cdn/post-login-widgets.js?v=3');
    await allDefined(page);
    expect(page.window.__errors, 'no second registration, no error').to.deep.equal([]);
    // The element on the page is the plain address's: the copy the chunks use too, so the page runs one copy.
    const importPlain = new (page.window as unknown as { Function: FunctionConstructor }).Function('return import("/dist/cdn/post-login-widgets.js")');
    const plain = (await importPlain()) as { PostLogin: CustomElementConstructor };
    expect(page.window.customElements.get('post-login')).to.equal(plain.PostLogin);
    // The banner's chunk came once, with the plain address's copy: the one that registered it.
    const loaded = page.window.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(loaded.filter((path) => /\/chunks\/swissid-link-banner-[\w-]+\.js$/.test(path))).to.have.length(1);
  });

  it('the single-file bundle runs with its one integrity value', async () => {
    const integrity = await integrityOf('cdn-single');
    const page = await open('/dist/cdn-single/post-login-widgets.js', integrity['post-login-widgets.js']);
    await allDefined(page);
    expect(page.window.__errors).to.deep.equal([]);
    const chunks = page.window.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/chunks/'));
    expect(chunks, 'nothing else loaded').to.deep.equal([]);
  });

  it('a bundle whose integrity value does not match is not run', async () => {
    const integrity = await integrityOf('cdn-single');
    const wrong = integrity['post-login-widgets.js'].replace(/^sha384-./, (start) => (start.endsWith('A') ? 'sha384-B' : 'sha384-A'));
    const page = await open('/dist/cdn-single/post-login-widgets.js', wrong);
    // The browser fetched the file and refused it (the script's error event): nothing was registered.
    await waitFor(() => page.window.__scriptFailed, 'the refusal');
    expect(page.window.customElements.get('post-login')).to.equal(undefined);
  });
});
