// The reference backend's SQLite database: demo accounts, older Post logins and their links to
// SwissID, and both OpenID providers' state.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { hashPassword, verifyPassword } from './passwords.mjs';

/**
 * @typedef {object} Account
 * @property {string} id            stable subject (`sub`) of the account, never its e-mail
 * @property {string} email
 * @property {string} givenName
 * @property {string} familyName
 * @property {string} name
 * @property {'private'|'business'} accountType
 * @property {'customer'|'superadmin'|'user'} role
 * @property {string|null} company
 */

/** Demo accounts printed by `npm start` and used by the tests. */
export const DEMO_ACCOUNTS = Object.freeze([
  {
    id: 'a1b2c3d4-0001-4000-8000-000000000001',
    email: 'anna.muster@example.ch',
    password: 'Anna-Demo-2026',
    givenName: 'Anna',
    familyName: 'Muster',
    accountType: 'private',
    role: 'customer',
    company: null,
    description: 'private customer',
  },
  {
    id: 'a1b2c3d4-0002-4000-8000-000000000002',
    email: 'marc.keller@example.ch',
    password: 'Marc-Demo-2026',
    givenName: 'Marc',
    familyName: 'Keller',
    accountType: 'business',
    role: 'superadmin',
    company: 'Keller Logistik AG',
    description: 'business superadministrator, Keller Logistik AG',
  },
  {
    id: 'a1b2c3d4-0003-4000-8000-000000000003',
    email: 'lea.rossi@example.ch',
    password: 'Lea-Demo-2026',
    givenName: 'Lea',
    familyName: 'Rossi',
    accountType: 'business',
    role: 'user',
    company: 'Keller Logistik AG',
    description: 'business user, Keller Logistik AG',
  },
].map((account) => Object.freeze(account)));

/**
 * SwissID identities with no Post customer account of their own (SwissID sign-in only): one already
 * linked to an older Post login, two fresh ones to link an older login to.
 */
export const DEMO_SWISSID_IDENTITIES = Object.freeze([
  {
    id: 'a1b2c3d4-0004-4000-8000-000000000004',
    email: 'sara.meier@example.ch',
    password: 'Sara-Demo-2026',
    givenName: 'Sara',
    familyName: 'Meier',
    description: 'SwissID already linked to the older Post login sara.post@example.ch',
  },
  {
    id: 'a1b2c3d4-0005-4000-8000-000000000005',
    email: 'new.swissid@example.ch',
    password: 'New-Demo-2026',
    givenName: 'Nora',
    familyName: 'Neuhaus',
    description: 'SwissID with no Post account yet: link an older Post login to it',
  },
  {
    id: 'a1b2c3d4-0006-4000-8000-000000000006',
    email: 'fresh.swissid@example.ch',
    password: 'Fresh-Demo-2026',
    givenName: 'Felix',
    familyName: 'Frisch',
    description: 'a second SwissID with no Post account yet',
  },
].map((identity) => Object.freeze(identity)));

/**
 * Older Post customer logins (user name = e-mail) with the customer accounts they give access to.
 * `linkedTo` is the SwissID subject the login is already linked to (seeded with `linkedAt`).
 */
