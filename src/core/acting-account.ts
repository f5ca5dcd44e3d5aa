import type { Account, Profile } from './page-login.js';

/**
 * The account the customer acts for, chosen in the user menu: kept on this device per login and person, and heard by
 * the other tabs of the origin (a `storage` event). Only hashes are kept, of the person's subject and of the chosen
 * account's id, so that what stays on the device after a logout names nobody; the choice is found again by hashing
 * the accounts the API lists.
 */
const PREFIX = 'post-login:acting-account:';

/** FNV-1a, 32 bits: enough to tell a person's few accounts apart, and not a way back to the id. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value.toString(36);
}

function storageKey(sessionKey: string, profile: Profile): string {
  return `${PREFIX}${hash(`${sessionKey}|${profile.sub}`)}`;
}

/** The acting account: the one chosen on this device when the person still has it, else their first. */
export function actingAccount(sessionKey: string, profile: Profile | null): Account | null {
  if (!profile?.accounts?.length) return null;
  let chosen: string | null = null;
  try {
    chosen = localStorage.getItem(storageKey(sessionKey, profile));
  } catch {
    // Storage disabled: the first account.
  }
  return profile.accounts.find((account) => hash(account.id) === chosen) ?? profile.accounts[0];
}

export function chooseAccount(sessionKey: string, profile: Profile, account: Account): void {
  try {
    localStorage.setItem(storageKey(sessionKey, profile), hash(account.id));
  } catch {
    // Storage disabled: the choice lasts as long as the page.
  }
}

/** A `storage` event about a choice (made in another tab). */
export function isAccountChoice(event: StorageEvent): boolean {
  return event.key === null || event.key.startsWith(PREFIX);
}
