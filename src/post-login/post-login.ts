import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { AuthConfig, SessionChange } from '../core/auth-session.js';
import { authConfig } from '../core/auth-config.js';
import { isSignInResponse } from '../core/callback-url.js';
import { PostLoginError, type ErrorCode } from '../core/errors.js';
import { readLastMethod, rememberLastMethod } from '../core/last-method.js';
import { LocaleController } from '../core/locale.js';
import type { LoginSessions } from '../core/login-sessions.js';
import type { LoginStatus, PageLogin, Profile, SignInFlow, SignInMethod } from '../core/page-login.js';
import { PopoverController } from '../core/popover.js';
import { openPopupWindow } from '../core/popup-window.js';
import { SessionStore, sessionKey } from '../core/session-store.js';
import { firstPaintMessages, type FirstPaintMessages } from '../i18n/first-paint.js';
import { postLoginDictionaries } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import {
  PostLoginErrorEvent,
  PostLoginReadyEvent,
  PostLoginSessionExpiredEvent,
  PostLoginSignInEvent,
  PostLoginSignOutEvent,
} from './post-login.events.js';
import { styles } from './post-login.styles.js';
import { ERROR_MESSAGES, renderMask, renderSignedIn, type PostLoginParts, type PostLoginView } from './post-login.templates.js';

export type { PostLoginView } from './post-login.templates.js';

/**
 * Where the element's sessions stand: until the session module has loaded, what the stored sessions say (enough to
 * paint); then the live sessions.
 */
type Connection =
  | { phase: 'stored'; profile: Profile | null }
  | { phase: 'loading'; profile: Profile | null; sessions: Promise<LoginSessions> }
  | { phase: 'connected'; sessions: LoginSessions };

/**
 * What the mask says besides the sessions' own state: a notice, or the failure of a sign-in with `method` (the
 * session's error; `loadFailed` when the sign-in code itself could not be loaded).
 */
type Said = { notice: NonNullable<PostLoginView['notice']> } | { method: SignInMethod; loadFailed: boolean } | null;

// The session logic (and, through it, the OIDC code) is not needed to paint the mask.
const loadSessions = () => import('../core/login-sessions.js').then((module) => module.LoginSessions);

/**
 * The Swiss Post login mask: "Login with SwissID" (OpenID Connect, authorization code + PKCE), help and the SuisseID
 * notice when signed out; who is signed in, a user menu and logout when signed in.
 *
 * @tag post-login
 * @summary Swiss Post customer login with SwissID.
 *
 * @fires post-login-ready - The element is configured and has every string of its language; `profile` is the restored
 *   session's profile or null.
 * @fires post-login-sign-in - A sign-in completed and its ID token passed every check; carries `profile` (whose
 *   `login` says which login was used) and `via`.
 * @fires post-login-sign-out - Signed out here (`reason: 'user'`) or in another tab (`'other-tab'`).
 * @fires post-login-session-expired - The session could not be renewed; the mask asks to sign in again.
 * @fires post-login-error - A failure, with a stable `code` and the localized `message` shown to the customer.
 *
 * @csspart mask - The signed-out login mask.
 * @csspart title - The mask's title.
 * @csspart intro - The line under the title.
 * @csspart sign-in-button - "Login with SwissID".
 * @csspart legacy-sign-in-button - The older Post customer login (only with `legacy-authority`).
 * @csspart last-used - The "last used on this device" mark on a login button.
 * @csspart help-button - Opens the help popover.
 * @csspart help - The help popover.
 * @csspart phone-link - The SwissSign phone number in the help.
 * @csspart message - Errors and notices (an alert region).
 * @csspart status - Progress text (a status region).
 * @csspart retry-button - "Try again" in an error.
 * @csspart user-button - The signed-in customer's button that opens the user menu.
 * @csspart user-menu - The user menu popover.
 * @csspart sign-out-button - "Log out".
 *
 * @cssprop [--post-color-primary=#fc0] - Main action background (Post yellow #fc0).
 * @cssprop [--post-color-on-primary=hsl(0 0% 20%)] - Text on the main action (dark grey).
 * @cssprop [--post-color-text=hsl(0 0% 20%)] - Text colour.
 * @cssprop [--post-color-text-muted=hsl(0 0% 35%)] - Secondary text colour.
 * @cssprop [--post-color-background=#fff] - Background of the mask and popovers.
 * @cssprop [--post-color-surface=#f4f3f1] - Border of the mask.
 * @cssprop [--post-color-border=hsl(0 0% 60%)] - Border of popovers.
 * @cssprop [--post-color-accent=#004976] - Links.
 * @cssprop [--post-color-focus=#004976] - Focus ring.
 * @cssprop [--post-color-error=#a51728] - Error text and border.
 * @cssprop [--post-color-error-background=#ffdade] - Error background.
 * @cssprop [--post-radius=4px] - Corner radius.
 * @cssprop [--post-space=1rem] - Base spacing.
 * @cssprop [--post-shadow=0 4px 16px rgb(0 0 0 / 0.18)] - Popover shadow.
 * @cssprop [--post-font-family=inherit] - Font (inherits the page's by default).
 * @cssprop [--post-z-popover=1000] - z-index of the popovers.
 */
