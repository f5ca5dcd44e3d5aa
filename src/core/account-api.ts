import { apiUrl, fetchJson, HttpError, type Authorize } from './http.js';
import type { AccountRole, AccountType, Profile } from './page-login.js';

/** The Post account API's answer to `GET /me` (see demo/openapi.yaml). */
interface MeResponse {
  sub: string;
  name: string;
  email: string;
  accountType: AccountType;
  role: AccountRole;
  company: string | null;
}

const ACCOUNT_TYPES: readonly string[] = ['private', 'business'];
const ROLES: readonly string[] = ['customer', 'superadmin', 'user'];

function isMeResponse(value: unknown): value is MeResponse {
  const me = value as MeResponse;
  return (
    typeof me === 'object' &&
    me !== null &&
    typeof me.sub === 'string' &&
    typeof me.name === 'string' &&
    typeof me.email === 'string' &&
    ACCOUNT_TYPES.includes(me.accountType) &&
    ROLES.includes(me.role) &&
    (me.company === null || typeof me.company === 'string')
  );
}

/** Adds the account data (private/business, role, company) to the profile from the ID token. */
export async function loadAccount(api: string, authorize: Authorize, profile: Profile): Promise<Profile> {
  const me = await fetchJson<unknown>(apiUrl(api, 'me'), { authorize });
  if (!isMeResponse(me) || me.sub !== profile.sub) throw new HttpError('malformed');
  return { ...profile, name: me.name, email: me.email, accountType: me.accountType, role: me.role, company: me.company };
}
