import { apiUrl, fetchJson, HttpError, isId, type Authorize } from './http.js';
import type { Account, Profile } from './page-login.js';

/** The Post account API's answer to `GET /me` (see demo/openapi.yaml): the person and every account they may act for. */
const ACCOUNT_TYPES: readonly string[] = ['private', 'business'];
const ROLES: readonly string[] = ['customer', 'superadmin', 'user'];

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown) => value == null || isText(value);

/** One account as the API lists it; anything else makes the whole answer malformed, never half-read. */
function toAccount(value: unknown): Account {
  const account = (value ?? {}) as Account;
  const valid =
    isId(account.id) &&
    ACCOUNT_TYPES.includes(account.type) &&
    ROLES.includes(account.role) &&
    isText(account.email) &&
    isTextOrNull(account.company);
  if (!valid) throw new HttpError('malformed');
  // Only what the widgets show and use: the events that carry accounts reach every script of the page.
  const { id, type, role, company, email } = account;
  return { id, type, role, company: company ?? null, email };
}

/** The person from the account API (name, e-mail, whether linked) and their accounts, on top of the ID token's profile. */
export async function loadAccount(api: string, authorize: Authorize, profile: Profile): Promise<Profile> {
  const me = (await fetchJson<unknown>(apiUrl(api, 'me'), { authorize })) as Record<string, unknown> | null;
  if (!me || me.sub !== profile.sub || !isText(me.name) || !isText(me.email) || !Array.isArray(me.accounts)) {
    throw new HttpError('malformed');
  }
  const accounts = me.accounts.map(toAccount);
  const first = accounts[0];
  return {
    ...profile,
    name: me.name,
    email: me.email,
    accounts,
    linked: me.linked !== false,
    accountType: first?.type ?? null,
    role: first?.role ?? null,
    company: first?.company ?? null,
  };
}
