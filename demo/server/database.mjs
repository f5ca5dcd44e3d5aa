// The reference backend's SQLite database: demo accounts and the OpenID provider's state.
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

// Schema changes are appended here and applied once each, tracked by PRAGMA user_version.
// One row per customer account (not per person): a person with a private and a business account has
// two rows with their own e-mail addresses. Later steps can add, as new migrations, a column for the
// SwissID subject an older Post login is linked to, an invitation flag, and a person grouping.
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
  const row = db.prepare('SELECT * FROM accounts WHERE email = ?').get(String(email).trim());
  const ok = await verifyPassword(password, row?.password_hash ?? UNKNOWN_ACCOUNT_HASH);
  return ok && row ? toAccount(row) : undefined;
}

const UNKNOWN_ACCOUNT_HASH = hashPassword('no account has this password');
