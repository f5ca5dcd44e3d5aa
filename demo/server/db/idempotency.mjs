// Results of writes sent with an Idempotency-Key, per account, so that a retried save is answered
// from here instead of being done twice.

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
