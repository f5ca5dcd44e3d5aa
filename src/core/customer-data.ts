/**
 * What the elements keep in web storage for the signed-in customer (say, an address being edited) sits under one
 * prefix, so that a sign-out clears it without core knowing who stored what: nothing of the customer stays behind in
 * this tab or, for localStorage, in the origin.
 */
export const CUSTOMER_DATA_PREFIX = 'post-login:customer:';

/** Requests a sign-in left pending (state, nonce, PKCE verifier), kept by oidc-client-ts under this prefix. */
export const PENDING_REQUEST_PREFIX = 'post-login:request:';

function clear(storage: () => Storage, prefixes: string[]): void {
  try {
    const store = storage();
    for (const key of Object.keys(store)) if (prefixes.some((prefix) => key.startsWith(prefix))) store.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/**
 * After a refused sign-in response: the requests left pending in this origin (their PKCE verifiers and nonces) are of
 * no use any more; a new attempt makes a new one.
 */
export function forgetPendingRequests(): void {
  clear(() => localStorage, [PENDING_REQUEST_PREFIX]);
}

/**
 * At logout: the customer's data in this tab and the origin, and any sign-in left pending. (Another tab's data goes
 * with that tab's own elements: a sign-out reaches them as an event, and the picker drops its edit.)
 */
export function forgetCustomerData(): void {
  clear(() => sessionStorage, [CUSTOMER_DATA_PREFIX]);
  clear(() => localStorage, [CUSTOMER_DATA_PREFIX, PENDING_REQUEST_PREFIX]);
}
