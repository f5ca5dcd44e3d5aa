// SwissID sign-ins: the Post customer accounts that sign in with SwissID themselves (`accounts`),
// and the SwissID identities without an account of their own (`swissid_identities`).
import { verifyPassword } from '../passwords.mjs';

/**
 * @typedef {object} Account
 * @property {string} id            stable subject (`sub`) of the account, never its e-mail
 * @property {string} email
 * @property {string} givenName
 * @property {string} familyName
 * @property {string} name
 * @property {'private'|'business'} accountType
 * @property {'customer'|'superadmin'|'user'} role
 * @property {string|null} company
 */

/**
 * @typedef {object} SwissIdUser
 * @property {string} id   the SwissID subject
 * @property {string} email
 * @property {string} givenName
 * @property {string} familyName
 * @property {string} name
 */

/**
 * Who a row of `accounts`, `swissid_identities` or `post_logins` is: its subject, e-mail and names.
 * @returns {SwissIdUser}
 */
export function personOf(row) {
  return { id: row.id, email: row.email, givenName: row.given_name, familyName: row.family_name, name: `${row.given_name} ${row.family_name}` };
}

/** @returns {Account|undefined} */
function toAccount(row) {
  if (!row) return undefined;
  return { ...personOf(row), accountType: row.account_type, role: row.role, company: row.company };
}

/** @returns {SwissIdUser|undefined} */
function toIdentity(row) {
  return row ? personOf(row) : undefined;
}

/** @returns {Account|undefined} */
export function findAccountById(db, id) {
  return toAccount(db.prepare('SELECT * FROM accounts WHERE id = ?').get(String(id)));
}

/**
 * Checks e-mail and password; returns the account or undefined. Unknown e-mails cost a hash too,
 * so the answer time does not reveal which addresses exist.
 * @returns {Promise<Account|SwissIdUser|undefined>}
 */
export async function authenticate(db, email, password) {
  const address = String(email).trim();
  const row = db.prepare('SELECT * FROM accounts WHERE email = ?').get(address);
  if (row) return (await verifyPassword(password, row.password_hash)) ? toAccount(row) : undefined;
  const identity = db.prepare('SELECT * FROM swissid_identities WHERE email = ?').get(address);
  const ok = await verifyPassword(password, identity?.password_hash);
  return ok && identity ? toIdentity(identity) : undefined;
}

/**
 * A SwissID sign-in: a seeded customer account (Account) or an identity without an account of its own.
 * @returns {Account|SwissIdUser|undefined}
 */
export function findSwissIdUser(db, id) {
  return findAccountById(db, id) ?? toIdentity(db.prepare('SELECT * FROM swissid_identities WHERE id = ?').get(String(id)));
}
