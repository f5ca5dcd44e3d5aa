/**
 * Where a signed-in session lives: one localStorage entry per provider and client, so that the session survives a
 * reload and is shared by the tabs of the origin. A `storage` event tells the other tabs about sign-in, renewal and
 * sign-out. What is stored and who can read it is written down in the README (trust model).
 */

import type { Profile } from './page-login.js';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string | null;
  idToken: string;
  /** Access token expiry, seconds since the epoch. */
  expiresAt: number;
  scope: string;
}

export interface StoredSession {
  profile: Profile;
  tokens: SessionTokens;
}

const FRESH_SIGN_IN = 'post-login:fresh-sign-in:';

export function sessionKey(authority: string, clientId: string): string {
  return `post-login:session:${authority}|${clientId}`;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Accepts only a well-formed entry: anything else (old format, tampering) counts as signed out. */
function parseSession(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    const { profile, tokens } = value;
    if (!profile || !tokens) return null;
    if (!isString(profile.sub) || !isString(profile.name) || !isString(profile.email)) return null;
    if (!isString(tokens.accessToken) || !isString(tokens.idToken) || typeof tokens.expiresAt !== 'number') return null;
    // Kept before the profile had its accounts: none yet (the next sign-in lists them).
    return { ...value, profile: { ...profile, accounts: Array.isArray(profile.accounts) ? profile.accounts : [], linked: profile.linked !== false } } as StoredSession;
  } catch {
    return null;
  }
}

export class SessionStore {
  readonly key: string;

  constructor(key: string) {
    this.key = key;
  }

  read(): StoredSession | null {
    let raw: string | null;
    try {
      raw = localStorage.getItem(this.key);
    } catch {
      return null; // storage disabled: the session lives only as long as the page
    }
    const session = parseSession(raw);
    if (raw && !session) this.clear();
    return session;
  }

  write(session: StoredSession): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(session));
    } catch {
      // Storage full or disabled: the session still works in this page.
    }
  }

  clear(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      /* nothing stored */
    }
  }

  /**
   * A **fresh sign-in**: the next sign-in of this login on this device asks for the password again (`prompt=login`)
   * instead of taking the session the provider keeps. Required before every provider logout (should it not happen: the
   * provider unreachable, the page kept by the host, a tab closed on the way) and after a proof sign-in; a completed
   * sign-in clears it. localStorage: the provider's session is the browser's, not the tab's.
   */
  requireFreshSignIn(): void {
    this.useStorage((storage) => storage.setItem(`${FRESH_SIGN_IN}${this.key}`, '1'));
  }

  get freshSignInRequired(): boolean {
    return this.useStorage((storage) => storage.getItem(`${FRESH_SIGN_IN}${this.key}`)) === '1';
  }

  clearFreshSignIn(): void {
    this.useStorage((storage) => storage.removeItem(`${FRESH_SIGN_IN}${this.key}`));
  }

  private useStorage<T>(action: (storage: Storage) => T): T | undefined {
    try {
      return action(localStorage);
    } catch {
      return undefined; // storage disabled: nothing is kept
    }
  }

  /** Calls back when another tab of this origin changes the session. */
  subscribe(callback: (session: StoredSession | null) => void): () => void {
    const listener = (event: StorageEvent) => {
      if (event.storageArea === localStorage && (event.key === this.key || event.key === null)) {
        callback(parseSession(event.newValue));
      }
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  }
}
