import type { ErrorCode } from '../core/errors.js';
import type { Account, Profile } from '../core/page-login.js';

/**
 * Events of `<post-login>`: bubbling, composed, prefixed with the tag name. They carry the profile and stable codes,
 * never a token (the host asks for one with `getAccessToken()`).
 */
const init: EventInit = { bubbles: true, composed: true };

/** The element is configured and knows whether someone is signed in. */
export class PostLoginReadyEvent extends Event {
  readonly profile: Profile | null;
  constructor(profile: Profile | null) {
    super('post-login-ready', init);
    this.profile = profile;
  }
}

/** A sign-in completed and passed every check (`via` says how; `other-tab` when another tab signed in). */
export class PostLoginSignInEvent extends Event {
  readonly profile: Profile;
  readonly via: 'redirect' | 'popup' | 'other-tab';
  constructor(profile: Profile, via: PostLoginSignInEvent['via']) {
    super('post-login-sign-in', init);
    this.profile = profile;
    this.via = via;
  }
}

/** The customer signed out here (`user`) or in another tab (`other-tab`). */
export class PostLoginSignOutEvent extends Event {
  readonly reason: 'user' | 'other-tab';
  constructor(reason: PostLoginSignOutEvent['reason']) {
    super('post-login-sign-out', init);
    this.reason = reason;
  }
}

/** The session could not be renewed; the customer has to sign in again. */
export class PostLoginSessionExpiredEvent extends Event {
  constructor() {
    super('post-login-session-expired', init);
  }
}

/**
 * Something failed; `code` is stable, `message` is what the customer was shown, `diagnostic` says more for developers
 * (which ID token check failed, which attribute is missing). Neither ever holds a token.
 */
export class PostLoginErrorEvent extends Event {
  readonly code: ErrorCode;
  readonly message: string;
  readonly diagnostic: string;
  constructor(code: ErrorCode, message: string, diagnostic: string = code) {
    super('post-login-error', init);
    this.code = code;
    this.message = message;
    this.diagnostic = diagnostic;
  }
}

/** The customer switched the account they act for (here, in the user menu, or in another tab). */
export class PostLoginAccountChangeEvent extends Event {
  readonly account: Account;
  constructor(account: Account) {
    super('post-login-account-change', init);
    this.account = account;
  }
}

/**
 * The customer asked, in the user menu, to link their older Post customer login to SwissID. A
 * `<swissid-link-banner>` on the page takes it (and cancels the event); otherwise the menu says where to do it.
 */
export class PostLoginLinkRequestEvent extends Event {
  constructor() {
    super('post-login-link-request', { ...init, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'post-login-account-change': PostLoginAccountChangeEvent;
    'post-login-link-request': PostLoginLinkRequestEvent;
    'post-login-ready': PostLoginReadyEvent;
    'post-login-sign-in': PostLoginSignInEvent;
    'post-login-sign-out': PostLoginSignOutEvent;
    'post-login-session-expired': PostLoginSessionExpiredEvent;
    'post-login-error': PostLoginErrorEvent;
  }
}
