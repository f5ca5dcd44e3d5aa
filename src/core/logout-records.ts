/**
 * What a logout records for later, per login (provider and client), when it cannot end everything at once (the words
 * are those of the README's glossary): a **pending provider logout** in this tab. A logout that ended two logins sends
 * the browser to one provider's logout at a time, and the second provider's logout follows when the browser returns
 * (sessionStorage: it belongs to this tab's logout), as does the news that an earlier provider of the same logout could
 * not be reached (an **incomplete logout**). The **fresh sign-in** a logout requires is the session store's
 * (session-store.ts).
 */

/** A pending provider logout older than this is left over from an interrupted logout and is dropped, not done. */
const PENDING_FOR_MS = 10 * 60 * 1000;
const INCOMPLETE_KEY = 'post-login:logout-incomplete';

function use<T>(storage: () => Storage, action: (storage: Storage) => T): T | undefined {
  try {
    return action(storage());
  } catch {
    return undefined; // storage disabled: nothing is kept for later
  }
}

function isRecent(since: number): boolean {
  return since <= Date.now() && Date.now() - since < PENDING_FOR_MS;
}

/**
 * Before the next provider logout: whether an earlier provider of this logout could not be reached (to say so on the
 * return); `false` forgets it.
 */
export function setLogoutIncomplete(incomplete: boolean): void {
  use(() => sessionStorage, (storage) => (incomplete ? storage.setItem(INCOMPLETE_KEY, String(Date.now())) : storage.removeItem(INCOMPLETE_KEY)));
}

/** On the return: whether an earlier provider of this logout could not be reached (a few minutes ago at most). */
export function logoutIncomplete(): boolean {
  return isRecent(Number(use(() => sessionStorage, (storage) => storage.getItem(INCOMPLETE_KEY)) ?? NaN));
}

export class LogoutRecords {
  private readonly pendingKey: string;

  /** `sessionKey` is the login's session key (session-store.ts). */
  private readonly hintKey: string;

  constructor(sessionKey: string) {
    this.pendingKey = `post-login:logout-due:${sessionKey}`;
    this.hintKey = `post-login:logout-hint:${sessionKey}`;
  }

  /**
   * The ended session's ID token, for its provider logout (`id_token_hint`: the provider then ends the session without
   * asking). Kept in this tab only until that logout leaves, or is given up.
   */
  keepLogoutHint(idToken: string): void {
    use(() => sessionStorage, (storage) => storage.setItem(this.hintKey, idToken));
  }

  get logoutHint(): string | null {
    return use(() => sessionStorage, (storage) => storage.getItem(this.hintKey)) ?? null;
  }

  markLogoutPending(): void {
    use(() => sessionStorage, (storage) => storage.setItem(this.pendingKey, String(Date.now())));
  }

  /** Something is recorded for this login's provider logout, pending or stale: the logout module decides what to do with it. */
  get recorded(): boolean {
    return Boolean(use(() => sessionStorage, (storage) => storage.getItem(this.pendingKey) ?? storage.getItem(this.hintKey)));
  }

  /** This login's provider logout is pending in this tab, from a logout a few minutes ago at most. */
  get logoutPending(): boolean {
    return isRecent(Number(use(() => sessionStorage, (storage) => storage.getItem(this.pendingKey)) ?? NaN));
  }

  /** Forgets the pending provider logout (and its hint): it is being done now, or it is not wanted any more. */
  clearLogoutPending(): void {
    use(() => sessionStorage, (storage) => {
      storage.removeItem(this.pendingKey);
      storage.removeItem(this.hintKey);
    });
  }
}
