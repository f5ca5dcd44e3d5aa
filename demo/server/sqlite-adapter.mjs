// oidc-provider adapter that keeps every provider artefact in the SQLite database, so that state
// survives in the real file and deleting refresh tokens is a real DELETE.

/**
 * @param {import('better-sqlite3').Database} db
 * @param {string} [table] one table per provider (same columns as oidc_models), so that two
 *   providers share the file without sharing state
 * @returns {(model: string) => object} the `adapter` factory for the provider configuration
 */
export function createSqliteAdapter(db, table = 'oidc_models') {
  if (!/^\w+$/.test(table)) throw new Error('invalid table name');
  const statements = {
    upsert: db.prepare(`INSERT INTO ${table} (model, id, payload, grant_id, user_code, uid, expires_at, consumed_at)
      VALUES (@model, @id, @payload, @grantId, @userCode, @uid, @expiresAt, NULL)
      ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
        user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at, consumed_at = NULL`),
    find: db.prepare(`SELECT payload, consumed_at, expires_at FROM ${table} WHERE model = ? AND id = ?`),
    findByUid: db.prepare(`SELECT payload, consumed_at, expires_at FROM ${table} WHERE model = ? AND uid = ?`),
    findByUserCode: db.prepare(`SELECT payload, consumed_at, expires_at FROM ${table} WHERE model = ? AND user_code = ?`),
    consume: db.prepare(`UPDATE ${table} SET consumed_at = ? WHERE model = ? AND id = ?`),
    destroy: db.prepare(`DELETE FROM ${table} WHERE model = ? AND id = ?`),
    // Same set of models as oidc-provider's own memory adapter revokes with a grant.
    revokeByGrantId: db.prepare(`DELETE FROM ${table} WHERE grant_id = ? AND model IN ('AccessToken',
      'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PreAuthorizedCode')`),
    sweep: db.prepare(`DELETE FROM ${table} WHERE expires_at IS NOT NULL AND expires_at < ?`),
  };

  // Expired rows are removed now and then rather than on every write.
  let writes = 0;
  function sweepSometimes() {
    writes += 1;
    if (writes % 100 === 0) statements.sweep.run(Date.now());
  }

  /** Turns a row back into the payload the provider stored, or undefined when expired. */
  function toPayload(row) {
    if (!row) return undefined;
    if (row.expires_at !== null && row.expires_at <= Date.now()) return undefined;
    const payload = JSON.parse(row.payload);
    if (row.consumed_at !== null) payload.consumed = row.consumed_at;
    return payload;
  }

  return (model) => ({
    async upsert(id, payload, expiresIn) {
      statements.upsert.run({
        model,
        id,
        payload: JSON.stringify(payload),
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : null,
      });
      sweepSometimes();
    },
    async find(id) {
      return toPayload(statements.find.get(model, id));
    },
    async findByUid(uid) {
      return toPayload(statements.findByUid.get(model, uid));
    },
    async findByUserCode(userCode) {
      return toPayload(statements.findByUserCode.get(model, userCode));
    },
    async consume(id) {
      statements.consume.run(Math.floor(Date.now() / 1000), model, id);
    },
    async destroy(id) {
      statements.destroy.run(model, id);
    },
    async revokeByGrantId(grantId) {
      statements.revokeByGrantId.run(grantId);
    },
  });
}
