/**
 * Helpers for the browser tests: the fixture app page in an iframe (so the test page survives the redirect to the
 * provider and back), waiting on what the customer sees, and the leak checks (no token in events, URL or storage
 * beyond the session entry).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { PostLogin } from '../../src/index.js';
import { DEMO_ACCOUNTS, DEMO_POST_LOGINS, DEMO_SWISSID_IDENTITIES } from '../../demo/server/demo-data.mjs';

export const FIXTURE_URL = '/test/fixtures/app.html';
/** The demo sign-ins of demo/server/demo-data.mjs (in its order), with the name the widgets show for each. */
const withFullName = ({ email, password, givenName, familyName }: { email: string; password: string; givenName: string; familyName: string }) => ({
  email,
  password,
  name: `${givenName} ${familyName}`,
});
// accountId: the account each acts for (the account API's `/accounts/{accountId}/…`).
const [anna, marc, lea] = DEMO_ACCOUNTS.map((account) => ({ ...withFullName(account), accountId: account.id }));
export const ACCOUNTS = { anna, marc, lea };

/** Older Post customer logins (the second provider), see demo/server/demo-data.mjs. */
const [peter, nina, sara, thomas, claudia, weber] = DEMO_POST_LOGINS.map(({ email, password, givenName }) => ({ email, password, name: givenName, provider: 'post' }));
/** claudia and weber: Claudia Weber's private and business older logins, both to link to her one SwissID. */
export const POST_LOGINS = { peter, nina, thomas, sara, claudia, weber };
/** SwissIDs without Post accounts of their own, to link to. */
const [, nora, felix, claudiaSwissId] = DEMO_SWISSID_IDENTITIES.map((identity) => ({ ...withFullName(identity), sub: identity.id }));
export const NEW_SWISSIDS = { nora, felix, claudia: claudiaSwissId };

export interface BackendUrls {
  swissid: string;
  postLogin: string;
  api: string;
  demo: string;
  partner: string;
}

let urls: BackendUrls | null = null;
export async function backendUrls(): Promise<BackendUrls> {
  urls ??= (await executeServerCommand('backend-urls')) as BackendUrls;
  return urls;
}

