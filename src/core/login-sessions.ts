import { AuthSession, type AuthConfig, type SessionChange } from './auth-session.js';
import { Logout, type LogoutHost } from './logout.js';
import type { SignInMethod } from './page-login.js';

export interface LoginSessionsHost extends LogoutHost {
  sessionChanged(method: SignInMethod, change: SessionChange): void;
}

/**
 * The sessions behind one login element: one per configured login method (SwissID, and the older Post customer login
 * when configured), and their logout. The element loads this module after its first paint.
 */
export class LoginSessions {
  readonly byMethod: ReadonlyMap<SignInMethod, AuthSession>;
  readonly logout: Logout;
  private readonly unsubscribes: Array<() => void>;

  constructor(configs: Array<[SignInMethod, AuthConfig]>, host: LoginSessionsHost) {
    this.byMethod = new Map(configs.map(([method, config]) => [method, AuthSession.for(config)]));
    this.unsubscribes = [...this.byMethod].map(([method, session]) =>
      session.subscribe((change) => host.sessionChanged(method, change)),
    );
    this.logout = new Logout([...this.byMethod.values()], () => this.active, host);
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

  /** Takes a response in the address bar, and goes on with the provider logouts pending from a logout before. */
  start(callbackPage: boolean): void {
    this.byMethod.forEach((session) => void session.handleCallback());
    this.logout.resume(callbackPage);
  }

  dispose(): void {
    this.unsubscribes.forEach((unsubscribe) => unsubscribe());
    this.logout.dispose();
  }
}