export const DEMO_POST_LOGINS = Object.freeze([
  {
    id: 'b1b2c3d4-0001-4000-8000-000000000001',
    email: 'peter.invited@example.ch',
    password: 'Peter-Demo-2026',
    givenName: 'Peter',
    familyName: 'Brunner',
    invited: true,
    linkedTo: null,
    linkedAt: null,
    accounts: [
      { id: 'c1b2c3d4-0001-4000-8000-000000000001', email: 'peter.invited@example.ch', accountType: 'private', role: 'customer', company: null },
    ],
    description: 'older Post login, invited by e-mail, not linked; one private account',
  },
  {
    id: 'b1b2c3d4-0002-4000-8000-000000000002',
    email: 'nina.notinvited@example.ch',
    password: 'Nina-Demo-2026',
    givenName: 'Nina',
    familyName: 'Baumann',
    invited: false,
    linkedTo: null,
    linkedAt: null,
    accounts: [
      { id: 'c1b2c3d4-0002-4000-8000-000000000002', email: 'nina.notinvited@example.ch', accountType: 'private', role: 'customer', company: null },
    ],
    description: 'older Post login, not invited, not linked (starts from "My profile"); one private account',
  },
  {
    id: 'b1b2c3d4-0003-4000-8000-000000000003',
    email: 'sara.post@example.ch',
    password: 'SaraPost-Demo-2026',
    givenName: 'Sara',
    familyName: 'Meier',
    invited: true,
    linkedTo: 'a1b2c3d4-0004-4000-8000-000000000004',
    linkedAt: '2025-10-06T08:30:00.000Z',
    accounts: [
      { id: 'c1b2c3d4-0003-4000-8000-000000000003', email: 'sara.post@example.ch', accountType: 'private', role: 'customer', company: null },
    ],
    description: 'older Post login already linked to the SwissID sara.meier@example.ch; one private account',
  },
  {
    id: 'b1b2c3d4-0004-4000-8000-000000000004',
    email: 'thomas.both@example.ch',
    password: 'Thomas-Demo-2026',
    givenName: 'Thomas',
    familyName: 'Both',
    invited: true,
    linkedTo: null,
    linkedAt: null,
    accounts: [
      { id: 'c1b2c3d4-0004-4000-8000-000000000004', email: 'thomas.both@example.ch', accountType: 'private', role: 'customer', company: null },
      { id: 'c1b2c3d4-0005-4000-8000-000000000005', email: 'thomas@both-treuhand.ch', accountType: 'business', role: 'superadmin', company: 'Both Treuhand GmbH' },
    ],
    description: 'older Post login, invited, not linked; a private and a business account (Both Treuhand GmbH, superadmin)',
  },
].map((login) => Object.freeze({ ...login, accounts: Object.freeze(login.accounts.map((a) => Object.freeze(a))) })));

/**
 * Every demo sign-in, for `npm start` to print: which provider, e-mail, password, what it shows.
 * @type {ReadonlyArray<{ provider: 'swissid'|'post', email: string, password: string, description: string }>}
 */
export const DEMO_LOGINS = Object.freeze([
  ...DEMO_ACCOUNTS.map(({ email, password, description }) => ({ provider: 'swissid', email, password, description })),
  ...DEMO_SWISSID_IDENTITIES.map(({ email, password, description }) => ({ provider: 'swissid', email, password, description })),
  ...DEMO_POST_LOGINS.map(({ email, password, description }) => ({ provider: 'post', email, password, description })),
].map((login) => Object.freeze(/** @type {const} */ (login))));

/** The online services an online-services address may serve. */
export const ADDRESS_SERVICES = Object.freeze(['forwarding', 'po-box', 'sub-address', 'power-of-attorney']);

const address = (fields) => ({ name: null, company: null, coName: null, street: null, houseNumber: null, poBox: null, ...fields });

/**
 * Demo customers and their addresses (postcodes that are in the shipped sample directory and in
 * the official one). A private customer may have 1 online-services address, a business 3; Anna is at
 * her limit. A business customer's addresses are shared by all its accounts and, being managed by
 * the administrator, changed only by its superadministrators (Marc, not Lea). Customers of the
 * older Post logins have a billing address and no online-services address yet.
 */