/** Waits until `check` gives a value; `what` (or what it returns at the time out) says what was awaited and what was seen. */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string | (() => string), timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T | null | undefined | false;
    try {
      value = check();
    } catch {
      value = null; // e.g. the iframe is on the provider's origin right now
    }
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type AxeWindow = Window & { axe?: { run: (context: Element, options?: object) => Promise<AxeResults> } };
interface AxeResults {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/**
 * Runs axe-core in the element's own window (the test page or the fixture iframe) and fails with every violation.
 * axe is loaded as a classic script so that it can run in any frame of the test origin.
 */
export async function assertAccessible(element: Element): Promise<void> {
  const view = element.ownerDocument.defaultView as AxeWindow;
  if (!view.axe) {
    const script = element.ownerDocument.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    element.ownerDocument.head.append(script);
    await loaded;
  }
  const results = await view.axe!.run(element, { resultTypes: ['violations'] });
  if (results.violations.length > 0) {
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')})`);
    throw new Error(`axe found ${results.violations.length} violation(s):\n${summary.join('\n')}`);
  }
}

export function part(element: Element, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function visibleText(element: Element): string {
  return (element.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function fixtureConfig(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const { swissid, postLogin, api } = await backendUrls();
  return {
    authority: swissid,
    'client-id': 'post-login-test',
    'legacy-authority': postLogin,
    'legacy-client-id': 'post-login-test',
    api,
    ...overrides,
  };
}

/** The fixture page in an iframe; the frame keeps its identity across navigations. */
export class AppFrame {
  readonly iframe: HTMLIFrameElement;

  constructor(iframe: HTMLIFrameElement) {
    this.iframe = iframe;
  }

  static async open(config: Record<string, string>, { clearEvents = true } = {}): Promise<AppFrame> {
    sessionStorage.setItem('fixture:config', JSON.stringify(config));
    if (clearEvents) sessionStorage.removeItem('fixture:events');
    const iframe = document.createElement('iframe');
    iframe.style.width = '900px';
    iframe.style.height = '700px';
    iframe.src = FIXTURE_URL;
    document.body.append(iframe);
    const frame = new AppFrame(iframe);
    await frame.ready();
    return frame;
  }

  get window(): Window {
    return this.iframe.contentWindow!;
  }

  /** The element on the fixture page, once the page is back on the test origin and rendered. */
  element(): PostLogin {
    const element = this.iframe.contentDocument?.querySelector('post-login');
    if (!element?.shadowRoot?.childElementCount) throw new Error('not rendered');
    return element;
  }

  async ready(): Promise<PostLogin> {
    return waitFor(() => this.element(), 'the fixture page to render');
  }

  async waitForStatus(status: string, timeoutMs?: number): Promise<PostLogin> {
    return waitFor(() => this.element().status === status && this.element(), `status ${status}`, timeoutMs);
  }

  async reload(): Promise<PostLogin> {
    const old = this.iframe.contentDocument;
    this.window.location.reload();
    await waitFor(() => this.iframe.contentDocument !== old && this.iframe.contentDocument?.readyState === 'complete', 'reload');
    return this.ready();
  }

  href(): string {
    return this.window.location.href;
  }

  remove(): void {
    this.iframe.remove();
  }
}

export function events(): Array<Record<string, unknown> & { type: string }> {
  return JSON.parse(sessionStorage.getItem('fixture:events') ?? '[]');
}

export function eventsOfType(type: string) {
  return events().filter((event) => event.type === type);
}

/** Signs in through the real provider's login page in the frame (redirect flow); `provider: 'post'` for the older login. */
export async function signInWithRedirect(frame: AppFrame, account: { email: string; password: string; provider?: string } = ACCOUNTS.anna) {
  const element = await frame.ready();
  part(element, account.provider === 'post' ? 'legacy-sign-in-button' : 'sign-in-button')!.click();
  const result = (await executeServerCommand('provider-sign-in', account)) as { alert: string | null; lang: string };
  return result;
}

/** Every code, access and refresh token value the providers issued since `since` (ms, as Date.now() gives it). */
export async function issuedTokens(since: number): Promise<string[]> {
  return (await executeServerCommand('issued-tokens', { since: Math.floor(since / 1000) - 1 })) as string[];
}

/**
 * Every place a token must never appear: the host's events, the address bar, the page and every element's shadow
 * root, and web storage beyond the session entries (the one place tokens live). `tokens` are the values to look for
 * (say, every token the providers issued in the test: issuedTokens()); anything shaped like a JWT counts too.
 */
export function assertNoTokenLeak(frame: AppFrame, tokens: string[]): void {
  const document = frame.iframe.contentDocument!;
  const shadows = [...document.querySelectorAll('post-login, swissid-link-banner, address-picker')]
    .map((element) => element.shadowRoot?.innerHTML ?? '')
    .join('');
  const storage = [frame.window.localStorage, frame.window.sessionStorage]
    .flatMap((store) => Object.entries(store))
    .filter(([key]) => !key.startsWith('post-login:session:') && !key.startsWith('fixture:'))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  const places = {
    events: JSON.stringify(events()),
    url: frame.href(),
    dom: document.documentElement.outerHTML + shadows,
    storage,
  };
  for (const [where, text] of Object.entries(places)) {
    for (const token of tokens) {
      if (token && text.includes(token)) throw new Error(`A token appeared in ${where}`);
    }
    if (/eyJ[\w-]+\.eyJ[\w-]+\./.test(text)) throw new Error(`Something shaped like a JWT appeared in ${where}`);
  }
}

/**
 * Forgets that the next sign-in must ask for the password (every logout trip marks it, in case the provider's logout
 * does not happen), for the logins at `providerUrl` or all: then only the provider's own session decides whether its
 * login page asks, so that a test can show that the provider's logout really ended it.
 */
export function forgetFreshSignIns(frame: AppFrame, providerUrl?: string): void {
  const storage = frame.window.localStorage;
  for (const key of Object.keys(storage)) {
    if (key.startsWith(`post-login:fresh-sign-in:post-login:session:${providerUrl ?? ''}`)) storage.removeItem(key);
  }
}

/** Session entries in the frame's localStorage (the only place tokens live). */
export function storedSessions(frame: AppFrame): string[] {
  const storage = frame.window.localStorage;
  return Object.keys(storage).filter((key) => key.startsWith('post-login:session:'));
}

/**
 * Ends the sessions (only the ones at `providerUrl`, and of `clientId`, when given) the way a logout in another tab
 * does: another document of this origin removes them from localStorage, so that the open pages hear a `storage` event.
 */
export function signOutInAnotherTab(providerUrl?: string, clientId?: string): void {
  const otherTab = document.createElement('iframe');
  document.body.append(otherTab);
  const storage = otherTab.contentWindow!.localStorage;
  const ended = (key: string) =>
    key.startsWith('post-login:session:') &&
    (!providerUrl || key.includes(new URL(providerUrl).host)) &&
    (!clientId || key.endsWith(`|${clientId}`));
  for (const key of Object.keys(storage).filter(ended)) storage.removeItem(key);
  otherTab.remove();
}

/** A fresh customer: no session in this origin's storage, no provider session in the cookies. */
export async function clearStorage(): Promise<void> {
  localStorage.clear();
  sessionStorage.clear();
  await executeServerCommand('browser-clear-cookies');
}

/** Every language has the same keys as the English dictionary, none of them empty. */
export function assertSameKeys(english: Record<string, string>, others: Array<Record<string, string>>): void {
  const keys = Object.keys(english).sort();
  for (const dictionary of others) {
    if (JSON.stringify(Object.keys(dictionary).sort()) !== JSON.stringify(keys)) throw new Error('Keys differ from English');
    for (const [key, value] of Object.entries(dictionary)) if (!value.trim()) throw new Error(`Empty string: ${key}`);
  }
}
