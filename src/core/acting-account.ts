import type { Account, Profile } from './page-login.js';

/**
 * The account the customer acts for, chosen in the user menu: kept on this device per login and person, and heard by
 * the other tabs of the origin (a `storage` event). Only hashes are kept, of the person's subject and of the chosen
 * account's id, so that what stays on the device after a logout names nobody outright; the choice is found again by
 * hashing the accounts the API lists.
 */
const PREFIX = 'post-login:acting-account:';

/**
 * FNV-1a, 32 bits: enough to tell a person's few accounts apart. Not a secret: it hides the ids from a casual look at
 * the device's storage, and whoever knows an id can recompute its hash.
 */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value.toString(36);
}

function storageKey(sessionKey: string, profile: Profile): string {
  return `${PREFIX}${hash(`${sessionKey}|${profile.sub}`)}`;
}

/** Where the choices go when the browser keeps no storage for the page: they last as long as the page. */
const inPage = new Map<string, string>();

/** The acting account: the one chosen on this device when the person still has it, else their first. */
export function actingAccount(sessionKey: string, profile: Profile | null): Account | null {
  if (!profile?.accounts?.length) return null;
  const key = storageKey(sessionKey, profile);
  let chosen = inPage.get(key) ?? null;
  try {
    chosen = localStorage.getItem(key) ?? chosen;
  } catch {
    // Storage disabled: the choice made in this page, if any.
  }
  return profile.accounts.find((account) => hash(account.id) === chosen) ?? profile.accounts[0];
}

export function chooseAccount(sessionKey: string, profile: Profile, account: Account): void {
  const key = storageKey(sessionKey, profile);
  inPage.set(key, hash(account.id));
  try {
    localStorage.setItem(key, hash(account.id));
  } catch {
    // Storage disabled: the choice lasts as long as the page.
  }
}

/** A `storage` event about a choice (made in another tab). */
export function isAccountChoice(event: StorageEvent): boolean {
  return event.key === null || event.key.startsWith(PREFIX);
}