export const DEMO_CUSTOMERS = Object.freeze([
  {
    id: 'd1b2c3d4-0001-4000-8000-000000000001',
    type: 'private',
    company: null,
    maxOnline: 1,
    managedBy: 'self',
    accounts: ['a1b2c3d4-0001-4000-8000-000000000001'],
    billing: { id: 'e1b2c3d4-0001-4000-8000-000000000001', ...address({ name: 'Anna Muster', street: 'Kramgasse', houseNumber: '12', postcode: '3000', locality: 'Bern' }) },
    online: [
      { id: 'e1b2c3d4-0002-4000-8000-000000000002', services: ADDRESS_SERVICES, ...address({ name: 'Anna Muster', coName: 'Beat Muster', street: 'Länggassstrasse', houseNumber: '7a', postcode: '3000', locality: 'Bern' }) },
    ],
    description: 'Anna: billing + 1 online-services address (all services); private limit 1 reached',
  },
  {
    id: 'd1b2c3d4-0002-4000-8000-000000000002',
    type: 'business',
    company: 'Keller Logistik AG',
    maxOnline: 3,
    managedBy: 'administrator',
    accounts: ['a1b2c3d4-0002-4000-8000-000000000002', 'a1b2c3d4-0003-4000-8000-000000000003'],
    billing: { id: 'e1b2c3d4-0003-4000-8000-000000000003', ...address({ company: 'Keller Logistik AG', street: 'Hardturmstrasse', houseNumber: '101', postcode: '8000', locality: 'Zürich' }) },
    online: [
      { id: 'e1b2c3d4-0004-4000-8000-000000000004', services: ADDRESS_SERVICES, ...address({ company: 'Keller Logistik AG', street: 'Hardturmstrasse', houseNumber: '101', poBox: '2040', postcode: '8000', locality: 'Zürich' }) },
      { id: 'e1b2c3d4-0005-4000-8000-000000000005', services: ['forwarding'], ...address({ company: 'Keller Logistik AG', coName: 'Lager Aarau', street: 'Industriestrasse', houseNumber: '8', postcode: '5000', locality: 'Aarau' }) },
    ],
    description: 'Keller Logistik AG (Marc superadmin, Lea user): billing + 2 of 3 online-services addresses, managed by the administrator',
  },
  ...[
    ['0003', 'c1b2c3d4-0001-4000-8000-000000000001', { name: 'Peter Brunner', street: 'Via Nassa', houseNumber: '5', postcode: '6900', locality: 'Lugano' }],
    ['0004', 'c1b2c3d4-0002-4000-8000-000000000002', { name: 'Nina Baumann', street: 'Rue de Carouge', houseNumber: '18', postcode: '1200', locality: 'Genève' }],
    ['0005', 'c1b2c3d4-0003-4000-8000-000000000003', { name: 'Sara Meier', poBox: '318', postcode: '4000', locality: 'Basel' }],
    ['0006', 'c1b2c3d4-0004-4000-8000-000000000004', { name: 'Thomas Both', street: 'Multergasse', houseNumber: '2', postcode: '9000', locality: 'St. Gallen' }],
  ].map(([n, accountId, fields]) => ({
    id: `d1b2c3d4-${n}-4000-8000-00000000${n}`,
    type: 'private',
    company: null,
    maxOnline: 1,
    managedBy: 'self',
    accounts: [accountId],
    billing: { id: `e1b2c3d4-1${n.slice(1)}-4000-8000-000000001${n.slice(1)}`, ...address(fields) },
    online: [],
    description: `${fields.name}: billing address only`,
  })),
  {
    id: 'd1b2c3d4-0007-4000-8000-000000000007',
    type: 'business',
    company: 'Both Treuhand GmbH',
    maxOnline: 3,
    managedBy: 'administrator',
    accounts: ['c1b2c3d4-0005-4000-8000-000000000005'],
    billing: { id: 'e1b2c3d4-1007-4000-8000-000000001007', ...address({ company: 'Both Treuhand GmbH', coName: 'Thomas Both', street: 'Rue de Lausanne', houseNumber: '45', postcode: '1700', locality: 'Fribourg' }) },
    online: [],
    description: 'Both Treuhand GmbH (Thomas superadmin): billing address only',
  },
].map((customer) => Object.freeze(customer)));

