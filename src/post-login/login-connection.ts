import { isServer } from 'lit';
import type { AuthConfig } from '../core/auth-session.js';
import { authConfig } from '../core/auth-config.js';
import { isSignInResponse } from '../core/callback-url.js';
import { PostLoginError } from '../core/errors.js';
import type { LoginSessions, LoginSessionsHost } from '../core/login-sessions.js';
import type { LoginSettings, LoginStatus, Profile, SignInMethod } from '../core/page-login.js';
import { SessionStore, sessionKey } from '../core/session-store.js';

/**
 * Where `<post-login>`'s sessions stand: until the session module has loaded, what the stored sessions say (enough to
 * paint); then the live sessions.
 */
type Connection =
  | { phase: 'stored'; profile: Profile | null }
  | { phase: 'loading'; profile: Profile | null; sessions: Promise<LoginSessions> }
  | { phase: 'connected'; sessions: LoginSessions };

// The session logic (and, through it, the OIDC code) is not needed to paint the mask.
const loadSessions = () => import('../core/login-sessions.js').then((module) => module.LoginSessions);

export interface ConnectionHost extends LoginSessionsHost {
  readonly settings: LoginSettings & { readonly isConnected: boolean };
  /** The sessions are there: render them. */
  connected(): void;
}

/** `<post-login>`'s connection to the sessions of its login methods, from its settings. */
export class LoginConnection {
  private state: Connection = { phase: 'stored', profile: null };
  private readonly host: ConnectionHost;

  constructor(host: ConnectionHost) {
    this.host = host;
  }

  get sessions(): LoginSessions | null {
    return this.state.phase === 'connected' && this.state.sessions.byMethod.size > 0 ? this.state.sessions : null;
  }

  /** The signed-in customer (from storage until the sessions are there), or null. */
  get profile(): Profile | null {
    if (this.state.phase !== 'connected') return this.state.profile;
    const active = this.state.sessions.active;
    return active?.status === 'signed-in' ? active.profile : null;
  }

  get status(): LoginStatus {
    const sessions = this.sessions;
    if (sessions) return sessions.active?.status ?? 'signed-out';
    if (!isServer && isSignInResponse(new URL(location.href))) return 'signing-in';
    return this.profile ? 'signed-in' : 'signed-out';
  }

  /** The configured methods: SwissID always, the older Post customer login when both its settings are there. */
  methods(): SignInMethod[] {
    const { legacyAuthority, legacyClientId } = this.host.settings;
    return legacyAuthority || legacyClientId ? ['swissid', 'post'] : ['swissid'];
  }

  /** Each configured method's settings; null for one that is not (correctly) configured. */
  configs(): Array<[SignInMethod, AuthConfig | null]> {
    return this.methods().map((method) => [method, authConfig(this.host.settings, method)]);
  }

  /** From the settings as they are now: what the stored sessions say, until the session module is asked for. */
  reset(): void {
    this.disconnect();
    let profile: Profile | null = null;
    for (const [, config] of this.configs()) {
      profile ??= config ? (new SessionStore(sessionKey(config.authority, config.clientId)).read()?.profile ?? null) : null;
    }
    this.state = { phase: 'stored', profile };
  }

  disconnect(): void {
    if (this.state.phase === 'connected') this.state.sessions.dispose();
    this.state = { phase: 'stored', profile: null };
  }

  /** Loads the shared sessions for the current settings and follows their changes. */
  connect(): Promise<LoginSessions> {
    const state = this.state;
    if (state.phase === 'connected') return Promise.resolve(state.sessions);
    if (state.phase === 'loading') return state.sessions;
    const loading: Promise<LoginSessions> = loadSessions().then((LoginSessions) => {
      if (this.state.phase !== 'loading' || this.state.sessions !== loading) {
        // Settings changed meanwhile (the sessions for the new ones are loading), or the element was removed.
        if (this.host.settings.isConnected) return this.connect();
        throw new PostLoginError('signed_out');
      }
      const configs = this.configs().filter((entry): entry is [SignInMethod, AuthConfig] => entry[1] !== null);
      const sessions = new LoginSessions(configs, this.host);
      this.state = { phase: 'connected', sessions };
      this.host.connected();
      // Taken before the callback handling clears the address bar.
      sessions.start(isSignInResponse(new URL(location.href)));
      return sessions;
    });
    this.state = { phase: 'loading', profile: state.profile, sessions: loading };
    // A module that could not load (offline) is asked for again next time.
    loading.catch(() => {
      if (this.state.phase === 'loading' && this.state.sessions === loading) this.state = { phase: 'stored', profile: state.profile };
    });
    return loading;
  }
}
