// Customers and their addresses: the billing address (read-only through the API) and the
// online-services addresses (mail forwarding, PO box, sub-address, power of attorney), versioned for
// If-Match. What may be stored is decided by the address rules (../address-rules.mjs).
import { randomUUID } from 'node:crypto';
import { ADDRESS_SERVICES } from '../demo-data.mjs';

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

const now = () => new Date().toISOString();

/**
 * Stores a new online-services address (version 1). Call inside a transaction that checked the limit.
 * @param {import('../address-rules.mjs').AddressInput} value
 */
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

/**
 * Removes an online-services address if it is still at `expectedVersion` and is not the customer's last one. Call
 * inside a transaction.
 * @returns {'deleted'|'last_address'|'version_mismatch'} what happened ('version_mismatch' also when it is gone)
 */
export function deleteOnlineAddress(db, customerId, addressId, expectedVersion) {
  const current = db.prepare("SELECT version FROM addresses WHERE id = ? AND customer_id = ? AND kind = 'online'").pluck().get(addressId, customerId);
  if (current !== expectedVersion) return 'version_mismatch';
  if (countOnlineAddresses(db, customerId) <= 1) return 'last_address';
  db.prepare("DELETE FROM addresses WHERE id = ? AND customer_id = ? AND kind = 'online' AND version = ?").run(addressId, customerId, expectedVersion);
  return 'deleted'; // its services go with it (cascade)
}

/**
 * The first superadministrator of a business customer known here (a SwissID customer account, else an older login's
 * account), whom its users agree the online-services address with; undefined when it has none.
 * @returns {{ name: string }|undefined}
 */
export function administratorOf(db, customerId) {
  const name = db.prepare(`SELECT name FROM (
      SELECT a.given_name || ' ' || a.family_name AS name, 0 AS source, a.id AS id
        FROM customer_accounts m JOIN accounts a ON a.id = m.account_id
        WHERE m.customer_id = @customerId AND a.role = 'superadmin'
      UNION ALL
      SELECT l.given_name || ' ' || l.family_name, 1, p.id
        FROM customer_accounts m JOIN post_accounts p ON p.id = m.account_id JOIN post_logins l ON l.id = p.post_login_id
        WHERE m.customer_id = @customerId AND p.role = 'superadmin'
    ) ORDER BY source, id LIMIT 1`).pluck().get({ customerId: String(customerId) });
  return name === undefined ? undefined : { name };
}