// Schema changes are appended here and applied once each, tracked by PRAGMA user_version.
// `accounts`: SwissID sign-ins that are Post customer accounts themselves, one row per customer
// account (not per person). Migration 2 adds the older Post customer logins, the customer accounts
// each gives access to (each with its own registered e-mail), and their link to a SwissID subject.
const MIGRATIONS = [
  `CREATE TABLE accounts (
     id            TEXT PRIMARY KEY,
     email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password_hash TEXT NOT NULL,
     given_name    TEXT NOT NULL,
     family_name   TEXT NOT NULL,
     account_type  TEXT NOT NULL CHECK (account_type IN ('private', 'business')),
     role          TEXT NOT NULL CHECK (role IN ('customer', 'superadmin', 'user')),
     company       TEXT,
     created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
     CHECK ((account_type = 'business') = (company IS NOT NULL))
   );
   -- The OpenID provider's artefacts (sessions, codes, tokens, grants, interactions) as JSON.
   CREATE TABLE oidc_models (
     model       TEXT NOT NULL,
     id          TEXT NOT NULL,
     payload     TEXT NOT NULL,
     grant_id    TEXT,
     user_code   TEXT,
     uid         TEXT,
     expires_at  INTEGER,
     consumed_at INTEGER,
     PRIMARY KEY (model, id)
   );
   CREATE INDEX oidc_models_grant ON oidc_models (grant_id) WHERE grant_id IS NOT NULL;
   CREATE INDEX oidc_models_uid ON oidc_models (model, uid) WHERE uid IS NOT NULL;
   CREATE INDEX oidc_models_user_code ON oidc_models (model, user_code) WHERE user_code IS NOT NULL;
   CREATE INDEX oidc_models_expiry ON oidc_models (expires_at) WHERE expires_at IS NOT NULL;`,
  // 2: the older Post customer login and its link to SwissID.
  `-- SwissID identities that have no Post customer account of their own: they reach Post accounts
   -- only through older Post customer logins linked to them.
   CREATE TABLE swissid_identities (
     id            TEXT PRIMARY KEY,
     email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password_hash TEXT NOT NULL,
     given_name    TEXT NOT NULL,
     family_name   TEXT NOT NULL,
     created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
   );
   -- The older Post customer logins (user name = e-mail). Linking sets swissid_sub and linked_at
   -- and nothing else: the login's own data stay unchanged. One SwissID links one older login.
   CREATE TABLE post_logins (
     id            TEXT PRIMARY KEY,
     email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password_hash TEXT NOT NULL,
     given_name    TEXT NOT NULL,
     family_name   TEXT NOT NULL,
     invited       INTEGER NOT NULL DEFAULT 0 CHECK (invited IN (0, 1)),
     swissid_sub   TEXT UNIQUE,
     linked_at     TEXT,
     created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
     CHECK ((swissid_sub IS NULL) = (linked_at IS NULL))
   );
   -- The customer accounts an older login gives access to, each with its own registered e-mail.
   CREATE TABLE post_accounts (
     id            TEXT PRIMARY KEY,
     post_login_id TEXT NOT NULL REFERENCES post_logins (id) ON DELETE CASCADE,
     email         TEXT NOT NULL COLLATE NOCASE,
     account_type  TEXT NOT NULL CHECK (account_type IN ('private', 'business')),
     role          TEXT NOT NULL CHECK (role IN ('customer', 'superadmin', 'user')),
     company       TEXT,
     created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
     CHECK ((account_type = 'business') = (company IS NOT NULL))
   );
   CREATE INDEX post_accounts_login ON post_accounts (post_login_id);
   -- Every Post customer account reachable with a SwissID subject through a linked older login.
   CREATE VIEW swissid_linked_accounts AS
     SELECT l.swissid_sub, l.id AS post_login_id, a.id, a.email, a.account_type, a.role, a.company
     FROM post_accounts a JOIN post_logins l ON l.id = a.post_login_id
     WHERE l.swissid_sub IS NOT NULL;
   -- The older-login provider's own artefacts, apart from SwissID's.
   CREATE TABLE post_login_oidc_models (
     model       TEXT NOT NULL,
     id          TEXT NOT NULL,
     payload     TEXT NOT NULL,
     grant_id    TEXT,
     user_code   TEXT,
     uid         TEXT,
     expires_at  INTEGER,
     consumed_at INTEGER,
     PRIMARY KEY (model, id)
   );
   CREATE INDEX post_login_oidc_models_grant ON post_login_oidc_models (grant_id) WHERE grant_id IS NOT NULL;
   CREATE INDEX post_login_oidc_models_uid ON post_login_oidc_models (model, uid) WHERE uid IS NOT NULL;
   CREATE INDEX post_login_oidc_models_user_code ON post_login_oidc_models (model, user_code) WHERE user_code IS NOT NULL;
   CREATE INDEX post_login_oidc_models_expiry ON post_login_oidc_models (expires_at) WHERE expires_at IS NOT NULL;`,
  // 3: addresses per customer and the locality directory.
  `-- The customer an account's addresses belong to: a private customer, or a company that all its
   -- business accounts (superadministrators and users) share. max_online is the number of
   -- online-services addresses the customer may have (customer service can raise it);
   -- address_managed_by = 'administrator' means only superadministrators change the addresses.
   CREATE TABLE customers (
     id                 TEXT PRIMARY KEY,
     customer_type      TEXT NOT NULL CHECK (customer_type IN ('private', 'business')),
     company            TEXT,
     max_online         INTEGER NOT NULL CHECK (max_online >= 0),
     address_managed_by TEXT NOT NULL DEFAULT 'self' CHECK (address_managed_by IN ('self', 'administrator')),
     created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
     CHECK ((customer_type = 'business') = (company IS NOT NULL)),
     CHECK (customer_type = 'business' OR address_managed_by = 'self')
   );
   -- Which customer a customer account belongs to: accounts.id (SwissID customers) or
   -- post_accounts.id (accounts of the older Post logins); the ids are unique across both.
   CREATE TABLE customer_accounts (
     account_id  TEXT PRIMARY KEY,
     customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE
   );
   CREATE INDEX customer_accounts_customer ON customer_accounts (customer_id);
   -- One billing address per customer (changed by phone or the customer advisor only) and the
   -- online-services addresses; version counts changes (the ETag).
   CREATE TABLE addresses (
     id           TEXT PRIMARY KEY,
     customer_id  TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
     kind         TEXT NOT NULL CHECK (kind IN ('billing', 'online')),
     version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
     name         TEXT,
     company      TEXT,
     co_name      TEXT,
     street       TEXT,
     house_number TEXT,
     po_box       TEXT,
     postcode     TEXT NOT NULL CHECK (postcode GLOB '[1-9][0-9][0-9][0-9]'),
     locality     TEXT NOT NULL,
     country      TEXT NOT NULL DEFAULT 'CH' CHECK (country = 'CH'),
     created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
     updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
     CHECK (name IS NOT NULL OR company IS NOT NULL),
     CHECK (street IS NOT NULL OR po_box IS NOT NULL)
   );
   CREATE UNIQUE INDEX addresses_one_billing ON addresses (customer_id) WHERE kind = 'billing';
   CREATE INDEX addresses_customer ON addresses (customer_id, kind);
   -- The online services an online-services address may serve.
   CREATE TABLE address_services (
     address_id TEXT NOT NULL REFERENCES addresses (id) ON DELETE CASCADE,
     service    TEXT NOT NULL CHECK (service IN ('forwarding', 'po-box', 'sub-address', 'power-of-attorney')),
     PRIMARY KEY (address_id, service)
   );
   -- Results of writes sent with an Idempotency-Key, per account, so a retried save is answered
   -- from here instead of being done twice.
   CREATE TABLE idempotency_keys (
     account_id  TEXT NOT NULL,
     key         TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     status      INTEGER NOT NULL,
     body        TEXT NOT NULL,
     etag        TEXT,
     created_at  INTEGER NOT NULL,
     PRIMARY KEY (account_id, key)
   );
   -- The locality directory (official directory of localities), deduplicated per (postcode, name).
   CREATE TABLE localities (
     postcode            TEXT NOT NULL,
     additional_digit    INTEGER NOT NULL,
     name                TEXT NOT NULL,
     place               TEXT NOT NULL,
     municipality        TEXT NOT NULL,
     municipality_number INTEGER NOT NULL,
     canton              TEXT NOT NULL,
     PRIMARY KEY (postcode, name)
   );
   CREATE TABLE meta (
     key   TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
];

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

function migrate(db) {
  const current = db.pragma('user_version', { simple: true });
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
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

/** @returns {Account|undefined} */
function toAccount(row) {
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    givenName: row.given_name,
    familyName: row.family_name,
    name: `${row.given_name} ${row.family_name}`,
    accountType: row.account_type,
    role: row.role,
    company: row.company,
  };
}

/** @returns {Account|undefined} */
export function findAccountById(db, id) {
  return toAccount(db.prepare('SELECT * FROM accounts WHERE id = ?').get(String(id)));
}

/**
 * Checks e-mail and password; returns the account or undefined. Unknown e-mails cost a hash too,
 * so the answer time does not reveal which addresses exist.
 * @returns {Promise<Account|undefined>}
 */
export async function authenticate(db, email, password) {
  const address = String(email).trim();
  const row = db.prepare('SELECT * FROM accounts WHERE email = ?').get(address);
  if (row) return (await verifyPassword(password, row.password_hash)) ? toAccount(row) : undefined;
  const identity = db.prepare('SELECT * FROM swissid_identities WHERE email = ?').get(address);
  const ok = await verifyPassword(password, identity?.password_hash ?? UNKNOWN_ACCOUNT_HASH);
  return ok && identity ? toIdentity(identity) : undefined;
}

/**
 * @typedef {object} SwissIdUser
 * @property {string} id   the SwissID subject
 * @property {string} email
 * @property {string} givenName
 * @property {string} familyName
 * @property {string} name
 */

function toIdentity(row) {
  if (!row) return undefined;
  return { id: row.id, email: row.email, givenName: row.given_name, familyName: row.family_name, name: `${row.given_name} ${row.family_name}` };
}

/**
 * A SwissID sign-in: a seeded customer account (Account) or an identity without an account of its own.
 * @returns {Account|SwissIdUser|undefined}
 */
export function findSwissIdUser(db, id) {
  return findAccountById(db, id) ?? toIdentity(db.prepare('SELECT * FROM swissid_identities WHERE id = ?').get(String(id)));
}

/**
 * @typedef {object} PostLogin an older Post customer login
 * @property {string} id        its own subject at the older-login provider
 * @property {string} email     user name
 * @property {string} givenName
 * @property {string} familyName
 * @property {string} name
 * @property {boolean} invited  invited by e-mail to link to SwissID
 * @property {string|null} swissidSub the SwissID subject it is linked to
 * @property {string|null} linkedAt
 */

/** @typedef {{ id: string, type: 'private'|'business', email: string, company: string|null, role: 'customer'|'superadmin'|'user' }} CustomerAccount */

function toPostLogin(row) {
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    givenName: row.given_name,
    familyName: row.family_name,
    name: `${row.given_name} ${row.family_name}`,
    invited: row.invited === 1,
    swissidSub: row.swissid_sub,
    linkedAt: row.linked_at,
  };
}

/** @returns {CustomerAccount} */
function toCustomerAccount(row) {
  return { id: row.id, type: row.account_type, email: row.email, company: row.company, role: row.role };
}

// Private accounts first, then business ones; stable within each.
const ACCOUNT_ORDER = "ORDER BY account_type = 'business', email, id";

/** @returns {PostLogin|undefined} */
export function findPostLoginById(db, id) {
  return toPostLogin(db.prepare('SELECT * FROM post_logins WHERE id = ?').get(String(id)));
}

/**
 * Checks an older Post login's e-mail and password, with the same constant cost as authenticate().
 * @returns {Promise<PostLogin|undefined>}
 */
export async function authenticatePostLogin(db, email, password) {
  const row = db.prepare('SELECT * FROM post_logins WHERE email = ?').get(String(email).trim());
  const ok = await verifyPassword(password, row?.password_hash ?? UNKNOWN_ACCOUNT_HASH);
  return ok && row ? toPostLogin(row) : undefined;
}

/** The customer accounts an older login gives access to. @returns {CustomerAccount[]} */
export function listPostLoginAccounts(db, loginId) {
  return db.prepare(`SELECT * FROM post_accounts WHERE post_login_id = ? ${ACCOUNT_ORDER}`).all(String(loginId)).map(toCustomerAccount);
}

/**
 * Every customer account reachable with a SwissID subject: its own seeded account (if any) first,
 * then the accounts of the older logins linked to it, each with its own registered e-mail.
 * @returns {CustomerAccount[]}
 */
export function listSwissIdAccounts(db, swissidSub) {
  const own = findAccountById(db, swissidSub);
  const linked = db.prepare(`SELECT * FROM swissid_linked_accounts WHERE swissid_sub = ? ${ACCOUNT_ORDER}`).all(String(swissidSub));
  return [
    ...(own ? [{ id: own.id, type: own.accountType, email: own.email, company: own.company, role: own.role }] : []),
    ...linked.map(toCustomerAccount),
  ];
}

/**
 * Links an older login to a SwissID subject, in one transaction: only swissid_sub and linked_at
 * change, and nothing changes when the login is already linked or the SwissID is linked elsewhere.
 * Linking again to the SwissID it is linked to succeeds and changes nothing: a client may send the
 * same link twice (a browser resends a request whose answer was lost on a reused connection).
 * @returns {{ ok: true, login: PostLogin } | { ok: false, error: 'unknown_login'|'already_linked'|'swissid_in_use' }}
 */
export function linkPostLogin(db, loginId, swissidSub, now = new Date()) {
  return db.transaction(() => {
    const login = findPostLoginById(db, loginId);
    if (!login) return { ok: false, error: 'unknown_login' };
    if (login.swissidSub === String(swissidSub)) return { ok: true, login };
    if (login.swissidSub !== null) return { ok: false, error: 'already_linked' };
    if (db.prepare('SELECT 1 FROM post_logins WHERE swissid_sub = ?').get(String(swissidSub))) {
      return { ok: false, error: 'swissid_in_use' };
    }
    const { changes } = db.prepare('UPDATE post_logins SET swissid_sub = ?, linked_at = ? WHERE id = ? AND swissid_sub IS NULL')
      .run(String(swissidSub), now.toISOString(), login.id);
    if (changes !== 1) return { ok: false, error: 'already_linked' };
    return { ok: true, login: /** @type {PostLogin} */ (findPostLoginById(db, login.id)) };
  }).immediate();
}

const UNKNOWN_ACCOUNT_HASH = hashPassword('no account has this password');
