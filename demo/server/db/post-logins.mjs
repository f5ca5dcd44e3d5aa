// The older Post customer logins (user name = e-mail), the customer accounts each gives access to,
// and their link to a SwissID subject: what a SwissID reaches through its linked logins (several: one SwissID, all
// accounts). Linking itself is in linking.mjs.
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

/**
 * @typedef {object} CustomerAccount an account a person may act for, as `GET /me` lists it
 * @property {string} id
 * @property {'private'|'business'} type
 * @property {string|null} company
 * @property {'customer'|'superadmin'|'user'} role
 * @property {string} email the e-mail registered for this account (linking never changes it)
 * @property {string|null} loginId the older login it comes from; null for a SwissID's own account
 * @property {string|null} loginEmail that older login's user name; null for a SwissID's own account
 */

/** @returns {PostLogin|undefined} */
function toPostLogin(row) {
  if (!row) return undefined;
  return { ...personOf(row), invited: row.invited === 1, swissidSub: row.swissid_sub, linkedAt: row.linked_at };
}

/** @returns {CustomerAccount} */
function toCustomerAccount(row) {
  return {
    id: row.id, type: row.account_type, company: row.company, role: row.role, email: row.email, loginId: row.post_login_id, loginEmail: row.login_email,
  };
}

// Within one login: private accounts first, then business ones; stable within each.
const accountOrder = (table) => `${table}.account_type = 'business', ${table}.email, ${table}.id`;

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

/** The customer accounts an older login gives access to, private before business. @returns {CustomerAccount[]} */
export function listPostLoginAccounts(db, loginId) {
  return db.prepare(`SELECT a.*, l.email AS login_email FROM post_accounts a JOIN post_logins l ON l.id = a.post_login_id
    WHERE a.post_login_id = ? ORDER BY ${accountOrder('a')}`).all(String(loginId)).map(toCustomerAccount);
}

/**
 * Every customer account reachable with a SwissID subject: its own seeded account (if any) first, then the accounts
 * of every older login linked to it, login by login in the order they were linked (private before business within a
 * login), each with its own registered e-mail and the login it comes from.
 * @returns {CustomerAccount[]}
 */
export function listSwissIdAccounts(db, swissidSub) {
  const own = findAccountById(db, swissidSub);
  const linked = db.prepare(`SELECT * FROM swissid_linked_accounts v WHERE v.swissid_sub = ?
    ORDER BY v.linked_at, v.post_login_id, ${accountOrder('v')}`).all(String(swissidSub));
  return [
    ...(own ? [{ id: own.id, type: own.accountType, company: own.company, role: own.role, email: own.email, loginId: null, loginEmail: null }] : []),
    ...linked.map(toCustomerAccount),
  ];
}
