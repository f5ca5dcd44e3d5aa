import { CUSTOMER_DATA_PREFIX } from '../core/customer-data.js';
import { toAddress, type AddressDraft } from './address-api.js';

/** An edit that waits while the customer signs in again, with the key that keeps its save from being stored twice. */
export interface KeptDraft {
  draft: AddressDraft;
  idempotencyKey: string;
}

/**
 * What the customer typed survives a sign-in by redirect (the page reloads): it waits in this tab's sessionStorage
 * (never localStorage) until it is saved or cancelled, and only comes back for the same customer (`sub`) acting for
 * the same account (an address of one account is never offered for saving under another).
 */
export class DraftStore {
  private readonly key: () => string;

  /** `name` tells the pickers of a page apart (the element's id, else its service). */
  constructor(name: () => string) {
    // Under the customer-data prefix: a sign-out anywhere (also on a page without the picker) clears it.
    this.key = () => `${CUSTOMER_DATA_PREFIX}address-picker:draft:${name()}`;
  }

  save(sub: string, accountId: string, kept: KeptDraft): void {
    try {
      sessionStorage.setItem(this.key(), JSON.stringify({ sub, accountId, ...kept }));
    } catch {
      // Storage full or disabled: the edit stays in the page only.
    }
  }

  /** The stored edit of this customer and account, or null (none, another customer's or account's, not well-formed). */
  load(sub: string, accountId: string): KeptDraft | null {
    try {
      const stored = JSON.parse(sessionStorage.getItem(this.key()) ?? 'null') as ({ sub: string; accountId: string } & KeptDraft) | null;
      if (!stored || stored.sub !== sub || stored.accountId !== accountId || typeof stored.idempotencyKey !== 'string') return null;
      const address = toAddress({ ...stored.draft, id: stored.draft.id ?? 'new', version: stored.draft.version });
      return { draft: { ...address, id: stored.draft.id }, idempotencyKey: stored.idempotencyKey };
    } catch {
      return null;
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key());
    } catch {
      /* nothing stored */
    }
  }
}
