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
    return value as StoredSession;
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