export class PostLogin extends LitElement implements PageLogin {
  static override styles = styles;

  /** The OpenID provider's issuer URL (SwissID in production). */
  @property() authority = '';

  /** The OAuth client id registered for this site. */
  @property({ attribute: 'client-id' }) clientId = '';

  /** Where the provider sends the customer back; defaults to this page without query and hash. */
  @property({ attribute: 'redirect-uri' }) redirectUri = '';

  /** Where the popup sign-in lands; defaults to `redirect-uri`. The page there needs a `<post-login>` with the same settings. */
  @property({ attribute: 'popup-redirect-uri' }) popupRedirectUri = '';

  /** Where the provider sends the customer after logout; defaults to `redirect-uri`. */
  @property({ attribute: 'post-logout-redirect-uri' }) postLogoutRedirectUri = '';

  /**
   * Issuer URL of the older Post customer login, for accounts not linked to SwissID yet. When set (with
   * `legacy-client-id`), the mask offers it below "Login with SwissID".
   */
  @property({ attribute: 'legacy-authority' }) legacyAuthority = '';

  /** The OAuth client registered for this site at the older Post customer login. */
  @property({ attribute: 'legacy-client-id' }) legacyClientId = '';

  /** Base URL of the Post account API (`GET /me`); without it the profile comes from the ID token only. */
  @property() api = '';

  /** OpenID Connect scopes to request. */
  @property() scope = 'openid profile email';

  /**
   * The account API's scopes to request, with the API as the token's audience (RFC 8707), when `api` is set. A Post
   * site asks for all; a partner site asks for `account.read addresses.read`, which is all a partner can get, after the
   * customer's consent at the provider.
   */
  @property({ attribute: 'api-scope' }) apiScope = 'account.read addresses.read addresses.write account.link';

  /** `redirect` (default) leaves the page for the provider; `popup` signs in in a separate window. */
  @property() flow: SignInFlow = 'redirect';

  /**
   * Overrides for any visible or assistive string (keys as in `src/i18n/first-paint.ts` and `src/i18n/en.ts`);
   * `text-*` attributes work too.
   */
  @property({ attribute: false }) texts: Partial<Messages> = {};

  /**
   * Shows a fixed state instead of the live session, for design reviews and documentation (Storybook). It only
   * changes what is painted: it signs nobody in and gives no token. Never set it on a live page.
   */
  @property({ attribute: false }) preview: Partial<PostLoginView> | null = null;

  @query('.help-button') private helpButton?: HTMLElement;
  @query('#help') private helpPanel?: HTMLElement;
  @query('.user-button') private userButton?: HTMLElement;
  @query('#user-menu') private userPanel?: HTMLElement;

