import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { AuthConfig, AuthSession, AuthStatus, SessionChange, SignInFlow } from '../core/auth-session.js';
import { authConfig } from '../core/auth-config.js';
import { readLastMethod, rememberLastMethod, type SignInMethod } from '../core/last-method.js';
import { isSignInResponse } from '../core/callback-url.js';
import { PostLoginError, type ErrorCode } from '../core/errors.js';
import { LocaleController } from '../core/locale.js';
import { firstPaintMessages, type FirstPaintMessages } from '../i18n/first-paint.js';
import { postLoginDictionaries } from '../i18n/index.js';
import { PopoverController } from '../core/popover.js';
import { openPopupWindow } from '../core/popup-window.js';
import { SessionStore, sessionKey, type Profile } from '../core/session-store.js';
import type { Messages } from '../i18n/en.js';
import {
  PostLoginErrorEvent,
  PostLoginReadyEvent,
  PostLoginSessionExpiredEvent,
  PostLoginSignInEvent,
  PostLoginSignOutEvent,
} from './post-login.events.js';
import { helpContent } from './post-login.help.js';
import { styles } from './post-login.styles.js';

type MessageKey = keyof Messages;

/** Of the sessions of the configured methods: the signed-in one (SwissID first), else the one signing in. */
function activeSession(sessions: Map<SignInMethod, AuthSession>): AuthSession | null {
  const all = [...sessions.values()];
  return (
    all.find((session) => session.status === 'signed-in') ??
    all.find((session) => session.status === 'signing-in' || session.relayedPopupResponse) ??
    all.find((session) => session.status === 'expired') ??
    null
  );
}

const ERROR_MESSAGES: Record<ErrorCode, MessageKey> = {
  popup_blocked: 'errorPopupBlocked',
  popup_closed: 'errorPopupClosed',
  popup_timeout: 'errorPopupTimeout',
  cancelled: 'errorCancelled',
  response_invalid: 'errorResponseInvalid',
  id_token_invalid: 'errorTokenInvalid',
  provider_error: 'errorProvider',
  provider_unreachable: 'errorUnreachable',
  account_unavailable: 'errorAccount',
  renewal_failed: 'sessionExpired',
  config_invalid: 'errorConfig',
  signed_out: 'sessionExpired',
};

/** Errors the customer can do nothing about except trying again later or telling someone. */
const WITH_CONTACT_HINT: ReadonlySet<ErrorCode> = new Set(['provider_error', 'provider_unreachable', 'response_invalid', 'id_token_invalid']);

/** Everything the element shows. It comes from the live session, or from `preview` in design reviews. */
export interface PostLoginView {
  status: AuthStatus;
  profile: Profile | null;
  error: ErrorCode | null;
  notice: 'sessionExpired' | 'signedOutElsewhere' | 'signedOutHereOnly' | null;
  accountUnavailable: boolean;
  /** This page is the popup's landing page and has handed the response to its opener. */
  popupRelayed: boolean;
  /** Logout has started; the browser is about to leave for the provider. */
  signingOut: boolean;
  /** The mask also offers the older Post customer login. */
  legacyLogin: boolean;
  /** The method used last on this device, marked in the mask. */
  lastMethod: SignInMethod | null;
}

// The session logic (and, through it, the OIDC code) is not needed to paint the mask.
const loadAuthSession = () => import('../core/auth-session.js').then((module) => module.AuthSession);

