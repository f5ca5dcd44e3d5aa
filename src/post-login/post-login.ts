import { html, isServer, nothing, type PropertyValues } from 'lit';
import type { SessionChange } from '../core/auth-session.js';
import { authConfig } from '../core/auth-config.js';
import { PostLoginError, type ErrorCode } from '../core/errors.js';
import { readLastMethod, rememberLastMethod } from '../core/last-method.js';
import { LazyChunk } from '../core/lazy-chunk.js';
import { LocaleController } from '../core/locale.js';
import type { LoginSessions } from '../core/login-sessions.js';
import type { Account, LoginStatus, PageLogin, Profile, SignInMethod } from '../core/page-login.js';
import { PopoverController } from '../core/popover.js';
import { openPopupWindow } from '../core/popup-window.js';
import { sessionKey } from '../core/session-store.js';
import { firstPaintMessages, type FirstPaintMessages } from '../i18n/first-paint.js';
import { errorDictionaries, helpDictionaries, postLoginDictionaries } from '../i18n/index.js';
import type { ErrorMessages } from '../i18n/errors.en.js';
import type { HelpMessages } from '../i18n/help.en.js';
import type { MaskMessages } from '../i18n/en.js';
import {
  PostLoginErrorEvent,
  PostLoginReadyEvent,
  PostLoginSessionExpiredEvent,
  PostLoginSignInEvent,
  PostLoginSignOutEvent,
} from './post-login.events.js';
import { LoginConnection } from './login-connection.js';
import { PostLoginSettings } from './post-login.settings.js';
import { styles } from './post-login.styles.js';
import { renderMask, type PostLoginParts, type PostLoginView } from './post-login.templates.js';
import { actingAccount } from '../core/acting-account.js';

type SignedInModule = typeof import('./post-login.signed-in.js');
type ErrorsModule = typeof import('./post-login.errors.js');
type ActingAccountController = InstanceType<SignedInModule['ActingAccountController']>;
// The signed-in view (and switching accounts) is not needed to paint the mask.
const loadSignedIn = () => import('./post-login.signed-in.js');

export type { PostLoginView } from './post-login.templates.js';

/**
 * What the mask says besides the sessions' own state: a notice, or the failure of a sign-in with `method` (the
 * session's error; `loadFailed` when the sign-in code itself could not be loaded).
 */
type Said = { notice: NonNullable<PostLoginView['notice']> } | { method: SignInMethod; loadFailed: boolean } | null;

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
 * @fires post-login-error - A failure, with a stable `code`, the localized `message` shown to the customer and a
 *   `diagnostic` for developers (which check failed, which attribute to fix; never a token).
 * @fires post-login-account-change - The customer switched the account they act for (here or in another tab);
 *   carries `account`.
 * @fires post-login-link-request - "Link to SwissID" in the user menu of an older login; cancelable: a
 *   `<swissid-link-banner>` takes it by cancelling it.
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
 * @csspart acting-account - The account acted for, named in the user button.
 * @csspart user-menu - The user menu popover.
 * @csspart accounts - The list of accounts to act for (with more than one).
 * @csspart account-button - One account in that list (`aria-current` on the acting one).
 * @csspart link-button - "Link to SwissID" (an older login not linked yet).
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
export class PostLogin extends PostLoginSettings implements PageLogin {
  static override styles = styles;


