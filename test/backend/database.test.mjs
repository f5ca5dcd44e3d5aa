import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../demo/server/database.mjs';
import { authenticate } from '../../demo/server/db/accounts.mjs';
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
      assert.equal(again.pragma('user_version', { simple: true }), 3);
      assert.equal(again.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      again.close();
    }
  });
});
