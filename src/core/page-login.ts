/**
 * "The login on this page": what the link banner and the address picker use of the page's login element, and how
 * they find it. `<post-login>` implements it; the others depend on this interface and on its events only, so that no
 * component imports another.
 */

/** The two logins a customer may have: SwissID, or the older Post customer login. */
export type SignInMethod = 'swissid' | 'post';
/** `redirect` leaves the page for the provider; `popup` signs in in a separate window. */
export type SignInFlow = 'redirect' | 'popup';
export type LoginStatus = 'signed-out' | 'signing-in' | 'signed-in' | 'expired';

export type AccountType = 'private' | 'business';
export type AccountRole = 'customer' | 'superadmin' | 'user';

/**
 * One Post customer account the person may act for: private, or business (company and role), with the e-mail
 * registered for it and the older Post customer login it came from (null for a SwissID's own account).
 */
export interface Account {
  id: string;
  type: AccountType;
  company: string | null;
  role: AccountRole;
  email: string;
}

/** What the host and the UI may know about the customer. Never holds a token. */
export interface Profile {
  sub: string;
  /** The person, as the login they used knows them (a SwissID's name and e-mail, never an older login's). */
  name: string;
  email: string;
  /** The first account's type, role and company (null without the account API); `account` on the login is the acting one. */
  accountType: AccountType | null;
  role: AccountRole | null;
  company: string | null;
  /** The login the customer used. */
  login: SignInMethod;
  /** Every account the person may act for (empty without the account API). */
  accounts: Account[];
  /** Signed in with the older login: whether it is linked to a SwissID already. */
  linked: boolean;
}

/** The login settings as the login element carries them (attributes and properties). */
export interface LoginSettings {
  authority: string;
  clientId: string;
  legacyAuthority: string;
  legacyClientId: string;
  redirectUri: string;
  popupRedirectUri: string;
  postLogoutRedirectUri: string;
  /** Base URL of the Post account API; empty when the page has none. */
  api: string;
  /** The OpenID Connect scopes to request. */
  scope: string;
  /** The account API's scopes to request for it (as the API's resource, RFC 8707) when `api` is set. */
  apiScope: string;
}

export interface PageLogin extends LoginSettings, HTMLElement {
  readonly status: LoginStatus;
  /** The signed-in customer, or null. */
  readonly profile: Profile | null;
  /** The account the customer acts for (chosen in the user menu; the first one until then), or null. */
  readonly account: Account | null;
  readonly flow: SignInFlow;
  /**
   * The headers that authorize one request to the account API (`Authorization: DPoP …` and its `DPoP` proof for this
   * method and address); `renew` after the API refused the last one (401).
   */
  getAuthorization(method: string, url: string, options?: { renew?: boolean }): Promise<Record<string, string>>;
  signIn(method?: SignInMethod): Promise<void>;
}

/** The tag name of the element that provides the login. */
export const LOGIN_ELEMENT = 'post-login';

/** The login element's events after which the elements that use it look at it again. */
export const LOGIN_EVENTS = {
  ready: 'post-login-ready',
  signIn: 'post-login-sign-in',
  signOut: 'post-login-sign-out',
  expired: 'post-login-session-expired',
  accountChange: 'post-login-account-change',
} as const;
export type LoginEventName = (typeof LOGIN_EVENTS)[keyof typeof LOGIN_EVENTS];

/** The login named by `id` in the element's tree (document or shadow root), else the first one there. */
export function findPageLogin(element: Element, id: string): PageLogin | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  const found = id ? root.getElementById?.(id) : root.querySelector?.(LOGIN_ELEMENT);
  return found?.localName === LOGIN_ELEMENT ? (found as PageLogin) : null;
}

/** The signed-in customer of a login, or null (also while a renewal has expired the session). */
export function signedInProfile(login: PageLogin | null): Profile | null {
  return login?.status === 'signed-in' ? login.profile : null;
}
