import { loadAccount } from './account-api.js';
import { isAuthorizationResponse, pendingRequestOwner, takeAuthorizationResponse } from './callback-url.js';
import { PostLoginError, isPostLoginError } from './errors.js';
import type { OidcSettings } from './oidc/index.js';
import { relayPopupResponse, waitForPopupResponse } from './popup-response.js';
import { LogoutMarks, logoutIncomplete, setLogoutIncomplete } from './logout-marks.js';
import { SessionStore, sessionKey, type Profile, type StoredSession } from './session-store.js';

/**
 * One signed-in session per provider and client, shared by every element on the page that uses them (the login mask,
 * and later the link banner and the address picker). It owns the tokens; elements see only the profile and status.
 * Elements load this module after their first paint (a stored profile is enough to paint).
 */
export interface AuthConfig extends OidcSettings {
  /** Base URL of the Post account API, or null to show only what the ID token says. */
  api: string | null;
}

export type AuthStatus = 'signed-out' | 'signing-in' | 'signed-in' | 'expired';
export type SignInFlow = 'redirect' | 'popup';

export type SessionChange =
  | { type: 'signed-in'; via: SignInFlow | 'other-tab' }
  | { type: 'signed-out'; reason: 'user' | 'other-tab' }
  | { type: 'expired' }
  | { type: 'error'; error: PostLoginError }
  | { type: 'updated' }
  /** The browser was sent to this provider's logout but is still here after a while: that logout did not happen. */
  | { type: 'logout-stalled' };

const POPUP_TIMEOUT_MS = 5 * 60 * 1000;
const RETRY_RENEWAL_MS = 15_000;
/** A token this close to expiry is renewed before it is handed out. */
const MIN_TOKEN_LIFETIME_S = 30;
/** How long a document that was sent to a provider's logout counts as leaving (see leaveForLogout). */
const LEAVE_GRACE_MS = 15_000;

const loadOidc = () => import('./oidc/index.js');
const sessions = new Map<string, AuthSession>();
/** The login (by its marks) whose provider's logout this document is leaving for: no other trip may start from it. */
let leavingFor: LogoutMarks | null = null;
let leaveTimer: number | undefined;
function stopLeaving(): void {
  window.clearTimeout(leaveTimer);
  leavingFor = null;
}
// Back on this document from the back-forward cache: the trip it started is over.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) stopLeaving();
});

type LogoutTrip = 'leaving' | 'unreachable' | 'not-wanted';

