// Linking an older Post customer login to a SwissID with a bound, fresh proof: the one-time challenges (the nonce
// that the SwissID sign-in proving the SwissID must carry), and the link itself with its audit record and the
// notification to the customer, all in one transaction. A SwissID may hold several older logins (one SwissID, all of
// a customer's accounts, private and business); an older login is linked to at most one SwissID.
import { randomBytes, randomUUID } from 'node:crypto';
import { findPostLoginById } from './post-logins.mjs';

/** How long a challenge can be answered. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** How long ago the SwissID sign-in of a proof (its `auth_time`) may be. */
export const PROOF_MAX_AGE_MS = 5 * 60 * 1000;
/** Clock skew allowed between SwissID and this service. */
export const CLOCK_SKEW_MS = 5 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A new challenge for an older login: 32 random bytes (base64url), valid CHALLENGE_TTL_MS. Several may be outstanding.
 * @param {import('better-sqlite3').Database} db
 * @param {{ loginId: string, clientId: string, now?: Date }} input clientId: the client of the older login's token
 * @returns {{ nonce: string, expiresAt: string }}
 */
export function createLinkChallenge(db, { loginId, clientId, now = new Date() }) {
  const nonce = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString();
  db.transaction(() => {
    // A challenge expired for a day is of no use any more, not even to answer a link sent again.
    db.prepare('DELETE FROM link_challenges WHERE expires_at < ?').run(new Date(now.getTime() - DAY_MS).toISOString());
    db.prepare('INSERT INTO link_challenges (nonce, post_login_id, client_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(nonce, loginId, clientId, now.toISOString(), expiresAt);
  }).immediate();
  return { nonce, expiresAt };
}

/**
 * @typedef {object} LinkProof what the two proofs of a link say, both verified by the caller
 * @property {string} loginId the older login (proof 1: its access token)
 * @property {string} clientId the client that access token was issued to
 * @property {string} swissidSub the SwissID (proof 2: its ID token)
 * @property {string} nonce the ID token's `nonce`
 * @property {number} authTime the ID token's `auth_time` (seconds since the epoch)
 * @property {string} proofClientId the client the ID token was issued to
 * @property {string} [swissidEmail] the ID token's `email`, for the notification
 */

/**
 * @typedef {{ ok: true, linked: boolean }
 *   | { ok: false, error: 'invalid_proof', reason: string }
 *   | { ok: false, error: 'unknown_login'|'already_linked' }} LinkResult
 *   `linked`: whether this request made the link (false: the login was already linked to this SwissID)
 */

/**
 * Links an older login to a SwissID, in one transaction, when the proof answers a challenge of this login: issued
 * to it, unused, unexpired, and the SwissID sign-in made after it (CLOCK_SKEW_MS allowed) and at most
 * PROOF_MAX_AGE_MS ago. The challenge is then used up, whether the link is made or refused (409 already_linked: the
 * login is linked to another SwissID); a link made writes its audit record and the customer's notification too. A
 * refused proof changes nothing. Only swissid_sub and linked_at of the login change; the SwissID may already hold
 * other older logins. A used challenge whose login is linked to this very SwissID answers as a success
 * without changing anything: a browser may resend a request whose answer was lost.
 * @param {import('better-sqlite3').Database} db
 * @param {LinkProof} proof
 * @param {Date} [now]
 * @returns {LinkResult}
 */
export function linkWithProof(db, proof, now = new Date()) {
  return db.transaction(() => {
    const login = findPostLoginById(db, proof.loginId);
    if (!login) return { ok: false, error: 'unknown_login' };
    /** @type {(reason: string) => LinkResult} */
    const refuse = (reason) => ({ ok: false, error: 'invalid_proof', reason });

    const challenge = db.prepare('SELECT * FROM link_challenges WHERE nonce = ?').get(proof.nonce);
    if (!challenge || challenge.post_login_id !== login.id) return refuse('the nonce is not a challenge of this login');
    if (challenge.used_at !== null) {
      return login.swissidSub === proof.swissidSub ? { ok: true, linked: false } : refuse('the challenge was used');
    }
    const nowMs = now.getTime();
    if (Date.parse(challenge.expires_at) <= nowMs) return refuse('the challenge expired');
    const authMs = proof.authTime * 1000;
    if (authMs < Date.parse(challenge.created_at) - CLOCK_SKEW_MS) return refuse('signed in before the challenge');
    if (authMs < nowMs - PROOF_MAX_AGE_MS - CLOCK_SKEW_MS || authMs > nowMs + CLOCK_SKEW_MS) return refuse('the sign-in is not fresh');

    const at = now.toISOString();
    db.prepare('UPDATE link_challenges SET used_at = ? WHERE nonce = ?').run(at, challenge.nonce);
    if (login.swissidSub === proof.swissidSub) return { ok: true, linked: false };
    if (login.swissidSub !== null) return { ok: false, error: 'already_linked' };

    const { changes } = db.prepare('UPDATE post_logins SET swissid_sub = ?, linked_at = ? WHERE id = ? AND swissid_sub IS NULL')
      .run(proof.swissidSub, at, login.id);
    if (changes !== 1) return { ok: false, error: 'already_linked' };
    db.prepare(`INSERT INTO link_audit (id, post_login_id, swissid_sub, client_id, proof_client_id, auth_time, linked_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(randomUUID(), login.id, proof.swissidSub, proof.clientId, proof.proofClientId, new Date(authMs).toISOString(), at);
    // The customer hears of every link at the older login's e-mail address (a link they did not make shows at once).
    const payload = { login: { id: login.id, email: login.email, name: login.name }, swissid: { email: proof.swissidEmail ?? null }, linkedAt: at };
    db.prepare("INSERT INTO outbox (id, kind, recipient, payload, created_at) VALUES (?, 'link-notification', ?, ?, ?)")
      .run(randomUUID(), login.email, JSON.stringify(payload), at);
    return { ok: true, linked: true };
  }).immediate();
}
