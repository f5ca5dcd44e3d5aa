import { loadAccount } from './account-api.js';
import { isAuthorizationResponse, pendingRequestOwner, takeAuthorizationResponse } from './callback-url.js';
import { forgetPendingRequests } from './customer-data.js';
import { PostLoginError, isPostLoginError } from './errors.js';
import type { OidcSettings } from './oidc/index.js';
import type { LoginStatus, Profile, SignInFlow } from './page-login.js';
import { LogoutRecords } from './logout-records.js';
import { SessionStore, sessionKey, type StoredSession } from './session-store.js';

/** One login method's settings, as the login element resolves them (auth-config.ts). */
export interface AuthConfig extends OidcSettings {
  /** Base URL of the Post account API, or null to show only what the ID token says. */
  api: string | null;
}

export type SessionChange =
  | { type: 'signed-in'; via: SignInFlow | 'other-tab' }
  | { type: 'signed-out'; reason: 'user' | 'other-tab' }
  | { type: 'expired' }
  | { type: 'error'; error: PostLoginError }
  | { type: 'updated' };

/** Where a session stands. The tokens themselves are in `AuthSession.session`, which mirrors the shared store. */
type SessionState =
  | { status: 'signed-out'; error: PostLoginError | null }
  /** `attempt` is aborted when the customer starts another sign-in: the outcome of this one no longer counts. */
  | { status: 'signing-in'; attempt: AbortController }
  /** `accountUnavailable`: the account API could not be read; the profile holds only the ID token's data. */
  | { status: 'signed-in'; accountUnavailable: boolean }
  | { status: 'expired' }
  /** This page is a popup that only relayed a response to the window that opened it. */
  | { status: 'relayed' };

const RETRY_RENEWAL_MS = 15_000;
/** A token this close to expiry is renewed before it is handed out. */
const MIN_TOKEN_LIFETIME_S = 30;

export const loadOidc = () => import('./oidc/index.js');
// The popup's answer: only a popup sign-in (and the page in the popup) needs it, not one by redirect.
const loadPopup = () => import('./popup-response.js');
const sessions = new Map<string, AuthSession>();