  private readonly locale = new LocaleController<Messages, keyof FirstPaintMessages>(this, postLoginDictionaries, firstPaintMessages);
  private readonly help = new PopoverController(this, { trigger: () => this.helpButton, panel: () => this.helpPanel });
  private readonly userMenu = new PopoverController(this, { trigger: () => this.userButton, panel: () => this.userPanel });
  private connection: Connection = { phase: 'stored', profile: null };
  private said: Said = null;
  private lastMethod: SignInMethod | null = null;
  private readyFired = false;
  /** The login and subject of the customer last shown, to tell a sign-out of the shown login from one of another. */
  private shown: string | null = null;

  private get sessions(): LoginSessions | null {
    return this.connection.phase === 'connected' && this.connection.sessions.byMethod.size > 0 ? this.connection.sessions : null;
  }

  /** The signed-in customer, or null. */
  get profile(): Profile | null {
    if (this.connection.phase !== 'connected') return this.connection.profile;
    const active = this.connection.sessions.active;
    return active?.status === 'signed-in' ? active.profile : null;
  }

  /** `signed-out`, `signing-in`, `signed-in` or `expired`. */
  get status(): LoginStatus {
    const sessions = this.sessions;
    if (sessions) return sessions.active?.status ?? 'signed-out';
    if (isSignInResponse(new URL(location.href))) return 'signing-in';
    return this.profile ? 'signed-in' : 'signed-out';
  }

  /**
   * Starts the sign-in with the configured flow: with SwissID, or with `'post'` the older Post customer login (when
   * configured). Call it from a user gesture for the popup flow.
   */
  async signIn(method: SignInMethod = 'swissid'): Promise<void> {
    if (this.sessions?.logout.state === 'signing-out') return; // the logout under way decides where the page goes next
    // The popup is opened before anything is awaited, so that the browser sees the customer's click.
    const popup = this.flow === 'popup' ? openPopupWindow() : null;
    this.said = { method, loadFailed: false };
    const sessions = await this.connectSessions().catch(() => null);
    const session = sessions?.byMethod.get(method);
    if (session) return session.signIn(this.flow, this.locale.language, popup);
    popup?.close();
    if (sessions) return;
    this.said = { method, loadFailed: true };
    this.requestUpdate();
    await this.reportError('provider_unreachable');
  }

  /** Signs out here, in the other tabs and at the provider; signed in with both methods, the other login ends too. */
  async signOut(): Promise<void> {
    this.userMenu.hide(false);
    return (await this.connectSessions()).logout.signOut();
  }

  /**
   * The headers that authorize one request to the account API (or the host's own API that accepts the same tokens):
   * `Authorization: DPoP <access token>` and a `DPoP` proof of this browser's key for this method and address. Pass
   * `{ renew: true }` after an API answered 401. Rejects when signed out, or when the renewal failed.
   */
  async getAuthorization(method: string, url: string, options: { renew?: boolean } = {}): Promise<Record<string, string>> {
    return (await this.signedInSession()).getAuthorization(method, url, options.renew);
  }

  /**
   * A valid access token (renewed when close to expiry). It is bound to this browser's key (DPoP): an API accepts it
   * only with a proof of that key, which getAuthorization() adds. Rejects like getAuthorization().
   */
  async getAccessToken(options: { renew?: boolean } = {}): Promise<string> {
    return (await this.signedInSession()).getAccessToken(options.renew);
  }

