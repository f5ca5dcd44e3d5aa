import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openDatabase } from '../../demo/server/database.mjs';
import { authenticate } from '../../demo/server/db/accounts.mjs';
import { MIGRATIONS } from '../../demo/server/db/schema.mjs';
import { DEMO_ACCOUNTS } from '../../demo/server/demo-data.mjs';
import { ANNA, signIn, startTestBackend } from './support.mjs';

describe('database', () => {
  let env;
  before(async () => { env = await startTestBackend(); });
  after(() => env.close());

  it('seeds the demo accounts', () => {
    const rows = env.backend.db.prepare('SELECT email, account_type, role, company FROM accounts ORDER BY email').all();
    assert.deepEqual(rows, [
      { email: 'anna.muster@example.ch', account_type: 'private', role: 'customer', company: null },
      { email: 'lea.rossi@example.ch', account_type: 'business', role: 'user', company: 'Keller Logistik AG' },
      { email: 'marc.keller@example.ch', account_type: 'business', role: 'superadmin', company: 'Keller Logistik AG' },
    ]);
  });

  it('never stores a password in clear', () => {
    env.backend.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = [env.dbFile, `${env.dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    for (const { password } of DEMO_ACCOUNTS) {
      for (const content of files) assert.equal(content.includes(password), false);
    }
    const hashes = env.backend.db.prepare('SELECT password_hash FROM accounts').pluck().all();
    assert.equal(new Set(hashes.map((h) => h.split('$')[4])).size, hashes.length, 'one salt per account');
    for (const hash of hashes) assert.match(hash, /^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  });

  it('checks passwords', async () => {
    const { db } = env.backend;
    assert.equal((await authenticate(db, ANNA.email.toUpperCase(), ANNA.password))?.name, 'Anna Muster');
    assert.equal(await authenticate(db, ANNA.email, ANNA.password.toLowerCase()), undefined);
    assert.equal(await authenticate(db, 'nobody@example.ch', ANNA.password), undefined);
  });

  it('keeps the provider state in the SQLite file', async () => {
    await signIn(env.backend, env.demoClient);
    const models = env.backend.db.prepare('SELECT DISTINCT model FROM oidc_models').pluck().all();
    for (const model of ['Session', 'Grant', 'AccessToken', 'RefreshToken', 'AuthorizationCode']) {
      assert.ok(models.includes(model), model);
    }
  });

  it('opens an existing file again without changing it', () => {
    const again = openDatabase(env.dbFile);
    try {
      assert.equal(again.prepare('SELECT count(*) FROM accounts').pluck().get(), 3);
      assert.equal(again.pragma('user_version', { simple: true }), 5);
      assert.equal(MIGRATIONS.length, 5);
      assert.equal(again.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      again.close();
    }
  });

  it('migrates a file of the previous version (3) forward, keeping what it holds', () => {
    const file = join(env.dir, 'version-3.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    for (const sql of MIGRATIONS.slice(0, 3)) old.exec(sql);
    old.pragma('user_version = 3');
    old.prepare(`INSERT INTO post_logins (id, email, password_hash, given_name, family_name, invited, swissid_sub, linked_at)
      VALUES ('old-login', 'old.login@example.ch', 'x', 'Olga', 'Alt', 1, 'old-swissid', '2025-01-02T03:04:05.000Z')`).run();
    old.close();

    const db = openDatabase(file);
    try {
      assert.equal(db.pragma('user_version', { simple: true }), 5);
      assert.deepEqual(db.prepare('SELECT email, swissid_sub, linked_at FROM post_logins WHERE id = ?').get('old-login'),
        { email: 'old.login@example.ch', swissid_sub: 'old-swissid', linked_at: '2025-01-02T03:04:05.000Z' });
      for (const table of ['link_challenges', 'link_audit', 'outbox']) {
        assert.equal(db.prepare('SELECT count(*) FROM sqlite_master WHERE type = ? AND name = ?').pluck().get('table', table), 1, table);
        assert.equal(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), 0, table);
      }
      assert.equal(db.prepare('SELECT count(*) FROM accounts').pluck().get(), 3, 'seeded as a new file would be');
    } finally {
      db.close();
    }
  });

  it('migrates a file of version 4 forward: a SwissID may then hold several older logins, and every row stays', () => {
    const file = join(env.dir, 'version-4.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    for (const sql of MIGRATIONS.slice(0, 4)) old.exec(sql);
    old.pragma('user_version = 4');
    const login = old.prepare(`INSERT INTO post_logins (id, email, password_hash, given_name, family_name, invited, swissid_sub, linked_at, created_at)
      VALUES (?, ?, 'x', 'Olga', 'Alt', ?, ?, ?, '2024-12-01T00:00:00.000Z')`);
    login.run('old-linked', 'old.linked@example.ch', 1, 'old-swissid', '2025-01-02T03:04:05.000Z');
    login.run('old-alone', 'old.alone@example.ch', 0, null, null);
    old.prepare(`INSERT INTO post_accounts (id, post_login_id, email, account_type, role, company)
      VALUES ('old-account', 'old-alone', 'old.alone@example.ch', 'business', 'user', 'Alt AG')`).run();
    old.prepare(`INSERT INTO link_challenges (nonce, post_login_id, client_id, created_at, expires_at)
      VALUES ('old-nonce', 'old-alone', 'post-login-demo', '2025-01-01T00:00:00.000Z', '2025-01-01T00:05:00.000Z')`).run();
    // Version 4 allowed one older login per SwissID.
    assert.throws(() => old.prepare("UPDATE post_logins SET swissid_sub = 'old-swissid', linked_at = ? WHERE id = 'old-alone'").run('2025-02-01T00:00:00.000Z'), /UNIQUE/);
    const tables = ['post_logins', 'post_accounts', 'link_challenges'];
    const before = Object.fromEntries(tables.map((table) => [table, old.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]));
    old.close();

    const db = openDatabase(file);
    try {
      assert.equal(db.pragma('user_version', { simple: true }), 5);
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1, 'foreign keys on again');
      const seeded = new Set(db.prepare('SELECT id FROM post_logins WHERE id NOT LIKE ?').pluck().all('old-%'));
      for (const table of tables) {
        const rows = db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all().filter((row) => !seeded.has(row.post_login_id ?? row.id));
        assert.deepEqual(rows, before[table], `${table} kept, every column`);
      }
      // The same SwissID takes a second older login now; an older login still has one SwissID (a column, not a list).
      db.prepare("UPDATE post_logins SET swissid_sub = 'old-swissid', linked_at = ? WHERE id = 'old-alone'").run('2025-02-01T00:00:00.000Z');
      assert.deepEqual(db.prepare("SELECT id FROM swissid_linked_accounts WHERE swissid_sub = 'old-swissid'").pluck().all(), ['old-account']);
      assert.equal(db.prepare("SELECT count(*) FROM post_logins WHERE swissid_sub = 'old-swissid'").pluck().get(), 2);
      assert.ok(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'post_logins_swissid'").get());
      // The references to the rebuilt table hold: its accounts and challenges go with a login, and none can point nowhere.
      assert.deepEqual(db.pragma('foreign_key_list(post_accounts)').map((fk) => fk.table), ['post_logins']);
      assert.throws(() => db.prepare(`INSERT INTO post_accounts (id, post_login_id, email, account_type, role, company)
        VALUES ('orphan', 'no-login', 'x@example.ch', 'private', 'customer', NULL)`).run(), /FOREIGN KEY/);
      db.prepare("DELETE FROM post_logins WHERE id = 'old-alone'").run();
      assert.equal(db.prepare("SELECT count(*) FROM post_accounts WHERE id = 'old-account'").pluck().get(), 0);
      assert.equal(db.prepare("SELECT count(*) FROM link_challenges WHERE nonce = 'old-nonce'").pluck().get(), 0);
      assert.equal(db.prepare('SELECT count(*) FROM post_logins WHERE email = ?').pluck().get('claudia.weber@example.ch'), 1, 'new demo logins seeded');
    } finally {
      db.close();
    }
  });
});
