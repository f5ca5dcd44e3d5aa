// The older Post customer logins (user name = e-mail), the customer accounts each gives access to,
// and their link to a SwissID subject: what a SwissID reaches through linked logins.
import { verifyPassword } from '../passwords.mjs';
import { findAccountById, personOf } from './accounts.mjs';

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

/** @returns {PostLogin|undefined} */
function toPostLogin(row) {
  if (!row) return undefined;
  return { ...personOf(row), invited: row.invited === 1, swissidSub: row.swissid_sub, linkedAt: row.linked_at };
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
  const ok = await verifyPassword(password, row?.password_hash);
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
