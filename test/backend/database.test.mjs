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
      assert.equal(again.pragma('user_version', { simple: true }), 4);
      assert.equal(MIGRATIONS.length, 4);
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
      assert.equal(db.pragma('user_version', { simple: true }), 4);
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
});