function now(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * One signed-in session per provider and client, shared by every login element on the page that uses them. It owns
 * the tokens; elements see only the profile and status. Elements load this module after their first paint (a stored
 * profile is enough to paint). Logout, which may span several sessions and page loads, is logout.ts's.
 */
export class AuthSession {
  /** The session for this provider and client; created on first use. */
  static for(config: AuthConfig): AuthSession {
    const key = sessionKey(config.authority, config.clientId);
    let session = sessions.get(key);
    if (!session) {
      session = new AuthSession(config, new SessionStore(key));
      sessions.set(key, session);
    } else {
      session.config = config;
      session.syncWithStore();
    }
    return session;
  }

  /** Someone is signed in with any login on this page (another element's, another client's). */
  static anyoneSignedIn(): boolean {
    return [...sessions.values()].some((session) => session.session !== null);
  }

  config: AuthConfig;
  /** What logouts recorded for this login (a pending provider logout). */
  readonly records: LogoutRecords;
  /** Where the session is kept, with the fresh sign-in a logout may require. */
  readonly store: SessionStore;
  private state: SessionState;
  private session: StoredSession | null;
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private renewalTimer = 0;
  private callbackHandled = false;

  private constructor(config: AuthConfig, store: SessionStore) {
    this.config = config;
    this.store = store;
    this.records = new LogoutRecords(store.key);
    this.session = store.read();
    this.state = this.session ? { status: 'signed-in', accountUnavailable: false } : { status: 'signed-out', error: null };
    store.subscribe((stored) => this.adoptFromOtherTab(stored));
    if (this.session) this.scheduleRenewal();
  }

  get status(): LoginStatus {
    return this.state.status === 'relayed' ? 'signed-out' : this.state.status;
  }

  /** The last failure, until the next attempt. */
  get error(): PostLoginError | null {
    return this.state.status === 'signed-out' ? this.state.error : null;
  }

  get accountUnavailable(): boolean {
    return this.state.status === 'signed-in' && this.state.accountUnavailable;
  }

  get relayedPopupResponse(): boolean {
    return this.state.status === 'relayed';
  }

  get profile(): Profile | null {
    return this.session?.profile ?? null;
  }

  subscribe(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: SessionChange): void {
    this.listeners.forEach((listener) => listener(change));
  }

  private fail(error: unknown): void {
    const failure = isPostLoginError(error) ? error : new PostLoginError('provider_error');
    this.state = { status: 'signed-out', error: failure };
    this.emit({ type: 'error', error: failure });
  }

  private startAttempt(): AbortController {
    if (this.state.status === 'signing-in') this.state.attempt.abort();
    const attempt = new AbortController();
    this.state = { status: 'signing-in', attempt };
    this.emit({ type: 'updated' });
    return attempt;
  }

  /**
   * True when the response in the address bar is for this session; one nobody asked for goes to SwissID's. A proof
   * that came back by redirect belongs to the code that asked for it; one in a popup is relayed like any other.
   */
  private ownsResponse(url: URL): boolean {
    const owner = pendingRequestOwner(url);
    if (!owner) return this.config.login === 'swissid';
    if (owner.purpose === 'proof' && !owner.popup) return false;
    return owner.clientId === this.config.clientId && owner.authority === this.config.authority;
  }

  /** Handles an authorization response in the address bar, once per page. */
  async handleCallback(): Promise<void> {
    const url = new URL(window.location.href);
    if (this.callbackHandled || !isAuthorizationResponse(url) || !this.ownsResponse(url)) return;
    this.callbackHandled = true;
    const unknown = pendingRequestOwner(url) === null;
    const responseUrl = takeAuthorizationResponse();
    if (!responseUrl) return;
    this.startAttempt();
    try {
      const oidc = await loadOidc();
      if (unknown && (await loadPopup()).isSignInPopup()) {
        // An answer to a request nobody here made (tampered, or long expired), in a popup: the window that opened it
        // is told at once, instead of waiting for an answer that will not come.
        await this.relayed(responseUrl, { unknown: true });
        return;
      }
      if (await oidc.isPopupResponse(this.config, responseUrl)) {
        await this.relayed(responseUrl);
        return;
      }
      await this.complete(responseUrl, 'redirect');
    } catch (error) {
      forgetPendingRequests();
      this.fail(error);
    }
  }

  /** This page is a popup: the response goes to the window that opened it, and the popup closes. */
  private async relayed(responseUrl: string, options?: { unknown: boolean }): Promise<void> {
    (await loadPopup()).relayPopupResponse(responseUrl, options);
    this.state = { status: 'relayed' };
    this.emit({ type: 'updated' });
    window.close();
  }

  /**
   * Starts a sign-in. For the popup flow the caller opens the window inside the customer's click (see
   * popup-window.ts) and passes it here, or null when the browser blocked it.
   */
  async signIn(flow: SignInFlow, uiLocales: string, popup: Window | null = null): Promise<void> {
    if (this.state.status === 'signing-in') this.state.attempt.abort();
    if (flow === 'popup' && !popup) {
      this.fail(new PostLoginError('popup_blocked'));
      return;
    }
    const attempt = this.startAttempt();
    try {
      const oidc = await loadOidc();
      const fresh = this.store.freshSignInRequired;
      const request = await oidc.createSignInRequest(this.config, { popup: flow === 'popup', uiLocales, fresh });
      if (!popup) {
        window.location.assign(request.url);
        return;
      }
      popup.location.href = request.url;
      const responseUrl = await (await loadPopup()).waitForPopupResponse(popup, request.stateId);
      await this.complete(responseUrl, 'popup');
    } catch (error) {
      if (attempt.signal.aborted) return;
      popup?.close();
      this.fail(error);
    }
  }

  private async complete(responseUrl: string, via: SignInFlow): Promise<void> {
    const oidc = await loadOidc();
    const session = await oidc.completeSignIn(this.config, responseUrl);
    const { session: withAccount, accountUnavailable } = await this.withAccount(session);
    if (accountUnavailable) this.emit({ type: 'error', error: new PostLoginError('account_unavailable') });
    this.session = withAccount;
    this.store.write(withAccount);
    this.store.clearFreshSignIn();
    this.state = { status: 'signed-in', accountUnavailable };
    this.emit({ type: 'signed-in', via });
    this.scheduleRenewal();
  }

  private async withAccount(session: StoredSession): Promise<{ session: StoredSession; accountUnavailable: boolean }> {
    if (!this.config.api) return { session, accountUnavailable: false };
    try {
      const oidc = await loadOidc();
      const authorize = (method: string, url: string) => oidc.apiAuthorization(this.config, session.tokens.accessToken, method, url);
      const profile = await loadAccount(this.config.api, authorize, session.profile);
      return { session: { ...session, profile }, accountUnavailable: false };
    } catch {
      return { session, accountUnavailable: true };
    }
  }

  /** Loads the account data again after it failed. */
  async retryAccount(): Promise<void> {
    if (!this.session) return;
    const { session, accountUnavailable } = await this.withAccount(this.session);
    if (this.state.status !== 'signed-in') return; // signed out meanwhile: nothing may be stored again
    if (accountUnavailable) this.emit({ type: 'error', error: new PostLoginError('account_unavailable') });
    this.session = session;
    this.store.write(session);
    this.state = { status: 'signed-in', accountUnavailable };
    this.emit({ type: 'updated' });
  }

  /**
   * Ends the session here and in the other tabs (nothing at the provider: that is logout.ts's), and returns what was
   * ended, whose tokens the provider's logout revokes.
   */
  end(): StoredSession | null {
    const ended = this.session;
    this.clearSession('signed-out');
    this.emit({ type: 'signed-out', reason: 'user' });
    return ended;
  }

  /** The headers that authorize one request to the account API with the session's token (see getAccessToken). */
  async getAuthorization(method: string, url: string, renew = false): Promise<Record<string, string>> {
    const accessToken = await this.getAccessToken(renew);
    return (await loadOidc()).apiAuthorization(this.config, accessToken, method, url);
  }

  /**
   * A valid access token (bound to this browser's key); renews it first when it is about to expire, or when `renew`
   * says that an API refused the last one (401).
   */
  async getAccessToken(renew = false): Promise<string> {
    if (!this.session) throw new PostLoginError('signed_out');
    if (renew || this.session.tokens.expiresAt - now() < MIN_TOKEN_LIFETIME_S) await this.renew();
    if (!this.session) throw new PostLoginError('signed_out');
    return this.session.tokens.accessToken;
  }

  private clearSession(status: 'signed-out' | 'expired'): void {
    window.clearTimeout(this.renewalTimer);
    this.store.clear();
    this.session = null;
    this.state = status === 'expired' ? { status } : { status, error: null };
  }

  private scheduleRenewal(): void {
    window.clearTimeout(this.renewalTimer);
    if (!this.session) return;
    const remaining = this.session.tokens.expiresAt - now();
    const ahead = Math.min(60, Math.max(remaining / 4, 0));
    const delay = Math.max(1, remaining - ahead) * 1000;
    this.renewalTimer = window.setTimeout(() => void this.renew().catch(() => undefined), delay);
  }

  /** Renews once for all tabs: the Web Lock lets one tab redeem the (rotating) refresh token, the others adopt. */
  private async renew(): Promise<void> {
    const current = this.session;
    if (!current) return;
    // Nobody is signed in any more (here or in another tab), or the session is no longer the one being renewed.
    const ended = () =>
      this.session?.tokens.refreshToken !== current.tokens.refreshToken ||
      this.store.read()?.tokens.refreshToken !== current.tokens.refreshToken;
    const work = async () => {
      const stored = this.store.read();
      if (stored && stored.tokens.refreshToken !== current.tokens.refreshToken) {
        this.session = stored; // another tab renewed meanwhile
        return;
      }
      if (ended()) return;
      const oidc = await loadOidc();
      const renewed = await oidc.refreshSession(this.config, current);
      if (ended()) {
        // Logged out while the provider answered: the renewed session must not come back; its new token goes.
        void oidc.revokeRefreshToken(this.config, renewed);
        return;
      }
      // The profile as it is now: the account data may have been loaded again meanwhile (retryAccount).
      this.session = { ...renewed, profile: this.session!.profile };
      this.store.write(this.session);
    };
    try {
      if (navigator.locks) await navigator.locks.request(`${this.store.key}:renew`, work);
      else await work();
      this.scheduleRenewal();
      this.emit({ type: 'updated' });
    } catch (error) {
      if (isPostLoginError(error) && error.code === 'provider_unreachable') {
        window.clearTimeout(this.renewalTimer);
        this.renewalTimer = window.setTimeout(() => void this.renew().catch(() => undefined), RETRY_RENEWAL_MS);
        throw error;
      }
      this.clearSession('expired');
      this.emit({ type: 'expired' });
      throw new PostLoginError('renewal_failed');
    }
  }

  /** The store is the truth shared by all tabs; catch up when it changed without a storage event reaching us. */
  private syncWithStore(): void {
    const stored = this.store.read();
    if (stored?.tokens.accessToken !== this.session?.tokens.accessToken) this.adoptFromOtherTab(stored);
  }

  private adoptFromOtherTab(stored: StoredSession | null): void {
    // Another customer signed in in another tab: for every element, the one here signs out before the other signs in,
    // so that nobody keeps the first customer's data or acts for them with the second one's token.
    if (stored && this.session && stored.profile.sub !== this.session.profile.sub) this.adoptFromOtherTab(null);
    const wasSignedIn = this.session !== null;
    if (!stored) {
      if (!wasSignedIn) return;
      window.clearTimeout(this.renewalTimer);
      this.session = null;
      this.state = { status: 'signed-out', error: null };
      this.emit({ type: 'signed-out', reason: 'other-tab' });
      return;
    }
    this.session = stored;
    this.state = { status: 'signed-in', accountUnavailable: this.accountUnavailable };
    this.scheduleRenewal();
    this.emit(wasSignedIn ? { type: 'updated' } : { type: 'signed-in', via: 'other-tab' });
  }
}