  private readonly locale = new LocaleController<MaskMessages, keyof FirstPaintMessages>(this, postLoginDictionaries, firstPaintMessages);
  /** The error messages: a chunk of their own, loaded when there is an error to say (a sign-in does not need them). */
  private readonly errorTexts = new LocaleController<ErrorMessages>(this, errorDictionaries, undefined, { onDemand: true });
  /** The help texts: a chunk of their own, loaded when the help opens (a sign-in does not need them). */
  private readonly helpTexts = new LocaleController<HelpMessages>(this, helpDictionaries, undefined, { onDemand: true });
  /** The help's template, loaded with its texts when the help first opens. */
  private readonly helpView = new LazyChunk(() => import('./post-login.help.js'), () => this.requestUpdate());
  private readonly help = new PopoverController(this, { trigger: () => this.find('.help-button'), panel: () => this.find('#help') });
  private readonly userMenu = new PopoverController(this, { trigger: () => this.find('.user-button'), panel: () => this.find('#user-menu') });
  /** The signed-in view's module and its acting-account controller, once loaded. */
  private signedIn: { module: SignedInModule; acting: ActingAccountController } | null = null;
  private readonly signedInView = new LazyChunk(loadSignedIn, (module) => {
    const acting = new module.ActingAccountController(this, {
      profile: () => this.profile,
      sessionKey: () => this.accountKey(),
      reloadAccounts: () => void this.sessions?.active?.retryAccount(),
      menu: this.userMenu,
    });
    acting.reset();
    this.signedIn = { module, acting };
    this.requestUpdate();
  });
  /** What is said about errors (with the error messages), loaded when there is an error to say. */
  private readonly errors = new LazyChunk(() => import('./post-login.errors.js'), () => this.requestUpdate());
  /** How the sessions and their logout reach this element. */
  private readonly connection = new LoginConnection({
    settings: this,
    connected: () => {
      this.shown = this.shownLogin();
      this.requestUpdate();
    },
    language: () => this.locale.language,
    logoutChanged: () => this.requestUpdate(),
    logoutIncomplete: () => void this.signedOutHereOnly(),
    sessionChanged: (method: SignInMethod, change: SessionChange) => this.onSessionChange(method, change),
  });
  private said: Said = null;
  private lastMethod: SignInMethod | null = null;
  private readyFired = false;
  /** The login and subject of the customer last shown, to tell a sign-out of the shown login from one of another. */
  private shown: string | null = null;

  private get sessions(): LoginSessions | null {
    return this.connection.sessions;
  }

  /** The signed-in customer, or null. */
  get profile(): Profile | null {
    return this.connection.profile;
  }

  /** The account the customer acts for: chosen in the user menu (kept on this device), else their first; or null. */
  get account(): Account | null {
    return actingAccount(this.accountKey(), this.profile);
  }

  /** `signed-out`, `signing-in`, `signed-in` or `expired`. */
  get status(): LoginStatus {
    return this.connection.status;
  }

  /**
   * Starts the sign-in with the configured flow: with SwissID, or with `'post'` the older Post customer login (when
   * configured). Call it from a user gesture for the popup flow.
   */
  async signIn(method: SignInMethod = 'swissid'): Promise<void> {
    if (this.sessions?.logoutState === 'signing-out') return; // the logout under way decides where the page goes next
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
    return (await this.connectSessions()).signOut(() => void this.signedOutHereOnly());
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
    this.connection.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (isServer) return; // a server render paints the signed-out mask; the sessions start in the browser
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
    if (this.help.open) this.loadHelp();
    if (this.status === 'signed-in' || this.preview?.status === 'signed-in') void this.signedInView.load();
    if (this.view().error) void this.loadErrors();
  }

  /**
   * The help's texts and template, each a chunk. One that could not load (offline) is asked for again when the help
   * opens again; meanwhile the help says it is loading.
   */
  private loadHelp(): void {
    this.helpTexts.demand();
    this.helpTexts.load(); // nothing once loaded; again after a chunk that could not load
    void this.helpView.load();
  }

  private isPlainMask(view: PostLoginView): boolean {
    return view.status === 'signed-out' && !view.error && !view.notice && !view.signingOut && !this.help.open;
  }

  private connectSession(): void {
    this.lastMethod = this.legacyAuthority ? readLastMethod() : null;
    this.connection.reset();
    this.signedIn?.acting.reset();
    // A sign-in response is handled at once; otherwise the session module loads after the first paint (updated()).
    if (this.status === 'signing-in' || this.readyFired) void this.connectSessions();
  }

  private connectSessions(): Promise<LoginSessions> {
    return this.connection.connect();
  }

  private shownLogin(): string | null {
    const profile = this.profile;
    return profile ? `${profile.login}|${profile.sub}` : null;
  }

  private onSessionChange(method: SignInMethod, change: SessionChange): void {
    const profile = this.profile;
    const shownBefore = this.shown;
    this.shown = this.shownLogin();
    this.signedIn?.acting.sessionChanged(change.type);
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
        void this.reportError(change.error.code, method, change.error.message);
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

  private find(selector: string): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>(selector) ?? null;
  }

  /** The session key of the signed-in customer's login (their acting account is kept per login and person). */
  private accountKey(): string {
    const profile = this.profile;
    const config = profile && authConfig(this, profile.login);
    return config ? sessionKey(config.authority, config.clientId) : '';
  }