/**
 * The Swiss Post login mask: "Login with SwissID" (OpenID Connect, authorization code + PKCE), help and the SuisseID
 * notice when signed out; who is signed in, a user menu and logout when signed in.
 *
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
@customElement('post-login')
export class PostLogin extends LitElement {
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

  /** Scopes to request. */
  @property() scope = 'openid profile email';

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
  /** One session per configured login method (SwissID, and the older Post customer login when configured). */
  private sessions = new Map<SignInMethod, AuthSession>();
  private sessionsLoading: Promise<Map<SignInMethod, AuthSession>> | null = null;
  /** What the stored sessions say, until the session module has loaded. */
  private storedProfile: Profile | null = null;
  private unsubscribes: Array<() => void> = [];
  private configError = false;
  private notice: PostLoginView['notice'] = null;
  /** The method whose failure the mask shows. */
  private failedMethod: SignInMethod | null = null;
  private lastMethod: SignInMethod | null = null;
  private readyFired = false;
  /** The login and subject of the customer last shown, to tell a sign-out of the shown login from one of another. */
  private shown: string | null = null;
  private signingOut = false;
  /** The sign-in code could not be loaded (offline since the first paint). */
  private loadFailed = false;
  /** The logout the customer or host asked for, while it runs. */
  private logout: Promise<void> | null = null;
  /** The way back from a provider's logout (what is still due), as handled when the sessions connect. */
  private dueLogouts: Promise<void> = Promise.resolve();

  /** The session the customer is signed in with (SwissID first), else the one signing in. */
  private get active(): AuthSession | null {
    return activeSession(this.sessions);
  }

  /** The signed-in customer, or null. */
  get profile(): Profile | null {
    if (this.sessions.size === 0) return this.storedProfile;
    return this.active?.status === 'signed-in' ? this.active.profile : null;
  }

  /** `signed-out`, `signing-in`, `signed-in` or `expired`. */
  get status(): AuthStatus {
    if (this.sessions.size > 0) return this.active?.status ?? 'signed-out';
    if (isSignInResponse(new URL(location.href))) return 'signing-in';
    return this.storedProfile ? 'signed-in' : 'signed-out';
  }

  /**
   * Starts the sign-in with the configured flow: with SwissID, or with `'post'` the older Post customer login (when
   * configured). Call it from a user gesture for the popup flow.
   */
  async signIn(method: SignInMethod = 'swissid'): Promise<void> {
    if (this.signingOut) return; // the logout under way decides where the page goes next
    // The popup is opened before anything is awaited, so that the browser sees the customer's click.
    const popup = this.flow === 'popup' ? openPopupWindow() : null;
    this.notice = null;
    this.failedMethod = method;
    this.loadFailed = false;
    const sessions = await this.connectSessions().catch(() => null);
    const session = sessions?.get(method);
    if (session) return session.signIn(this.flow, this.locale.language, popup);
    popup?.close();
    if (sessions) return;
    this.loadFailed = true;
    this.requestUpdate();
    await this.reportError('provider_unreachable');
  }

  /** Signs out here, in the other tabs and at the provider; signed in with both methods, the other login ends too. */
  signOut(): Promise<void> {
    if (!this.logout) {
      this.userMenu.hide(false);
      this.signingOut = true; // until the browser has left for the provider's logout
      this.requestUpdate();
      // One logout at a time per element: a second call joins the running one, and one asked for while the way back
      // from a provider is still being handled runs after it.
      this.logout = this.dueLogouts
        .then(() => this.runSignOut())
        .catch((error: unknown) => {
          // The session module could not load (offline): nobody was signed out; the customer can try again.
          this.signingOut = false;
          this.requestUpdate();
          throw error;
        })
        .finally(() => (this.logout = null));
    }
    return this.logout;
  }

  private async runSignOut(): Promise<void> {
    this.signingOut = true; // again: the way back handled before this logout may have ended its own
    const sessions = await this.connectSessions();
    const active = activeSession(sessions);
    const language = this.locale.language;
    // Signed in with both methods (say, SwissID after linking the older login): the other one ends here too, so that
    // a logout leaves nobody signed in on this device. Each is cleared at once; the revocations and the first provider's
    // logout run side by side, and the other provider's logout follows on the way back (see endDueLogouts).
    const others = [...sessions.values()].filter((session) => session !== active && session.status === 'signed-in');
    const endingOthers = others.map((session) => session.signOut(language, { leave: false }));
    const [leaving] = await Promise.all([active?.signOut(language, { then: others }).catch(() => false) ?? false, ...endingOthers]);
    if (leaving) return;
    // The first provider could not be reached: on with the next one from here.
    await this.endDueLogouts(sessions, { next: others, failedAlready: Boolean(active) });
  }

  /** Signed out on this device, but a provider's logout did not happen: says so, with the keyboard on the mask. */
  private async signedOutHereOnly(): Promise<void> {
    this.signingOut = false;
    this.requestUpdate();
    // The logout button is gone: the keyboard goes on from the mask, unless the customer has moved on meanwhile. The
    // notice comes a frame later, so that moving the focus does not cut its announcement short.
    const focused = document.activeElement;
    if (!focused || focused === document.body || focused === this) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="sign-in-button"]')?.focus();
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.notice = 'signedOutHereOnly';
    this.requestUpdate();
  }

  /**
   * Goes on with a logout that ended several logins (one provider per trip), and says when a provider could not be
   * reached: then the customer is signed out on this device only.
   */
  private async endDueLogouts(
    sessions: Map<SignInMethod, AuthSession>,
    options: { next?: AuthSession[]; failedAlready?: boolean; callbackPage?: boolean } = {},
  ): Promise<void> {
    const all = [...sessions.values()];
    if (all.some((session) => session.logoutDue)) this.signingOut = true; // back from one provider, on to the next
    this.requestUpdate();
    const outcome = await (await loadAuthSession()).endDueLogouts(all, this.locale.language, options);
    if (outcome === 'leaving') return;
    if (outcome === 'failed') return this.signedOutHereOnly();
    this.signingOut = false;
    this.requestUpdate();
  }

  /**
   * A valid access token for the host's own API calls (renewed when close to expiry). Pass `{ renew: true }` after an
   * API answered 401 to the last one. Rejects when signed out, or when the renewal failed (the session has expired).
   */
  async getAccessToken(options: { renew?: boolean } = {}): Promise<string> {
    // The sessions as loaded (settings may change while this waits).
    const session = activeSession(await this.connectSessions());
    if (session?.status !== 'signed-in') throw new PostLoginError('signed_out');
    return session.getAccessToken(options.renew);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.onPageShow);
    if (!this.hasUpdated) return;
    this.connectSession();
    this.requestUpdate(); // `ready` may still be due, if the element was moved before it fired
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.onPageShow);
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
    ] as const;
    if (!this.hasUpdated || settings.some((name) => changed.has(name))) this.connectSession();
    // The plain signed-out mask paints with its first-paint words, and the language chunk follows when the browser is
    // idle; anything else (signed in, signing in, an error or notice, the help) needs the chunk now.
    if (!this.locale.messages && !this.isPlainMask(this.view())) this.locale.load();
  }

  private isPlainMask(view: PostLoginView): boolean {
    return view.status === 'signed-out' && !view.error && !view.notice && !view.signingOut && !this.help.open;
  }

  private config(method: SignInMethod): AuthConfig | null {
    return authConfig(this, method);
  }

  /** The configured methods: SwissID always, the older Post customer login when both its settings are there. */
  private methods(): SignInMethod[] {
    return this.legacyAuthority || this.legacyClientId ? ['swissid', 'post'] : ['swissid'];
  }

  private disconnectSessions(): void {
    this.unsubscribes.forEach((unsubscribe) => unsubscribe());
    this.unsubscribes = [];
    this.sessions = new Map();
    this.sessionsLoading = null;
  }

  private connectSession(): void {
    this.disconnectSessions();
    const configs = this.methods().map((method) => this.config(method));
    this.configError = configs.some((config) => !config);
    this.lastMethod = this.legacyAuthority ? readLastMethod() : null;
    this.storedProfile = null;
    for (const config of configs) {
      this.storedProfile ??= config ? (new SessionStore(sessionKey(config.authority, config.clientId)).read()?.profile ?? null) : null;
    }
    // A sign-in response is handled at once; otherwise the session module loads after the first paint (updated()).
    if (this.status === 'signing-in' || this.readyFired) void this.connectSessions();
  }

  /** Loads the shared sessions for the current settings and follows their changes. */
  private connectSessions(): Promise<Map<SignInMethod, AuthSession>> {
    if (this.sessionsLoading) return this.sessionsLoading;
    const loading = loadAuthSession().then((AuthSession) => {
      if (this.sessionsLoading !== loading) return this.sessions; // settings changed meanwhile
      const sessions = new Map<SignInMethod, AuthSession>();
      for (const method of this.methods()) {
        const config = this.config(method);
        if (!config) continue;
        const session = AuthSession.for(config);
        sessions.set(method, session);
        this.unsubscribes.push(session.subscribe((change) => this.onSessionChange(method, change)));
      }
      this.sessions = sessions;
      this.shown = this.shownLogin();
      this.requestUpdate();
      // Taken before the callback handling clears the address bar.
      const callbackPage = isSignInResponse(new URL(location.href));
      sessions.forEach((session) => void session.handleCallback());
      if (!this.logout) this.dueLogouts = this.endDueLogouts(sessions, { callbackPage }).catch(() => undefined);
      return sessions;
    });
    this.sessionsLoading = loading;
    // A module that could not load (offline) is asked for again next time.
    loading.catch(() => {
      if (this.sessionsLoading === loading) this.sessionsLoading = null;
    });
    return loading;
  }

  private shownLogin(): string | null {
    const profile = this.profile;
    return profile ? `${profile.login}|${profile.sub}` : null;
  }

  private onSessionChange(method: SignInMethod, change: SessionChange): void {
    const profile = this.profile;
    const shownBefore = this.shown;
    this.shown = this.shownLogin();
    switch (change.type) {
      case 'signed-in':
        this.notice = null;
        this.failedMethod = null;
        if (change.via !== 'other-tab') this.lastMethod = rememberLastMethod(method);
        if (profile) this.dispatchEvent(new PostLoginSignInEvent(profile, change.via));
        break;
      case 'signed-out':
        // A second login that ended while the shown one stays (a logout ends both): one event, for the shown one.
        if (this.shown !== null && this.shown === shownBefore) break;
        this.notice = change.reason === 'other-tab' ? 'signedOutElsewhere' : null;
        this.dispatchEvent(new PostLoginSignOutEvent(change.reason));
        break;
      case 'expired':
        this.notice = 'sessionExpired';
        this.dispatchEvent(new PostLoginSessionExpiredEvent());
        break;
      case 'error':
        this.failedMethod = method;
        void this.reportError(change.error.code);
        break;
      case 'updated':
        break;
      case 'logout-stalled':
        // Still here a while after leaving for the provider's logout: the mask comes back and says it did not happen.
        void this.signedOutHereOnly();
        break;
    }
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
      if (this.configError) void this.reportError('config_invalid');
      this.dispatchEvent(new PostLoginReadyEvent(this.profile));
      // After the next frame: the session module is not needed for what is painted now.
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (this.isConnected) void this.connectSessions();
        }),
      );
    }
  }

  /** Back on this page from the back-forward cache (say, "back" from the provider's logout): that trip is over. */
  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted || !this.signingOut) return;
    this.signingOut = false;
    this.requestUpdate();
  };

  private onSignInClick(method: SignInMethod): void {
    // A preview only paints a state; its buttons do nothing.
    if (this.preview || this.status === 'signing-in' || this.signingOut) return;
    void this.signIn(method);
  }

  private onRetryClick(): void {
    this.onSignInClick(this.failedMethod ?? 'swissid');
  }

  private onSignOutClick(): void {
    if (!this.preview) void this.signOut().catch(() => undefined);
  }

  private view(): PostLoginView {
    const failed = this.failedMethod ? this.sessions.get(this.failedMethod) : undefined;
    const live: PostLoginView = {
      status: this.status,
      profile: this.profile,
      error: this.configError ? 'config_invalid' : (failed?.error?.code ?? (this.loadFailed ? 'provider_unreachable' : null)),
      notice: this.notice,
      accountUnavailable: this.active?.accountUnavailable ?? false,
      popupRelayed: this.active?.relayedPopupResponse ?? false,
      signingOut: this.signingOut,
      legacyLogin: this.methods().includes('post'),
      lastMethod: this.lastMethod,
    };
    const view = this.preview ? { ...live, error: null, notice: null, ...this.preview } : live;
    return view.status === 'expired' ? { ...view, notice: 'sessionExpired' } : view;
  }

  protected override render() {
    const t = (key: MessageKey, values?: Record<string, string>) => this.locale.t(key, values);
    const view = this.view();
    const signedIn = view.profile && view.status === 'signed-in';
    // The mask paints at once with its first-paint words; the rest waits for the language chunk.
    if (!this.locale.messages && (signedIn || view.popupRelayed)) return nothing;
    if (view.popupRelayed) {
      return html`<p class="status" part="status" role="status">${t('popupCallbackDone')}</p>`;
    }
    if (signedIn && view.profile) return this.renderSignedIn(view, view.profile, t);
    return this.renderMask(view, t);
  }

  private renderMessage(view: PostLoginView, t: (key: MessageKey) => string) {
    // Said once the language chunk is there, so that the alert region gets the whole message at once.
    if (!this.locale.messages) return nothing;
    const { error, notice } = view;
    if (error) {
      const retry = error !== 'config_invalid';
      return html`<p>${t(ERROR_MESSAGES[error])}</p>
        ${WITH_CONTACT_HINT.has(error) ? html`<p class="hint">${t('errorContactHint')}</p>` : nothing}
        ${retry
          ? html`<button class="secondary" part="retry-button" @click=${this.onRetryClick}>${t('retry')}</button>`
          : nothing}`;
    }
    return notice ? html`<p>${t(notice)}</p>` : nothing;
  }

  // Live regions stay in the page and must be :empty when they say nothing: no white space around their content.
  private renderProgress(view: PostLoginView, t: (key: MessageKey) => string) {
    if (view.status === 'signing-in') return t(this.flow === 'popup' ? 'popupPending' : 'signingIn');
    return view.signingOut ? t('signingOut') : nothing;
  }

  private renderMask(view: PostLoginView, t: (key: MessageKey, values?: Record<string, string>) => string) {
    const busy = view.status === 'signing-in' || view.signingOut;
    return html`
      <div class="mask" part="mask" role="group" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
        <div class="heading">
          <p class="title" id="title" part="title">${t('maskTitle')}</p>
          <button
            class="icon-button help-button"
            part="help-button"
            aria-expanded=${this.help.open ? 'true' : 'false'}
            aria-controls="help"
            aria-label=${t('helpButton')}
            @click=${() => this.help.toggle()}
          >
            ?
          </button>
        </div>
        <p class="intro" part="intro">${t('maskIntro')}</p>
        <div class="alert" part="message" role="alert">${this.renderMessage(view, t)}</div>
        <p class="status" part="status" role="status">${this.renderProgress(view, t)}</p>
        <button
          class="primary sign-in"
          part="sign-in-button"
          aria-disabled=${busy || view.error === 'config_invalid' ? 'true' : 'false'}
          @click=${() => this.onSignInClick('swissid')}
        >
          ${t('signInSwissid')}${this.renderLastUsed(view, 'swissid', t)}
        </button>
        ${view.legacyLogin
          ? html`<div class="legacy">
              <p class="legacy-hint" id="legacy-hint">${t('legacyLoginHint')}</p>
              <button
                class="secondary legacy-sign-in"
                part="legacy-sign-in-button"
                aria-describedby="legacy-hint"
                aria-disabled=${busy || view.error === 'config_invalid' ? 'true' : 'false'}
                @click=${() => this.onSignInClick('post')}
              >
                ${t('signInLegacy')}${this.renderLastUsed(view, 'post', t)}
              </button>
            </div>`
          : nothing}
        <div
          id="help"
          class="popover"
          part="help"
          role="dialog"
          aria-labelledby="help-title"
          aria-busy=${this.help.open && !this.locale.messages ? 'true' : 'false'}
          tabindex="-1"
          ?hidden=${!this.help.open}
        >
          <div class="popover-heading">
            <p class="popover-title" id="help-title">${t('helpTitle')}</p>
            <button class="icon-button" aria-label=${t('closeHelp')} @click=${() => this.help.hide(true)}>×</button>
          </div>
          ${this.help.open ? this.renderHelpContent(t) : nothing}
        </div>
      </div>
    `;
  }

  /** The help text comes with the language chunk; on a slow line the open popover says it is on its way. */
  private renderHelpContent(t: (key: MessageKey) => string) {
    return this.locale.messages ? helpContent(t) : html`<p>${t('helpLoading')}</p>`;
  }

  private renderLastUsed(view: PostLoginView, method: SignInMethod, t: (key: MessageKey) => string) {
    return view.legacyLogin && view.lastMethod === method
      ? html`<span class="last-used" part="last-used">${t('lastUsed')}</span>`
      : nothing;
  }

  private renderSignedIn(
    view: PostLoginView,
    profile: Profile,
    t: (key: MessageKey, values?: Record<string, string>) => string,
  ) {
    const accountType =
      profile.accountType === 'business' ? t('accountBusiness') : profile.accountType === 'private' ? t('accountPrivate') : null;
    const role = profile.role === 'superadmin' ? t('roleSuperadmin') : profile.role === 'user' ? t('roleUser') : null;
    return html`
      <div class="account">
        <button
          class="user-button"
          part="user-button"
          aria-expanded=${this.userMenu.open ? 'true' : 'false'}
          aria-controls="user-menu"
          @click=${() => this.userMenu.toggle()}
        >
          <svg class="avatar" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="8" r="4" />
            <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" />
          </svg>
          <span class="visually-hidden">${t('userMenuOf')}</span>
          <span class="name">${profile.name}</span>
        </button>
      </div>
      <div
        id="user-menu"
        class="popover user-menu"
        part="user-menu"
        role="dialog"
        aria-label=${`${t('userMenuOf')} ${profile.name}`}
        tabindex="-1"
        ?hidden=${!this.userMenu.open}
      >
        <dl>
          <dt class="name">${profile.name}</dt>
          <dd class="email">${profile.email}</dd>
          ${accountType
            ? html`<dd class="account-type">${[accountType, profile.company, role].filter(Boolean).join(' · ')}</dd>`
            : nothing}
          <dd class="login">${t(profile.login === 'post' ? 'signedInWithLegacy' : 'signedInWith')}</dd>
        </dl>
        ${view.accountUnavailable
          ? html`<div class="alert" role="alert">
              <p>${t('errorAccount')}</p>
              <button class="secondary" part="retry-button" @click=${() => this.preview || this.active?.retryAccount()}>
                ${t('retry')}
              </button>
            </div>`
          : nothing}
        <button class="secondary sign-out" part="sign-out-button" @click=${this.onSignOutClick}>${t('signOut')}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'post-login': PostLogin;
  }
}