  private async signedInSession() {
    // The sessions as loaded (settings may change while this waits).
    const session = (await this.connectSessions()).active;
    if (session?.status !== 'signed-in') throw new PostLoginError('signed_out');
    return session;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) return;
    this.connectSession();
    this.requestUpdate(); // `ready` may still be due, if the element was moved before it fired
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.disconnectSessions();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const settings = [
      'authority',
      'clientId',
      'legacyAuthority',
      'legacyClientId',
      'redirectUri',
      'popupRedirectUri',
      'postLogoutRedirectUri',
      'api',
      'scope',
      'apiScope',
    ] as const;
    if (!this.hasUpdated || settings.some((name) => changed.has(name))) this.connectSession();
    // The plain signed-out mask paints with its first-paint words, and the language chunk follows when the browser is
    // idle; anything else (signed in, signing in, an error or notice, the help) needs the chunk now.
    if (!this.locale.messages && !this.isPlainMask(this.view())) this.locale.load();
  }

  private isPlainMask(view: PostLoginView): boolean {
    return view.status === 'signed-out' && !view.error && !view.notice && !view.signingOut && !this.help.open;
  }

  /** The configured methods: SwissID always, the older Post customer login when both its settings are there. */
  private methods(): SignInMethod[] {
    return this.legacyAuthority || this.legacyClientId ? ['swissid', 'post'] : ['swissid'];
  }

  /** Each configured method's settings; null for one that is not (correctly) configured. */
  private configs(): Array<[SignInMethod, AuthConfig | null]> {
    return this.methods().map((method) => [method, authConfig(this, method)]);
  }

  private disconnectSessions(): void {
    if (this.connection.phase === 'connected') this.connection.sessions.dispose();
    this.connection = { phase: 'stored', profile: null };
  }

  private connectSession(): void {
    this.disconnectSessions();
    this.lastMethod = this.legacyAuthority ? readLastMethod() : null;
    let profile: Profile | null = null;
    for (const [, config] of this.configs()) {
      profile ??= config ? (new SessionStore(sessionKey(config.authority, config.clientId)).read()?.profile ?? null) : null;
    }
    this.connection = { phase: 'stored', profile };
    // A sign-in response is handled at once; otherwise the session module loads after the first paint (updated()).
    if (this.status === 'signing-in' || this.readyFired) void this.connectSessions();
  }

  /** Loads the shared sessions for the current settings and follows their changes. */
  private connectSessions(): Promise<LoginSessions> {
    const connection = this.connection;
    if (connection.phase === 'connected') return Promise.resolve(connection.sessions);
    if (connection.phase === 'loading') return connection.sessions;
    const loading: Promise<LoginSessions> = loadSessions().then((LoginSessions) => {
      if (this.connection.phase !== 'loading' || this.connection.sessions !== loading) {
        // Settings changed meanwhile (the sessions for the new ones are loading), or the element was removed.
        if (this.isConnected) return this.connectSessions();
        throw new PostLoginError('signed_out');
      }
      const configs = this.configs().filter((entry): entry is [SignInMethod, AuthConfig] => entry[1] !== null);
      const sessions = new LoginSessions(configs, this.sessionsHost);
      this.connection = { phase: 'connected', sessions };
      this.shown = this.shownLogin();
      this.requestUpdate();
      // Taken before the callback handling clears the address bar.
      sessions.start(isSignInResponse(new URL(location.href)));
      return sessions;
    });
    this.connection = { phase: 'loading', profile: connection.profile, sessions: loading };
    // A module that could not load (offline) is asked for again next time.
    loading.catch(() => {
      if (this.connection.phase === 'loading' && this.connection.sessions === loading) {
        this.connection = { phase: 'stored', profile: connection.profile };
      }
    });
    return loading;
  }

  private shownLogin(): string | null {
    const profile = this.profile;
    return profile ? `${profile.login}|${profile.sub}` : null;
  }

  /** How the sessions and their logout reach this element. */
  private readonly sessionsHost = {
    language: () => this.locale.language,
    logoutChanged: () => this.requestUpdate(),
    logoutIncomplete: () => void this.signedOutHereOnly(),
    sessionChanged: (method: SignInMethod, change: SessionChange) => this.onSessionChange(method, change),
  };

  private onSessionChange(method: SignInMethod, change: SessionChange): void {
    const profile = this.profile;
    const shownBefore = this.shown;
    this.shown = this.shownLogin();
    switch (change.type) {
      case 'signed-in':
        this.said = null;
        if (change.via !== 'other-tab') this.lastMethod = rememberLastMethod(method);
        if (profile) this.dispatchEvent(new PostLoginSignInEvent(profile, change.via));
        break;
      case 'signed-out':
        // A second login that ended while the shown one stays (a logout ends both): one event, for the shown one.
        if (this.shown !== null && this.shown === shownBefore) break;
        this.said = change.reason === 'other-tab' ? { notice: 'signedOutElsewhere' } : null;
        this.dispatchEvent(new PostLoginSignOutEvent(change.reason));
        break;
      case 'expired':
        this.said = { notice: 'sessionExpired' };
        this.dispatchEvent(new PostLoginSessionExpiredEvent());
        break;
      case 'error':
        this.said = { method, loadFailed: false };
        void this.reportError(change.error.code);
        break;
      case 'updated':
        break;
    }
    this.requestUpdate();
  }

  /** Signed out on this device, but a provider's logout did not happen: says so, with the keyboard on the mask. */
  private async signedOutHereOnly(): Promise<void> {
    // The logout button is gone: the keyboard goes on from the mask, unless the customer has moved on meanwhile. The
    // notice comes a frame later, so that moving the focus does not cut its announcement short.
    const focused = document.activeElement;
    if (!focused || focused === document.body || focused === this) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="sign-in-button"]')?.focus();
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.said = { notice: 'signedOutHereOnly' };
    this.requestUpdate();
  }

  private async reportError(code: ErrorCode): Promise<void> {
    await this.locale.refresh().catch(() => undefined); // without the language chunk, the code alone says it
    this.dispatchEvent(new PostLoginErrorEvent(code, this.locale.t(ERROR_MESSAGES[code])));
  }

  protected override updated(): void {
    // Ready once every string is there; an element removed meanwhile waits until it is back.
    if (!this.readyFired && this.locale.messages && this.isConnected) {
      this.readyFired = true;
      if (this.configs().some(([, config]) => !config)) void this.reportError('config_invalid');
      this.dispatchEvent(new PostLoginReadyEvent(this.profile));
      // After the next frame: the session module is not needed for what is painted now.
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (this.isConnected) void this.connectSessions();
        }),
      );
    }
  }

  private onSignIn(method: SignInMethod): void {
    // A preview only paints a state; its buttons do nothing.
    if (this.preview || this.status === 'signing-in' || this.sessions?.logout.state === 'signing-out') return;
    void this.signIn(method);
  }

  private view(): PostLoginView {
    const said = this.said;
    const failure = said && 'method' in said ? said : null;
    const failed = failure ? this.sessions?.byMethod.get(failure.method) : undefined;
    const active = this.sessions?.active;
    const configError = this.configs().some(([, config]) => !config);
    const live: PostLoginView = {
      status: this.status,
      profile: this.profile,
      error: configError ? 'config_invalid' : (failed?.error?.code ?? (failure?.loadFailed ? 'provider_unreachable' : null)),
      notice: said && 'notice' in said ? said.notice : null,
      accountUnavailable: active?.accountUnavailable ?? false,
      popupRelayed: active?.relayedPopupResponse ?? false,
      signingOut: this.sessions?.logout.state === 'signing-out',
      legacyLogin: this.methods().includes('post'),
      lastMethod: this.lastMethod,
    };
    const view = this.preview ? { ...live, error: null, notice: null, ...this.preview } : live;
    return view.status === 'expired' ? { ...view, notice: 'sessionExpired' } : view;
  }

  private parts(): PostLoginParts {
    return {
      t: (key, values) => this.locale.t(key, values),
      messagesLoaded: Boolean(this.locale.messages),
      flow: this.flow,
      help: this.help,
      userMenu: this.userMenu,
      onSignIn: (method) => this.onSignIn(method),
      onRetry: () => this.onSignIn(this.said && 'method' in this.said ? this.said.method : 'swissid'),
      onRetryAccount: () => void (this.preview || this.sessions?.active?.retryAccount()),
      onSignOut: () => void (this.preview || this.signOut().catch(() => undefined)),
    };
  }

  protected override render() {
    const view = this.view();
    const parts = this.parts();
    const signedIn = view.profile && view.status === 'signed-in';
    // The mask paints at once with its first-paint words; the rest waits for the language chunk.
    if (!parts.messagesLoaded && (signedIn || view.popupRelayed)) return nothing;
    if (view.popupRelayed) return html`<p class="status" part="status" role="status">${parts.t('popupCallbackDone')}</p>`;
    if (signedIn && view.profile) return renderSignedIn(view, view.profile, parts);
    return renderMask(view, parts);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'post-login': PostLogin;
  }
}
