// Customer addresses: the billing address (read-only through the API) and the online-services
// addresses (mail forwarding, PO box, sub-address, power of attorney), with the Swiss address rules
// the API checks on every write, and who may change what.
import { randomUUID } from 'node:crypto';
import { ADDRESS_SERVICES } from './database.mjs';
import { POSTCODE_PATTERN, findLocalities, matchLocality } from './localities.mjs';

export { ADDRESS_SERVICES };

/** Longest accepted value of each text field (characters, after trimming). */
export const ADDRESS_MAX_LENGTHS = Object.freeze({
  name: 60, company: 60, coName: 60, street: 60, houseNumber: 10, poBox: 6, postcode: 4, locality: 40,
});

/**
 * Characters accepted in the text fields: letters (any script, with accents), combining marks,
 * digits, space and . , ' ’ - / & ( ) +. No control characters, quotes, angle brackets or the like.
 */
const TEXT_CHARACTERS = /^[\p{L}\p{M}\p{N} .,'’&()/+-]+$/u;
/** 12, 7a, 12 B, 3-5, 14/1, 101bis. */
const HOUSE_NUMBER = /^[1-9]\d{0,3} ?[a-zA-Z]{0,3}(?:[/.-][1-9]\d{0,3} ?[a-zA-Z]?)?$/;
/** The number of a PO box ("case postale", "Postfach"), without the word. */
const PO_BOX = /^[1-9]\d{0,5}$/;

const TEXT_FIELDS = ['name', 'company', 'coName', 'street', 'houseNumber', 'poBox', 'postcode', 'locality'];

/**
 * @typedef {object} Customer
 * @property {string} id
 * @property {'private'|'business'} type
 * @property {string|null} company
 * @property {number} maxOnline
 * @property {'self'|'administrator'} managedBy
 */

/** The customer a customer account belongs to, or undefined. @returns {Customer|undefined} */
export function customerOfAccount(db, accountId) {
  const row = db.prepare(`SELECT c.* FROM customers c JOIN customer_accounts m ON m.customer_id = c.id
    WHERE m.account_id = ?`).get(String(accountId));
  if (!row) return undefined;
  return { id: row.id, type: row.customer_type, company: row.company, maxOnline: row.max_online, managedBy: row.address_managed_by };
}

/**
 * Whether an account with `role` may change its customer's online-services addresses: always for
 * a customer managing its own addresses; for a company whose address is managed by the
 * administrator, only its superadministrators.
 */
export function canEditAddresses(customer, role) {
  return customer.managedBy === 'self' || role === 'superadmin';
}

function toAddress(row, services) {
  const address = {
    id: row.id,
    kind: row.kind,
    version: row.version,
    name: row.name,
    company: row.company,
    coName: row.co_name,
    street: row.street,
    houseNumber: row.house_number,
    poBox: row.po_box,
    postcode: row.postcode,
    locality: row.locality,
    country: row.country,
    updatedAt: row.updated_at,
  };
  return row.kind === 'online' ? { ...address, services } : address;
}

function servicesOf(db, addressId) {
  const set = new Set(db.prepare('SELECT service FROM address_services WHERE address_id = ?').pluck().all(addressId));
  return ADDRESS_SERVICES.filter((service) => set.has(service));
}

/** An address of this customer (billing or online), or undefined: another customer's is never found. */
export function findCustomerAddress(db, customerId, addressId) {
  const row = db.prepare('SELECT * FROM addresses WHERE id = ? AND customer_id = ?').get(String(addressId), String(customerId));
  return row && toAddress(row, servicesOf(db, row.id));
}

/** The customer's billing address (or null) and online-services addresses, oldest first. */
export function listCustomerAddresses(db, customerId) {
  const rows = db.prepare("SELECT * FROM addresses WHERE customer_id = ? ORDER BY kind = 'online', created_at, id").all(String(customerId));
  const billing = rows.find((row) => row.kind === 'billing');
  return {
    billing: billing ? toAddress(billing) : null,
    online: rows.filter((row) => row.kind === 'online').map((row) => toAddress(row, servicesOf(db, row.id))),
  };
}

export function countOnlineAddresses(db, customerId) {
  return db.prepare("SELECT count(*) FROM addresses WHERE customer_id = ? AND kind = 'online'").pluck().get(String(customerId));
}

/**
 * @typedef {object} AddressInput a checked online-services address, ready to store
 * @property {string|null} name
 * @property {string|null} company
 * @property {string|null} coName
 * @property {string|null} street
 * @property {string|null} houseNumber
 * @property {string|null} poBox
 * @property {string} postcode
 * @property {string} locality   as the directory writes it
 * @property {'CH'} country
 * @property {string[]} services
 */

/**
 * Checks an online-services address against the Swiss address rules and the locality directory.
 * Each field gets at most one error code (see the OpenAPI document for the list).
 * @param {import('better-sqlite3').Database} db
 * @param {Record<string, unknown>} input
 * @returns {{ ok: true, value: AddressInput } | { ok: false, fields: Record<string, string> }}
 */
export function validateOnlineAddress(db, input) {
  /** @type {Record<string, string>} */
  const fields = {};
  /** @type {Record<string, string|null>} */
  const text = {};
  for (const field of TEXT_FIELDS) {
    const raw = input[field];
    if (raw === undefined || raw === null) {
      text[field] = null;
      continue;
    }
    if (typeof raw !== 'string') {
      fields[field] = 'invalid_type';
      text[field] = null;
      continue;
    }
    let value = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (field === 'coName') value = value.replace(/^c\/o\s*/i, '');
    if (value === '') {
      text[field] = null;
    } else if (field === 'postcode' || field === 'poBox') {
      text[field] = value; // checked against their patterns below
    } else if ([...value].length > ADDRESS_MAX_LENGTHS[field]) {
      fields[field] = 'too_long';
      text[field] = null;
    } else if (!TEXT_CHARACTERS.test(value)) {
      fields[field] = 'invalid_characters';
      text[field] = null;
    } else {
      text[field] = value;
    }
  }
  const failed = (field) => fields[field] !== undefined;

  if (!text.name && !text.company && !failed('name') && !failed('company')) fields.name = 'name_or_company';
  if (!text.street && !text.poBox && !failed('street') && !failed('poBox')) fields.street = 'street_or_po_box';
  if (text.houseNumber && !failed('houseNumber')) {
    if (!text.street && !failed('street')) fields.houseNumber = 'house_number_without_street';
    else if (!HOUSE_NUMBER.test(text.houseNumber)) fields.houseNumber = 'invalid_house_number';
  }
  if (text.poBox && !PO_BOX.test(text.poBox)) fields.poBox = 'invalid_po_box';

  let locality = text.locality;
  if (!failed('postcode')) {
    if (!text.postcode) fields.postcode = 'required';
    else if (!POSTCODE_PATTERN.test(text.postcode)) fields.postcode = 'invalid_postcode';
    else if (findLocalities(db, text.postcode).length === 0) fields.postcode = 'unknown_postcode';
  }
  if (!failed('locality')) {
    if (!text.locality) fields.locality = 'required';
    else if (!failed('postcode')) {
      locality = matchLocality(db, text.postcode, text.locality) ?? null;
      if (!locality) fields.locality = 'locality_mismatch';
    }
  }

  const country = input.country;
  if (!(country === undefined || country === null || (typeof country === 'string' && country.trim().toUpperCase() === 'CH'))) {
    fields.country = 'unsupported_country';
  }

  /** @type {string[]} */
  let services = [];
  const rawServices = input.services;
  if (rawServices === undefined || rawServices === null || (Array.isArray(rawServices) && rawServices.length === 0)) {
    fields.services = 'required';
  } else if (!Array.isArray(rawServices) || !rawServices.every((s) => ADDRESS_SERVICES.includes(/** @type {string} */ (s)))) {
    fields.services = 'invalid_services';
  } else {
    services = ADDRESS_SERVICES.filter((service) => rawServices.includes(service));
  }

  if (Object.keys(fields).length) return { ok: false, fields };
  return {
    ok: true,
    value: {
      name: text.name,
      company: text.company,
      coName: text.coName,
      street: text.street,
      houseNumber: text.houseNumber,
      poBox: text.poBox,
      postcode: /** @type {string} */ (text.postcode),
      locality: /** @type {string} */ (locality),
      country: 'CH',
      services,
    },
  };
}

const now = () => new Date().toISOString();

/** Stores a new online-services address (version 1). Call inside a transaction that checked the limit. */
export function insertOnlineAddress(db, customerId, value) {
  const id = randomUUID();
  const at = now();
  db.prepare(`INSERT INTO addresses
    (id, customer_id, kind, version, name, company, co_name, street, house_number, po_box, postcode, locality, country, created_at, updated_at)
    VALUES (@id, @customerId, 'online', 1, @name, @company, @coName, @street, @houseNumber, @poBox, @postcode, @locality, 'CH', @at, @at)`)
    .run({ ...value, id, customerId, at });
  const insertService = db.prepare('INSERT INTO address_services (address_id, service) VALUES (?, ?)');
  for (const service of value.services) insertService.run(id, service);
  return /** @type {NonNullable<ReturnType<typeof findCustomerAddress>>} */ (findCustomerAddress(db, customerId, id));
}

/**
 * Replaces an online-services address if it is still at `expectedVersion`; the version goes up by one.
 * @returns {object|undefined} the new address, or undefined when the version moved on
 */
export function updateOnlineAddress(db, customerId, addressId, expectedVersion, value) {
  const { changes } = db.prepare(`UPDATE addresses SET version = version + 1, name = @name, company = @company,
      co_name = @coName, street = @street, house_number = @houseNumber, po_box = @poBox, postcode = @postcode,
      locality = @locality, updated_at = @at
    WHERE id = @addressId AND customer_id = @customerId AND kind = 'online' AND version = @expectedVersion`)
    .run({ ...value, addressId, customerId, expectedVersion, at: now() });
  if (changes !== 1) return undefined;
  db.prepare('DELETE FROM address_services WHERE address_id = ?').run(addressId);
  const insertService = db.prepare('INSERT INTO address_services (address_id, service) VALUES (?, ?)');
  for (const service of value.services) insertService.run(addressId, service);
  return findCustomerAddress(db, customerId, addressId);
}

/** How long a stored idempotent result is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The stored result of an earlier write with this key by this account, if any (and not expired). */
export function findIdempotentResult(db, accountId, key, at = Date.now()) {
  const row = db.prepare('SELECT * FROM idempotency_keys WHERE account_id = ? AND key = ? AND created_at > ?')
    .get(String(accountId), String(key), at - IDEMPOTENCY_TTL_MS);
  return row && { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body), etag: row.etag };
}

/** Keeps the result of a successful write for retries with the same key; drops expired ones. */
export function storeIdempotentResult(db, accountId, key, { fingerprint, status, body, etag }, at = Date.now()) {
  db.prepare('DELETE FROM idempotency_keys WHERE created_at <= ?').run(at - IDEMPOTENCY_TTL_MS);
  db.prepare(`INSERT OR REPLACE INTO idempotency_keys (account_id, key, fingerprint, status, body, etag, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(String(accountId), String(key), fingerprint, status, JSON.stringify(body), etag ?? null, at);
}
