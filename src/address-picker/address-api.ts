import { isPostLoginError } from '../core/errors.js';
import { apiUrl, fetchJson, HttpError, isId, type Authorize } from '../core/http.js';
import type { AddressErrorCode } from './address-picker.events.js';

/**
 * The Post account API's address endpoints (see demo/openapi.yaml): the customer's billing and online-services
 * addresses, the locality directory, and saving an online-services address with an idempotency key (a retried save
 * never creates two) and optimistic concurrency (`If-Match`; a 412 carries the version saved meanwhile).
 */
export const ADDRESS_SERVICES = ['forwarding', 'po-box', 'sub-address', 'power-of-attorney'] as const;
export type AddressService = (typeof ADDRESS_SERVICES)[number];

/** The text fields of an address, in the order they are written on an envelope. */
export const ADDRESS_FIELDS = ['name', 'company', 'coName', 'street', 'houseNumber', 'poBox', 'postcode', 'locality'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export type AddressFields = Record<AddressField, string>;

export interface Address extends AddressFields {
  id: string;
  version: number;
  /** Which online services the address may serve (empty for the billing address). */
  services: AddressService[];
}

export interface AddressLimits {
  /** How many online-services addresses the account may have. */
  maxOnline: number;
  /** This login may change the online-services addresses. */
  canEdit: boolean;
  /** This login may add one more. */
  canAdd: boolean;
  /** This site's access allows changes at all (a partner site's does not); false makes `canEdit` false too. */
  writable: boolean;
  /** `administrator`: a company's users agree the addresses with its administrator before saving them. */
  managedBy?: 'self' | 'administrator';
}

export interface AddressBook {
  billing: Address | null;
  online: Address[];
  limits: AddressLimits;
  /** For a business account: the name of the company's administrator, to agree the address with (null or absent: none known). */
  administrator?: string | null;
}

/** An address to save: the text fields and the services; `id` and `version` when it replaces a saved one. */
export interface AddressDraft extends AddressFields {
  id: string | null;
  version: number;
  services: AddressService[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : invalid());

function invalid(): never {
  throw new HttpError('malformed');
}

/** Checks the shape of an address the API sent; anything else is a malformed answer, never shown half-read. */
export function toAddress(value: unknown): Address {
  const raw = (value ?? invalid()) as Record<string, unknown>;
  if (!isId(raw.id) || !Number.isInteger(raw.version)) invalid();
  const services = raw.services ?? [];
  if (!Array.isArray(services)) invalid();
  const address = { id: raw.id, version: raw.version as number, services: [] as AddressService[] } as Address;
  for (const field of ADDRESS_FIELDS) address[field] = text(raw[field]);
  address.services = ADDRESS_SERVICES.filter((service) => services.includes(service));
  return address;
}

/** The book with these online-services addresses, and whether one more may be added now. */
export function withOnline(book: AddressBook, online: Address[]): AddressBook {
  return { ...book, online, limits: { ...book.limits, canAdd: book.limits.canEdit && online.length < book.limits.maxOnline } };
}

function toAddressBook(value: unknown): AddressBook {
  const raw = (value ?? invalid()) as Record<string, unknown>;
  const limits = (raw.limits ?? invalid()) as Record<string, unknown>;
  if (!Array.isArray(raw.online) || typeof limits.canEdit !== 'boolean' || typeof limits.maxOnline !== 'number') {
    invalid();
  }
  return {
    billing: raw.billing == null ? null : toAddress(raw.billing),
    online: raw.online.map(toAddress),
    // An API that does not say `writable` leaves it to `canEdit`.
    limits: {
      maxOnline: limits.maxOnline,
      canEdit: limits.canEdit,
      canAdd: limits.canAdd === true,
      writable: limits.writable !== false,
      managedBy: limits.managedBy === 'administrator' ? 'administrator' : 'self',
    },
    administrator: typeof (raw.administrator as { name?: unknown } | null)?.name === 'string' ? (raw.administrator as { name: string }).name : null,
  };
}

/** The address of `path` under the acting account (every account-scoped call names it; the API checks it is theirs). */
const accountPath = (accountId: string, path = '') => `accounts/${encodeURIComponent(accountId)}/addresses${path}`;

export async function loadAddresses(api: string, accountId: string, authorize: Authorize, timeoutMs?: number): Promise<AddressBook> {
  return toAddressBook(await fetchJson<unknown>(apiUrl(api, accountPath(accountId)), { authorize, timeoutMs }));
}

/**
 * Removes an online-services address (`If-Match` the version shown: a 412 carries the one saved meanwhile). The same
 * `idempotencyKey` for a retry gets the first answer again, so a removal whose answer was lost is not refused as gone.
 */
export async function removeAddress(
  api: string,
  accountId: string,
  authorize: Authorize,
  address: Address,
  idempotencyKey: string,
  timeoutMs?: number,
): Promise<void> {
  try {
    await fetchJson<unknown>(apiUrl(api, accountPath(accountId, `/${encodeURIComponent(address.id)}`)), {
      method: 'DELETE',
      authorize,
      headers: { 'If-Match': `"${address.version}"`, 'Idempotency-Key': idempotencyKey },
      timeoutMs,
    });
  } catch (error) {
    // Gone already (removed in another tab): what the customer asked for is done.
    if (!(error instanceof HttpError && error.status === 404)) throw error;
  }
}

/** The localities the directory knows for a 4-digit postcode (none for an unknown one). */
export async function loadLocalities(api: string, authorize: Authorize, postcode: string): Promise<string[]> {
  const answer = await fetchJson<{ localities?: unknown }>(
    apiUrl(api, `localities?postcode=${encodeURIComponent(postcode)}`),
    { authorize },
  );
  if (!Array.isArray(answer?.localities)) invalid();
  // A nameless locality would replace what the customer typed with nothing: the whole answer counts as malformed.
  return answer.localities.map((locality: { name?: unknown } | null) => {
    const name = locality?.name;
    return typeof name === 'string' && name.trim() ? name : invalid();
  });
}

/**
 * Creates (POST) or replaces (PUT, `If-Match` the version it was edited from) an online-services address. The same
 * `idempotencyKey` for a retry of the same content makes the server answer the first result instead of writing twice.
 */
export async function saveAddress(
  api: string,
  accountId: string,
  authorize: Authorize,
  draft: AddressDraft,
  idempotencyKey: string,
  timeoutMs?: number,
): Promise<Address> {
  const body: Record<string, unknown> = { services: draft.services };
  for (const field of ADDRESS_FIELDS) body[field] = draft[field].trim() || null;
  const headers: Record<string, string> = { 'Idempotency-Key': idempotencyKey };
  if (draft.id) headers['If-Match'] = `"${draft.version}"`;
  const path = accountPath(accountId, draft.id ? `/${encodeURIComponent(draft.id)}` : '');
  const saved = await fetchJson<unknown>(apiUrl(api, path), {
    method: draft.id ? 'PUT' : 'POST',
    authorize,
    body,
    headers,
    timeoutMs,
  });
  return toAddress(saved);
}

/** What a failed call to the API means for the customer. */
export function toErrorCode(error: unknown): AddressErrorCode {
  if (isPostLoginError(error)) return error.code === 'provider_unreachable' ? 'unreachable' : 'session_expired';
  if (!(error instanceof HttpError)) return 'malformed';
  if (error.failure === 'network') return 'unreachable';
  if (error.failure === 'unauthorized') return 'session_expired';
  if (error.failure === 'timeout' || error.failure === 'malformed') return error.failure;
  if (error.code === 'limit_reached' || error.code === 'validation' || error.code === 'last_address') {
    return error.code;
  }
  if (error.status === 403 && error.code === 'insufficient_scope') return 'not_allowed';
  return error.status === 412 ? 'conflict' : 'server';
}
