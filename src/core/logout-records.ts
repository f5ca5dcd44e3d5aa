/**
 * What a logout records for later, per login (provider and client), when it cannot end everything at once (the words
 * are those of the README's glossary):
 * - a **pending provider logout** in this tab: a logout that ended two logins sends the browser to one provider's
 *   logout at a time, and the second provider's logout follows when the browser returns (sessionStorage: it belongs
 *   to this tab's logout), as does the news that an earlier provider of the same logout could not be reached
 *   (an **incomplete logout**);
 * - a **fresh sign-in** required on this device, recorded before every provider logout: should that logout not happen
 *   (provider unreachable, the page kept by the host, a tab closed on the way), the provider keeps the customer's
 *   session, and the next sign-in asks for the password again instead of taking that session (localStorage: the
 *   provider's session is the browser's, not the tab's). A completed sign-in clears it.
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
  private readonly freshSignInKey: string;

  /** `sessionKey` is the login's session key (session-store.ts). */
  constructor(sessionKey: string) {
    this.pendingKey = `post-login:logout-due:${sessionKey}`;
    this.freshSignInKey = `post-login:fresh-sign-in:${sessionKey}`;
  }

  markLogoutPending(): void {
    use(() => sessionStorage, (storage) => storage.setItem(this.pendingKey, String(Date.now())));
  }

  /** This login's provider logout is pending in this tab, from a logout a few minutes ago at most. */
  get logoutPending(): boolean {
    return isRecent(Number(use(() => sessionStorage, (storage) => storage.getItem(this.pendingKey)) ?? NaN));
  }

  /** Forgets the pending provider logout: it is being done now, or it is not wanted any more. */
  clearLogoutPending(): void {
    use(() => sessionStorage, (storage) => storage.removeItem(this.pendingKey));
  }

  requireFreshSignIn(): void {
    use(() => localStorage, (storage) => storage.setItem(this.freshSignInKey, '1'));
  }

  get freshSignInRequired(): boolean {
    return use(() => localStorage, (storage) => storage.getItem(this.freshSignInKey)) === '1';
  }

  clearFreshSignIn(): void {
    use(() => localStorage, (storage) => storage.removeItem(this.freshSignInKey));
  }
}
