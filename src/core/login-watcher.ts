import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LOGIN_ELEMENT, LOGIN_EVENTS, findPageLogin, type LoginEventName, type PageLogin } from './page-login.js';

type WatchingHost = ReactiveControllerHost & HTMLElement & { for: string };

/** Why the watcher calls back: one of the login's events, or `defined` when the login element was defined. */
export type LoginChange = LoginEventName | 'defined';

/**
 * Finds the login whose session an element uses (the one named by the element's `for`, else the first on the page)
 * and calls `changed` whenever its sign-in state may have changed.
 */
export class LoginWatcher implements ReactiveController {
  login: PageLogin | null = null;
  private readonly host: WatchingHost;
  private readonly changed: (change: LoginChange) => void;

  constructor(host: WatchingHost, changed: (change: LoginChange) => void) {
    this.host = host;
    this.changed = changed;
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of Object.values(LOGIN_EVENTS)) document.addEventListener(type, this.onLoginEvent);
    void customElements.whenDefined(LOGIN_ELEMENT).then(() => this.onLoginEvent(new Event('defined')));
  }

  hostDisconnected(): void {
    for (const type of Object.values(LOGIN_EVENTS)) document.removeEventListener(type, this.onLoginEvent);
  }

  private readonly onLoginEvent = (event: Event) => {
    const login = findPageLogin(this.host, this.host.for);
    // A `for` that names no login is a page's mistake the customer would only see as an empty element: say it once.
    if (event.type === 'defined' && !login && this.host.for) {
      console.warn(`<${this.host.localName} for="${this.host.for}">: no such <post-login>`, this.host);
    }
    // Another login element on the page (another service's login) signing in or out says nothing about ours.
    const from = event.composedPath()[0];
    if (from instanceof Element && from.localName === LOGIN_ELEMENT && from !== login && login === this.login) return;
    this.login = login;
    this.changed(event.type as LoginChange);
  };
}
