import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PostLogin } from '../post-login/post-login.js';

/** The `<post-login>` events after which an element that uses its session looks at it again. */
const LOGIN_EVENTS = ['post-login-ready', 'post-login-sign-in', 'post-login-sign-out', 'post-login-session-expired'];

type WatchingHost = ReactiveControllerHost & HTMLElement & { for: string };

/**
 * Finds the `<post-login>` whose session an element uses (the one named by the element's `for`, else the first on the
 * page) and calls `changed` whenever its sign-in state may have changed.
 */
export class LoginWatcher implements ReactiveController {
  login: PostLogin | null = null;
  private readonly host: WatchingHost;
  private readonly changed: (event: string) => void;

  /** `changed` gets the name of the event that caused the look (`post-login-sign-out`, …; `defined` at first). */
  constructor(host: WatchingHost, changed: (event: string) => void) {
    this.host = host;
    this.changed = changed;
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of LOGIN_EVENTS) document.addEventListener(type, this.onLoginEvent);
    void customElements.whenDefined('post-login').then(() => this.onLoginEvent(new Event('defined')));
  }

  hostDisconnected(): void {
    for (const type of LOGIN_EVENTS) document.removeEventListener(type, this.onLoginEvent);
  }

  private readonly onLoginEvent = (event: Event) => {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const found = this.host.for ? root.getElementById?.(this.host.for) : root.querySelector?.('post-login');
    const login = found?.localName === 'post-login' ? (found as PostLogin) : null;
    // Another `<post-login>` on the page (another service's login) signing in or out says nothing about ours.
    const from = event.composedPath()[0];
    if (from instanceof Element && from.localName === 'post-login' && from !== login && login === this.login) return;
    this.login = login;
    this.changed(event.type);
  };
}
