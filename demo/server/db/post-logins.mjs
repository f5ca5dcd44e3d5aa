// The older Post customer logins (user name = e-mail), the customer accounts each gives access to,
// and their link to a SwissID subject: what a SwissID reaches through linked logins. Linking itself is
// in linking.mjs.
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
