/**
 * What a logout leaves for later, per login (provider and client), when it could not end everything at once:
 * - a provider logout still due in this tab: a logout that ended two logins goes to one provider per trip, and the
 *   second provider's logout follows on the way back (sessionStorage: it belongs to this tab's trip), as does the
 *   news that an earlier provider of the same logout could not be reached;
 * - a fresh sign-in due on this device, marked before every logout trip: should the provider's logout not happen
 *   (unreachable, a trip called off or never made), the provider keeps the customer's session, and the next sign-in
 *   asks for the password again instead of taking that session (localStorage: the provider's session is the
 *   browser's, not the tab's). A completed sign-in clears it.
 */

/** A due logout older than this is left over from an interrupted trip and is dropped, not acted on. */
const LOGOUT_DUE_FOR_MS = 10 * 60 * 1000;
const INCOMPLETE_KEY = 'post-login:logout-incomplete';

function use<T>(storage: () => Storage, action: (storage: Storage) => T): T | undefined {
  try {
    return action(storage());
  } catch {
    return undefined; // storage disabled: nothing is kept for later
  }
}

function isRecent(since: number): boolean {
  return since <= Date.now() && Date.now() - since < LOGOUT_DUE_FOR_MS;
}

/**
 * Before a trip to the next provider: whether an earlier provider of this logout could not be reached (to say so on
 * return); `false` forgets it.
 */
export function setLogoutIncomplete(incomplete: boolean): void {
  use(() => sessionStorage, (storage) => (incomplete ? storage.setItem(INCOMPLETE_KEY, String(Date.now())) : storage.removeItem(INCOMPLETE_KEY)));
}

/** Back from a provider: whether an earlier one of this logout could not be reached (a few minutes ago at most). */
export function logoutIncomplete(): boolean {
  return isRecent(Number(use(() => sessionStorage, (storage) => storage.getItem(INCOMPLETE_KEY)) ?? NaN));
}

export class LogoutMarks {
  private readonly logoutDueKey: string;
  private readonly freshSignInKey: string;

  /** `sessionKey` is the login's session key (session-store.ts). */
  constructor(sessionKey: string) {
    this.logoutDueKey = `post-login:logout-due:${sessionKey}`;
    this.freshSignInKey = `post-login:fresh-sign-in:${sessionKey}`;
  }

  markLogoutDue(): void {
    use(() => sessionStorage, (storage) => storage.setItem(this.logoutDueKey, String(Date.now())));
  }

  /** A provider logout is due in this tab, from a logout a few minutes ago at most. */
  get logoutDue(): boolean {
    return isRecent(Number(use(() => sessionStorage, (storage) => storage.getItem(this.logoutDueKey)) ?? NaN));
  }

  /** Forgets the due logout: it is being done now, or it is not wanted any more. */
  clearLogoutDue(): void {
    use(() => sessionStorage, (storage) => storage.removeItem(this.logoutDueKey));
  }

  markFreshSignInDue(): void {
    use(() => localStorage, (storage) => storage.setItem(this.freshSignInKey, '1'));
  }

  get freshSignInDue(): boolean {
    return use(() => localStorage, (storage) => storage.getItem(this.freshSignInKey)) === '1';
  }

  clearFreshSignInDue(): void {
    use(() => localStorage, (storage) => storage.removeItem(this.freshSignInKey));
  }
}