  /** The error messages and what is said with them, loaded when there is an error to say. */
  private loadErrors(): Promise<ErrorsModule> {
    this.errorTexts.demand();
    return this.errors.load();
  }

  private async reportError(code: ErrorCode, method: SignInMethod | null = null, diagnostic?: string): Promise<void> {
    // Without the chunks (offline), the code alone says it.
    const errors = await Promise.all([this.loadErrors(), this.locale.refresh(), this.errorTexts.refresh()]).then(([module]) => module, () => null);
    const message = errors?.describeError(code, method, (key) => this.locale.t(key), (key) => this.errorTexts.t(key)).message;
    if (code === 'config_invalid' && errors) diagnostic = errors.configDiagnostic(this, this.connection.methods(), diagnostic);
    this.dispatchEvent(new PostLoginErrorEvent(code, message ?? '', diagnostic));
  }

  protected override updated(): void {
    // Ready once every string is there; an element removed meanwhile waits until it is back.
    if (!this.readyFired && this.locale.messages && this.isConnected) {
      this.readyFired = true;
      if (this.connection.configs().some(([, config]) => !config)) void this.reportError('config_invalid');
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
    if (this.preview || this.status === 'signing-in' || this.sessions?.logoutState === 'signing-out') return;
    void this.signIn(method);
  }

  private view(): PostLoginView {
    const said = this.said;
    const failure = said && 'method' in said ? said : null;
    const failed = failure ? this.sessions?.byMethod.get(failure.method) : undefined;
    const active = this.sessions?.active;
    const configError = this.connection.configs().some(([, config]) => !config);
    const live: PostLoginView = {
      status: this.status,
      profile: this.profile,
      error: configError ? 'config_invalid' : (failed?.error?.code ?? (failure?.loadFailed ? 'provider_unreachable' : null)),
      notice: said && 'notice' in said ? said.notice : null,
      accountUnavailable: active?.accountUnavailable ?? false,
      popupRelayed: active?.relayedPopupResponse ?? false,
      signingOut: this.sessions?.logoutState === 'signing-out',
      legacyLogin: this.connection.methods().includes('post'),
      lastMethod: this.lastMethod,
      failedMethod: failure?.method ?? null,
      account: this.account,
      menuNote: this.signedIn?.acting.note ?? null,
    };
    const view = this.preview ? { ...live, error: null, notice: null, ...this.preview } : live;
    // A preview acts for the profile's first account unless it names one.
    if (this.preview && !('account' in this.preview)) view.account = view.profile?.accounts?.[0] ?? null;
    return view.status === 'expired' ? { ...view, notice: 'sessionExpired' } : view;
  }

  private parts(): PostLoginParts {
    return {
      t: (key, values) => this.locale.t(key, values),
      messagesLoaded: Boolean(this.locale.messages),
      helpContent: this.helpTexts.messages && this.helpView.module ? this.helpView.module.helpContent((key) => this.helpTexts.t(key)) : null,
      describeError:
        this.errors.module && this.errorTexts.messages
          ? (code, method) => this.errors.module!.describeError(code, method, (key) => this.locale.t(key), (key) => this.errorTexts.t(key))
          : null,
      flow: this.flow,
      help: this.help,
      userMenu: this.userMenu,
      onSignIn: (method) => this.onSignIn(method),
      onRetry: () => this.onSignIn(this.said && 'method' in this.said ? this.said.method : 'swissid'),
      onRetryAccount: () => void (this.preview || this.sessions?.active?.retryAccount()),
      onSignOut: () => void (this.preview || this.signOut().catch(() => undefined)),
      onSwitchAccount: (account) => this.preview || this.signedIn?.acting.switchTo(account),
      onLinkRequest: () => this.preview || this.signedIn?.acting.requestLink(),
    };
  }

  protected override render() {
    const view = this.view();
    const parts = this.parts();
    const signedIn = view.profile && view.status === 'signed-in';
    // The mask paints at once with its first-paint words; the rest waits for the language chunk.
    if (!parts.messagesLoaded && (signedIn || view.popupRelayed)) return nothing;
    if (view.popupRelayed) return html`<p class="status" part="status" role="status">${parts.t('popupCallbackDone')}</p>`;
    if (signedIn && view.profile) return this.signedIn ? this.signedIn.module.renderSignedIn(view, view.profile, parts) : nothing;
    return renderMask(view, parts);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'post-login': PostLogin;
  }
}
