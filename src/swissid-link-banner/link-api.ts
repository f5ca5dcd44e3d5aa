import { apiUrl, fetchJson, HttpError, type Authorize } from '../core/http.js';

/**
 * The Post account API's linking endpoints (see demo/openapi.yaml): the link status of the signed-in older Post
 * customer login, a one-time challenge for the SwissID proof, and linking it to a SwissID. The older login proves
 * itself by its access token, the SwissID by a fresh ID token whose nonce is the challenge; the token goes only to the
 * API, in the request body.
 */
export interface LinkedAccount {
  id: string;
  type: 'private' | 'business';
  email: string;
  company: string | null;
  role: string | null;
}

export interface LinkStatus {
  linked: boolean;
  invited: boolean;
  /** The accounts of this older login. */
  accounts: LinkedAccount[];
  /** Linked: every account now under that SwissID (of all the logins linked to it); else none. */
  swissidAccounts: LinkedAccount[];
}

function toLinkedAccount(account: Partial<LinkedAccount>): LinkedAccount {
  if (typeof account?.id !== 'string' || typeof account.email !== 'string') throw new HttpError('malformed');
  return {
    id: account.id,
    type: account.type === 'business' ? 'business' : 'private',
    email: account.email,
    company: typeof account.company === 'string' ? account.company : null,
    role: typeof account.role === 'string' ? account.role : null,
  };
}

function toLinkStatus(value: unknown): LinkStatus {
  const status = value as Partial<LinkStatus> | null;
  const accounts = Array.isArray(status?.accounts) ? status.accounts : null;
  if (typeof status?.linked !== 'boolean' || typeof status.invited !== 'boolean' || !accounts) {
    throw new HttpError('malformed');
  }
  return {
    linked: status.linked,
    invited: status.invited,
    accounts: accounts.map(toLinkedAccount),
    // An API that does not list them yet: none (the banner then shows this login's accounts).
    swissidAccounts: Array.isArray(status.swissidAccounts) ? status.swissidAccounts.map(toLinkedAccount) : [],
  };
}

export async function loadLinkStatus(api: string, authorize: Authorize, signal?: AbortSignal): Promise<LinkStatus> {
  return toLinkStatus(await fetchJson<unknown>(apiUrl(api, 'link-status'), { authorize, signal }));
}

/**
 * A one-time challenge for linking, issued to the signed-in older login: the SwissID sign-in that proves the SwissID
 * carries it as its nonce, so that the proof counts for this linking only, once, and only when just made.
 */
export async function requestLinkChallenge(api: string, authorize: Authorize): Promise<string> {
  const answer = await fetchJson<{ nonce?: unknown }>(apiUrl(api, 'link/challenge'), { method: 'POST', authorize });
  if (typeof answer?.nonce !== 'string' || !answer.nonce) throw new HttpError('malformed');
  return answer.nonce;
}

/** Links the older login to the SwissID; a 409 means that SwissID (or this login) is linked already. */
export async function linkToSwissId(api: string, authorize: Authorize, idToken: string): Promise<LinkStatus> {
  return toLinkStatus(
    await fetchJson<unknown>(apiUrl(api, 'link'), { method: 'POST', authorize, body: { idToken } }),
  );
}
