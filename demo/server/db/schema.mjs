// The reference backend's database schema: migrations applied once each, in order, tracked by
// PRAGMA user_version. A database file that has applied a migration never runs it again, so a
// migration's SQL never changes once released; schema changes are appended as new migrations.

/**
 * The table of one OpenID provider's artefacts (sessions, codes, tokens, grants, interactions) as JSON,
 * with its indexes (named after the table): one for SwissID, one for the older Post login.
 * @param {string} name
 */
const oidcModelsTable = (name) => `CREATE TABLE ${name} (
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
   CREATE INDEX ${name}_grant ON ${name} (grant_id) WHERE grant_id IS NOT NULL;
   CREATE INDEX ${name}_uid ON ${name} (model, uid) WHERE uid IS NOT NULL;
   CREATE INDEX ${name}_user_code ON ${name} (model, user_code) WHERE user_code IS NOT NULL;
   CREATE INDEX ${name}_expiry ON ${name} (expires_at) WHERE expires_at IS NOT NULL;`;

// `accounts`: SwissID sign-ins that are Post customer accounts themselves, one row per customer
// account (not per person). Migration 2 adds the older Post customer logins, the customer accounts
// each gives access to (each with its own registered e-mail), and their link to a SwissID subject; 3 the
// addresses and the locality directory; 4 the link challenges, the link audit and the outbox; 5 lets a SwissID hold
// several older logins.
// Exported for the migration tests (a database file of an earlier version migrates forward).
export const MIGRATIONS = [
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
   -- The SwissID stand-in's artefacts.
   ${oidcModelsTable('oidc_models')}`,
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
   ${oidcModelsTable('post_login_oidc_models')}`,
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
  // 4: linking with a bound, fresh proof; the record of each link and the notification to the customer.
  `-- One-time challenges for linking an older login: the nonce the SwissID sign-in that proves the SwissID must
   -- carry. Valid 5 minutes, accepted once (used_at), for the older login it was issued to. Times are ISO 8601 (UTC).
   CREATE TABLE link_challenges (
     nonce         TEXT PRIMARY KEY,
     post_login_id TEXT NOT NULL REFERENCES post_logins (id) ON DELETE CASCADE,
     client_id     TEXT NOT NULL,
     created_at    TEXT NOT NULL,
     expires_at    TEXT NOT NULL,
     used_at       TEXT,
     CHECK (expires_at > created_at)
   );
   CREATE INDEX link_challenges_login ON link_challenges (post_login_id);
   CREATE INDEX link_challenges_expiry ON link_challenges (expires_at);
   -- Every link made: who, to which SwissID, through which clients, when the customer proved the SwissID.
   -- No foreign key: the record outlives the login. Never a token.
   CREATE TABLE link_audit (
     id              TEXT PRIMARY KEY,
     post_login_id   TEXT NOT NULL,
     swissid_sub     TEXT NOT NULL,
     client_id       TEXT NOT NULL,
     proof_client_id TEXT NOT NULL,
     auth_time       TEXT NOT NULL,
     linked_at       TEXT NOT NULL
   );
   CREATE INDEX link_audit_login ON link_audit (post_login_id);
   -- Messages to send (e-mails), written in the transaction of what they report; a sender sets sent_at.
   CREATE TABLE outbox (
     id         TEXT PRIMARY KEY,
     kind       TEXT NOT NULL CHECK (kind IN ('link-notification')),
     recipient  TEXT NOT NULL,
     payload    TEXT NOT NULL CHECK (json_valid(payload)),
     created_at TEXT NOT NULL,
     sent_at    TEXT
   );
   CREATE INDEX outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL;`,
  // 5: one SwissID, all accounts: a SwissID may be linked to several older logins (each older login still to at most
  // one SwissID). SQLite cannot drop a UNIQUE constraint, so post_logins is rebuilt with its rows; migrate() runs this
  // with foreign keys off, so that dropping the old table deletes nothing that refers to it, and checks them after.
  `DROP VIEW swissid_linked_accounts;
   CREATE TABLE post_logins_v5 (
     id            TEXT PRIMARY KEY,
     email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password_hash TEXT NOT NULL,
     given_name    TEXT NOT NULL,
     family_name   TEXT NOT NULL,
     invited       INTEGER NOT NULL DEFAULT 0 CHECK (invited IN (0, 1)),
     swissid_sub   TEXT,
     linked_at     TEXT,
     created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
     CHECK ((swissid_sub IS NULL) = (linked_at IS NULL))
   );
   INSERT INTO post_logins_v5 (id, email, password_hash, given_name, family_name, invited, swissid_sub, linked_at, created_at)
     SELECT id, email, password_hash, given_name, family_name, invited, swissid_sub, linked_at, created_at FROM post_logins;
   DROP TABLE post_logins;
   ALTER TABLE post_logins_v5 RENAME TO post_logins;
   CREATE INDEX post_logins_swissid ON post_logins (swissid_sub, linked_at) WHERE swissid_sub IS NOT NULL;
   -- Every Post customer account reachable with a SwissID subject through its linked older logins, with the login.
   CREATE VIEW swissid_linked_accounts AS
     SELECT l.swissid_sub, l.id AS post_login_id, l.email AS login_email, l.linked_at, a.id, a.email, a.account_type, a.role, a.company
     FROM post_accounts a JOIN post_logins l ON l.id = a.post_login_id
     WHERE l.swissid_sub IS NOT NULL;`,
];

/**
 * Applies the migrations this database has not applied yet, each in its own transaction.
 * @param {import('better-sqlite3').Database} db
 */
export function migrate(db) {
  const current = db.pragma('user_version', { simple: true });
  if (current >= MIGRATIONS.length) return;
  // A migration that rebuilds a table drops the old one: with foreign keys on, that would delete (ON DELETE CASCADE)
  // every row referring to it. They are off while migrating (a pragma that has no effect inside a transaction), and
  // each migration commits only when every reference still holds.
  const foreignKeys = db.pragma('foreign_keys', { simple: true });
  db.pragma('foreign_keys = OFF');
  try {
    for (let version = current; version < MIGRATIONS.length; version += 1) {
      db.transaction(() => {
        db.exec(MIGRATIONS[version]);
        const broken = db.pragma('foreign_key_check');
        if (broken.length) throw new Error(`migration ${version + 1} leaves ${broken.length} broken reference(s)`);
        db.pragma(`user_version = ${version + 1}`);
      })();
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