function now(): number {
  return Math.floor(Date.now() / 1000);
}

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

  config: AuthConfig;
  status: AuthStatus;
  /** The last failure, until the next attempt. */
  error: PostLoginError | null = null;
  /** The account API could not be read; the profile holds only the ID token's data. */
  accountUnavailable = false;
  /** This page is a popup that only relayed a response to its opener. */
  relayedPopupResponse = false;

  private readonly store: SessionStore;
  /** Logouts and fresh sign-ins left due by an earlier logout. */
  private readonly marks: LogoutMarks;
  private session: StoredSession | null;
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private renewalTimer = 0;
  private callbackHandled = false;
  /** Counts sign-in attempts: the outcome of one the customer has since replaced is ignored. */
  private attempt = 0;

  private constructor(config: AuthConfig, store: SessionStore) {
    this.config = config;
    this.store = store;
    this.marks = new LogoutMarks(store.key);
    this.session = store.read();
    this.status = this.session ? 'signed-in' : 'signed-out';
    store.subscribe((stored) => this.adoptFromOtherTab(stored));
    if (this.session) this.scheduleRenewal();
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
    this.status = 'signed-out';
    this.error = failure;
    this.emit({ type: 'error', error: failure });
  }

  /**
   * True when the response in the address bar is for this session; one nobody asked for goes to SwissID's. A
   * linking proof that came back by redirect belongs to the link banner; one in a popup is relayed like any other.
   */
  private ownsResponse(url: URL): boolean {
    const owner = pendingRequestOwner(url);
    if (!owner) return this.config.login === 'swissid';
    if (owner.purpose === 'link' && !owner.popup) return false;
    return owner.clientId === this.config.clientId && owner.authority === this.config.authority;
  }

  /** Handles an authorization response in the address bar, once per page. */
  async handleCallback(): Promise<void> {
    const url = new URL(window.location.href);
    if (this.callbackHandled || !isAuthorizationResponse(url) || !this.ownsResponse(url)) return;
    this.callbackHandled = true;
    const responseUrl = takeAuthorizationResponse();
    if (!responseUrl) return;
    this.status = 'signing-in';
    this.error = null;
    this.emit({ type: 'updated' });
    try {
      const oidc = await loadOidc();
      if (await oidc.isPopupResponse(this.config, responseUrl)) {
        relayPopupResponse(responseUrl);
        this.relayedPopupResponse = true;
        this.status = 'signed-out';
        this.emit({ type: 'updated' });
        window.close();
        return;
      }
      await this.complete(responseUrl, 'redirect');
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * Starts a sign-in. For the popup flow the caller opens the window inside the customer's click (see popup-window.ts) and
   * passes it here, or null when the browser blocked it.
   */
  async signIn(flow: SignInFlow, uiLocales: string, popup: Window | null = null): Promise<void> {
    const attempt = ++this.attempt;
    this.error = null;
    if (flow === 'popup' && !popup) {
      this.fail(new PostLoginError('popup_blocked'));
      return;
    }
    this.status = 'signing-in';
    this.emit({ type: 'updated' });
    try {
      const oidc = await loadOidc();
      const fresh = this.marks.freshSignInDue;
      const request = await oidc.createSignInRequest(this.config, { popup: flow === 'popup', uiLocales, fresh });
      if (!popup) {
        window.location.assign(request.url);
        return;
      }
      popup.location.href = request.url;
      const responseUrl = await waitForPopupResponse(popup, request.stateId, POPUP_TIMEOUT_MS);
      await this.complete(responseUrl, 'popup');
    } catch (error) {
      if (attempt !== this.attempt) return;
      popup?.close();
      this.fail(error);
    }
  }

  private async complete(responseUrl: string, via: SignInFlow): Promise<void> {
    const oidc = await loadOidc();
    const session = await oidc.completeSignIn(this.config, responseUrl);
    this.session = await this.withAccount(session);
    this.store.write(this.session);
    this.marks.clearFreshSignInDue();
    this.status = 'signed-in';
    this.emit({ type: 'signed-in', via });
    this.scheduleRenewal();
  }

  private async withAccount(session: StoredSession): Promise<StoredSession> {
    this.accountUnavailable = false;
    if (!this.config.api) return session;
    try {
      return { ...session, profile: await loadAccount(this.config.api, session.tokens.accessToken, session.profile) };
    } catch {
      this.accountUnavailable = true;
      this.emit({ type: 'error', error: new PostLoginError('account_unavailable') });
      return session;
    }
  }

  /** Loads the account data again after it failed. */
  async retryAccount(): Promise<void> {
    if (!this.session) return;
    this.session = await this.withAccount(this.session);
    this.store.write(this.session);
    this.emit({ type: 'updated' });
  }

  /**
   * Signs out here, in the other tabs and at the provider (which then returns to the post-logout address); true when
   * the browser is leaving for the provider. `then`: logins ended with this one (already signed out here) whose
   * providers' logouts follow on the way back, one per trip (`endDueLogouts`). With `leave: false` the page stays and
   * only the refresh token is revoked.
   */
  async signOut(uiLocales: string, { leave = true, then = [] as AuthSession[] } = {}): Promise<boolean> {
    const ended = this.session;
    this.clearSession('signed-out');
    this.emit({ type: 'signed-out', reason: 'user' });
    if (!leave) {
      await loadOidc()
        .then((oidc) => oidc.revokeRefreshToken(this.config, ended))
        .catch(() => undefined);
      return false;
    }
    return (await this.leaveForLogout(ended, uiLocales, { then })) === 'leaving';
  }

  /** The provider's own logout of a login ended together with another is still due in this tab. */
  get logoutDue(): boolean {
    return this.marks.logoutDue;
  }

  /**
   * Goes on with a logout that ended several logins, one provider per trip: first `next` (logins just ended on this
   * page whose first provider could not be reached: `failedAlready`), else the logouts due in this tab on the way back.
   * `leaving`: the browser is on its way to a provider; `failed`: some provider of this logout could not be reached
   * (the customer is signed out on this device only); `none`: nothing was due, or it is not wanted any more.
   */
  static async endDueLogouts(
    sessions: AuthSession[],
    uiLocales: string,
    { next = [] as AuthSession[], failedAlready = false, callbackPage = false } = {},
  ): Promise<'leaving' | 'failed' | 'none'> {
    if (leavingFor) return 'leaving'; // another element's logout is taking this document away: it takes these along
    const due = [...next, ...sessions.filter((session) => session.marks.logoutDue && !next.includes(session))];
    // Stale marks (from a trip interrupted long ago) are dropped; the due ones stay until their trip is certain, so that
    // a reload meanwhile still finds them.
    sessions.filter((session) => !due.includes(session)).forEach((session) => session.marks.clearLogoutDue());
    let failed = failedAlready || logoutIncomplete();
    // Not wanted any more on the page of a sign-in, or with someone signed in meanwhile (checked after every wait).
    const wanted = () => !callbackPage && !sessions.some((session) => session.status === 'signed-in' || session.status === 'signing-in');
    for (const [index, session] of due.entries()) {
      const trip = wanted() ? await session.leaveForLogout(null, uiLocales, { then: due.slice(index + 1), incomplete: failed, wanted }) : 'not-wanted';
      if (trip === 'leaving') return 'leaving';
      if (trip === 'not-wanted') {
        due.slice(index).forEach((rest) => rest.marks.clearLogoutDue());
        break;
      }
      failed = true;
    }
    setLogoutIncomplete(false); // said now (or not wanted any more): it must not outlive this logout
    return failed && wanted() ? 'failed' : 'none';
  }

  /**
   * Leaves for this provider's logout; the logins in `then` follow on the way back. This login and those are marked for
   * a fresh sign-in first: should a provider's logout not happen after all (unreachable, a trip called off, a tab
   * closed on the way), the next sign-in asks for the password instead of taking the session the provider kept.
   */
  private async leaveForLogout(
    ended: StoredSession | null,
    uiLocales: string,
    { then = [] as AuthSession[], incomplete = false, wanted = () => true },
  ): Promise<LogoutTrip> {
    const logoutUrl = await loadOidc()
      .then((oidc) => oidc.endSession(this.config, ended, uiLocales))
      .catch(() => null);
    if (!logoutUrl) {
      this.marks.clearLogoutDue();
      this.marks.markFreshSignInDue();
      return 'unreachable';
    }
    if (!wanted()) return 'not-wanted';
    this.marks.markFreshSignInDue();
    // Marked only now, with the trip certain: a page that stays must not find logouts due.
    for (const session of then) {
      session.marks.markLogoutDue();
      session.marks.markFreshSignInDue();
    }
    setLogoutIncomplete(incomplete);
    if (leavingFor) {
      // Another element's logout is already taking this document away: this one follows on the way back (unless it is
      // the very login that trip is for, which a second handling of the same way back may find still due).
      if (leavingFor !== this.marks) this.marks.markLogoutDue();
      return 'leaving';
    }
    this.marks.clearLogoutDue();
    leavingFor = this.marks;
    // A host's "leave this page?" answered with "stay", or a provider that does not answer, keeps this document: after a
    // while it may start a logout again (the logouts marked due follow on the next page load), and the page says so.
    leaveTimer = window.setTimeout(() => {
      stopLeaving();
      this.emit({ type: 'logout-stalled' });
    }, LEAVE_GRACE_MS);
    window.location.assign(logoutUrl);
    return 'leaving';
  }

  /**
   * A valid access token for the host's own API calls; renews it first when it is about to expire, or when `renew`
   * says that an API refused the last one (401).
   */
  async getAccessToken(renew = false): Promise<string> {
    if (!this.session) throw new PostLoginError('signed_out');
    if (renew || this.session.tokens.expiresAt - now() < MIN_TOKEN_LIFETIME_S) await this.renew();
    if (!this.session) throw new PostLoginError('signed_out');
    return this.session.tokens.accessToken;
  }

  private clearSession(status: AuthStatus): void {
    window.clearTimeout(this.renewalTimer);
    this.store.clear();
    this.session = null;
    this.status = status;
    this.accountUnavailable = false;
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
    const wasSignedIn = this.session !== null;
    if (!stored) {
      if (!wasSignedIn) return;
      window.clearTimeout(this.renewalTimer);
      this.session = null;
      this.status = 'signed-out';
      this.emit({ type: 'signed-out', reason: 'other-tab' });
      return;
    }
    this.session = stored;
    this.status = 'signed-in';
    this.error = null;
    this.scheduleRenewal();
    this.emit(wasSignedIn ? { type: 'updated' } : { type: 'signed-in', via: 'other-tab' });
  }
}
