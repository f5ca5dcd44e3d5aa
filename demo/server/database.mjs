// The reference backend's SQLite database: opened, migrated (db/schema.mjs) and seeded with the
// demo data (demo-data.mjs). The queries are in db/, one module per domain: SwissID sign-ins
// (accounts.mjs), older Post logins and their links (post-logins.mjs), linking them with a proof
// (linking.mjs), addresses (addresses.mjs), idempotent results (idempotency.mjs); the locality
// directory is loaded by localities.mjs.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './db/schema.mjs';
import { DEMO_ACCOUNTS, DEMO_CUSTOMERS, DEMO_POST_LOGINS, DEMO_SWISSID_IDENTITIES } from './demo-data.mjs';
import { hashPassword } from './passwords.mjs';

/**
 * Opens (and creates, migrates and seeds when needed) the database file.
 * @param {string} file
 * @returns {import('better-sqlite3').Database}
 */
export function openDatabase(file) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  seed(db);
  return db;
}

// Adds the demo accounts that are missing; existing rows (and changed passwords) are kept.
function seed(db) {
  const exists = db.prepare('SELECT 1 FROM accounts WHERE id = ? OR email = ?');
  const insert = db.prepare(`INSERT INTO accounts
    (id, email, password_hash, given_name, family_name, account_type, role, company)
    VALUES (@id, @email, @passwordHash, @givenName, @familyName, @accountType, @role, @company)`);
  for (const account of DEMO_ACCOUNTS) {
    if (exists.get(account.id, account.email)) continue;
    insert.run({ ...account, passwordHash: hashPassword(account.password) });
  }

  const identityExists = db.prepare(`SELECT 1 FROM swissid_identities WHERE id = @id OR email = @email
    UNION ALL SELECT 1 FROM accounts WHERE id = @id OR email = @email`);
  const insertIdentity = db.prepare(`INSERT INTO swissid_identities (id, email, password_hash, given_name, family_name)
    VALUES (@id, @email, @passwordHash, @givenName, @familyName)`);
  for (const identity of DEMO_SWISSID_IDENTITIES) {
    if (identityExists.get(identity)) continue;
    insertIdentity.run({ ...identity, passwordHash: hashPassword(identity.password) });
  }

  // A login, its accounts and its link arrive together or not at all; a login already in the file
  // (perhaps linked since) is left as it is.
  const loginExists = db.prepare('SELECT 1 FROM post_logins WHERE id = ? OR email = ?');
  const insertLogin = db.prepare(`INSERT INTO post_logins
    (id, email, password_hash, given_name, family_name, invited, swissid_sub, linked_at)
    VALUES (@id, @email, @passwordHash, @givenName, @familyName, @invited, @linkedTo, @linkedAt)`);
  const insertPostAccount = db.prepare(`INSERT OR IGNORE INTO post_accounts (id, post_login_id, email, account_type, role, company)
    VALUES (@id, @loginId, @email, @accountType, @role, @company)`);
  const seedLogin = db.transaction((login) => {
    insertLogin.run({ ...login, invited: login.invited ? 1 : 0, passwordHash: hashPassword(login.password) });
    for (const account of login.accounts) insertPostAccount.run({ ...account, loginId: login.id });
  });
  for (const login of DEMO_POST_LOGINS) {
    if (loginExists.get(login.id, login.email)) continue;
    seedLogin(login);
  }

  // A customer arrives with its accounts and addresses; a customer already in the file (its
  // addresses perhaps changed since) is left as it is.
  const customerExists = db.prepare('SELECT 1 FROM customers WHERE id = ?');
  const insertCustomer = db.prepare(`INSERT INTO customers (id, customer_type, company, max_online, address_managed_by)
    VALUES (@id, @type, @company, @maxOnline, @managedBy)`);
  const insertMember = db.prepare('INSERT OR IGNORE INTO customer_accounts (account_id, customer_id) VALUES (?, ?)');
  const seedCustomer = db.transaction((customer) => {
    insertCustomer.run(customer);
    for (const accountId of customer.accounts) insertMember.run(accountId, customer.id);
    seedAddresses(db, customer);
  });
  for (const customer of DEMO_CUSTOMERS) {
    if (customerExists.get(customer.id)) continue;
    seedCustomer(customer);
  }
}

/** Inserts a demo customer's seeded addresses (billing and online-services, version 1). */
function seedAddresses(db, customer) {
  const insertAddress = db.prepare(`INSERT INTO addresses
    (id, customer_id, kind, name, company, co_name, street, house_number, po_box, postcode, locality)
    VALUES (@id, @customerId, @kind, @name, @company, @coName, @street, @houseNumber, @poBox, @postcode, @locality)`);
  const insertService = db.prepare('INSERT INTO address_services (address_id, service) VALUES (?, ?)');
  insertAddress.run({ ...customer.billing, customerId: customer.id, kind: 'billing' });
  for (const { services, ...online } of customer.online) {
    insertAddress.run({ ...online, customerId: customer.id, kind: 'online' });
    for (const service of services) insertService.run(online.id, service);
  }
}

/**
 * Puts every demo customer's addresses back as seeded and forgets every stored idempotent result,
 * so that each test starts from the same addresses (tests only; the CLI never calls it).
 */
export function resetDemoAddresses(db) {
  db.transaction(() => {
    const remove = db.prepare('DELETE FROM addresses WHERE customer_id = ?'); // services go with them (cascade)
    for (const customer of DEMO_CUSTOMERS) {
      remove.run(customer.id);
      seedAddresses(db, customer);
    }
    db.prepare('DELETE FROM idempotency_keys').run();
  }).immediate();
}
