import { AuthSession, type AuthConfig, type SessionChange } from './auth-session.js';
import { logoutIncomplete } from './logout-records.js';
import type { Logout, LogoutHost, LogoutState } from './logout.js';
import type { SignInMethod } from './page-login.js';

export interface LoginSessionsHost extends LogoutHost {
  sessionChanged(method: SignInMethod, change: SessionChange): void;
}

/**
 * The sessions behind one login element: one per configured login method (SwissID, and the older Post customer login
 * when configured), and their logout. The element loads this module after its first paint; the logout code loads when
 * the customer logs out, or when a page load finds a logout to go on with (a sign-in does not need it).
 */
export class LoginSessions {
  readonly byMethod: ReadonlyMap<SignInMethod, AuthSession>;
  private readonly host: LoginSessionsHost;
  private readonly unsubscribes: Array<() => void>;
  private loadingLogout: Promise<Logout> | null = null;
  private loadedLogout: Logout | null = null;

  constructor(configs: Array<[SignInMethod, AuthConfig]>, host: LoginSessionsHost) {
    this.host = host;
    this.byMethod = new Map(configs.map(([method, config]) => [method, AuthSession.for(config)]));
    this.unsubscribes = [...this.byMethod].map(([method, session]) =>
      session.subscribe((change) => host.sessionChanged(method, change)),
    );
  }

  /** The signed-in session (SwissID first), else the one signing in (or relaying a popup's response), else an expired one. */
  get active(): AuthSession | null {
    const all = [...this.byMethod.values()];
    return (
      all.find((session) => session.status === 'signed-in') ??
      all.find((session) => session.status === 'signing-in' || session.relayedPopupResponse) ??
      all.find((session) => session.status === 'expired') ??
      null
    );
  }

  get logoutState(): LogoutState {
    return this.loadedLogout?.state ?? 'idle';
  }

  /** The logout of these sessions (its module loaded on first use). */
  logout(): Promise<Logout> {
    this.loadingLogout ??= import('./logout.js').then(({ Logout }) => {
      this.loadedLogout = new Logout([...this.byMethod.values()], () => this.active, this.host);
      return this.loadedLogout;
    });
    this.loadingLogout.catch(() => (this.loadingLogout = null)); // offline: asked for again next time
    return this.loadingLogout;
  }

  /**
   * Signs out. When the logout's module cannot be loaded (offline since the page was shown), at least on this device:
   * every session ends here and in the other tabs, the next sign-in asks for the password, and `incomplete` tells the
   * element to say that the provider's session is left.
   */
  async signOut(incomplete: () => void): Promise<void> {
    let logout: Logout;
    try {
      logout = await this.logout();
    } catch {
      for (const session of this.byMethod.values()) {
        if (session.status === 'signed-out') continue;
        session.store.requireFreshSignIn();
        session.end();
      }
      incomplete();
      return;
    }
    await logout.signOut();
  }

  /** Takes a response in the address bar, and goes on with the provider logouts recorded by a logout before. */
  start(callbackPage: boolean): void {
    this.byMethod.forEach((session) => void session.handleCallback());
    const recorded = [...this.byMethod.values()].some((session) => session.records.recorded) || logoutIncomplete();
    if (recorded) void this.logout().then((logout) => logout.resume(callbackPage), () => undefined);
  }

  dispose(): void {
    this.unsubscribes.forEach((unsubscribe) => unsubscribe());
    this.loadedLogout?.dispose();
  }
}
