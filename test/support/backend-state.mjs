// What tests read and change directly in the reference backend's database, behind the API's back:
// the addresses a login's account has stored, another user's save in the meantime, tokens that end.
import { validateOnlineAddress } from '../../demo/server/address-rules.mjs';
import { customerOfAccount, findCustomerAddress, listCustomerAddresses, updateOnlineAddress } from '../../demo/server/db/addresses.mjs';
import { listPostLoginAccounts, listSwissIdAccounts } from '../../demo/server/db/post-logins.mjs';

/**
 * The addresses stored for one of the accounts a login may act for (`accountId`, one of the `accounts` of its
 * `GET /me`; default its first), as `GET /accounts/{accountId}/addresses` lists them.
 * @param {import('better-sqlite3').Database} db
 * @param {string} email a SwissID login (anna.muster@example.ch) or an older Post login (peter.invited@example.ch)
 * @param {string} [accountId]
 * @returns {{ billing: object|null, online: object[] }}
 */
export function storedAddresses(db, email, accountId) {
  const swissid = db.prepare('SELECT id FROM accounts WHERE email = ? UNION ALL SELECT id FROM swissid_identities WHERE email = ?')
    .pluck().get(email, email);
  const postLogin = swissid ? undefined : db.prepare('SELECT id FROM post_logins WHERE email = ?').pluck().get(email);
  if (!swissid && !postLogin) throw new Error(`no SwissID or Post login with the e-mail ${email}`);
  const accounts = swissid ? listSwissIdAccounts(db, swissid) : listPostLoginAccounts(db, postLogin);
  const account = accountId === undefined ? accounts[0] : accounts.find((candidate) => candidate.id === accountId);
  if (accountId !== undefined && !account) throw new Error(`${email} may not act for the account ${accountId}`);
  const customer = account && customerOfAccount(db, account.id);
  return customer ? listCustomerAddresses(db, customer.id) : { billing: null, online: [] };
}

/**
 * Changes an online-services address as another user's save would (checked, version up by one),
 * so that the widget's next write with the old ETag gets a 412.
 * @param {import('better-sqlite3').Database} db
 * @param {{ id: string, changes: Record<string, unknown> }} change fields as the API names them (street, houseNumber, services, …)
 * @returns {object} the address as stored now
 */
export function changeStoredAddress(db, { id, changes }) {
  const customerId = db.prepare("SELECT customer_id FROM addresses WHERE id = ? AND kind = 'online'").pluck().get(id);
  if (!customerId) throw new Error(`no online-services address ${id}`);
  const current = /** @type {Record<string, unknown> & { version: number }} */ (findCustomerAddress(db, customerId, id));
  const checked = validateOnlineAddress(db, { ...current, ...changes });
  if (!checked.ok) throw new Error(`not a valid address: ${JSON.stringify(checked.fields)}`);
  return updateOnlineAddress(db, customerId, id, current.version, checked.value);
}

/**
 * Every token value both providers issued (authorization codes, access and refresh tokens: the opaque value is its
 * id) since `since` (seconds since the epoch), consumed or not: what a leak check looks for.
 * @param {import('better-sqlite3').Database} db
 * @param {number} since
 * @returns {string[]}
 */
export function issuedTokens(db, since) {
  return ['oidc_models', 'post_login_oidc_models'].flatMap((table) =>
    db.prepare(`SELECT id, payload FROM ${table} WHERE model IN ('AuthorizationCode', 'AccessToken', 'RefreshToken')`).all()
      .filter((row) => (JSON.parse(row.payload).iat ?? 0) >= since)
      .map((row) => row.id));
}

/**
 * Ends tokens at a provider, as after a timeout there: the access tokens only (the widget can
 * renew with its refresh token), or with `refresh` the refresh tokens too (renewal fails).
 * `provider: 'post'` is the older Post customer login, else SwissID.
 * @param {import('better-sqlite3').Database} db
 * @param {{ refresh?: boolean, provider?: 'swissid'|'post' }} [options]
 */
export function endTokens(db, { refresh = false, provider = 'swissid' } = {}) {
  const table = provider === 'post' ? 'post_login_oidc_models' : 'oidc_models';
  db.prepare(`DELETE FROM ${table} WHERE model IN ('AccessToken'${refresh ? ", 'RefreshToken'" : ''})`).run();
}
