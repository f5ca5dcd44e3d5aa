/**
 * Events of `<swissid-link-banner>`: bubbling, composed, prefixed with the tag name; never a token.
 */
const init: EventInit = { bubbles: true, composed: true };

export type LinkErrorCode = 'cancelled' | 'already_linked' | 'session_expired' | 'unreachable' | 'proof_invalid';

/** The banner appeared for a signed-in customer whose login is not linked yet. */
export class SwissIdLinkBannerShownEvent extends Event {
  readonly invited: boolean;
  constructor(invited: boolean) {
    super('swissid-link-banner-shown', init);
    this.invited = invited;
  }
}

/** The customer started linking (the SwissID sign-in opens). */
export class SwissIdLinkBannerStartedEvent extends Event {
  constructor() {
    super('swissid-link-banner-started', init);
  }
}

/** The login is linked; `accounts` says how many accounts are now reachable with the SwissID. */
export class SwissIdLinkBannerLinkedEvent extends Event {
  readonly accounts: number;
  constructor(accounts: number) {
    super('swissid-link-banner-linked', init);
    this.accounts = accounts;
  }
}

/** The customer chose "Later"; the banner stays hidden for this account until `until`. */
export class SwissIdLinkBannerDismissedEvent extends Event {
  readonly until: Date;
  constructor(until: Date) {
    super('swissid-link-banner-dismissed', init);
    this.until = until;
  }
}

/**
 * Linking failed; nothing was linked. `code` is stable; `diagnostic` says more for developers (which check or which
 * answer of the API failed), never a token.
 */
export class SwissIdLinkBannerErrorEvent extends Event {
  readonly code: LinkErrorCode;
  readonly diagnostic: string;
  constructor(code: LinkErrorCode, diagnostic: string = code) {
    super('swissid-link-banner-error', init);
    this.code = code;
    this.diagnostic = diagnostic;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'swissid-link-banner-shown': SwissIdLinkBannerShownEvent;
    'swissid-link-banner-started': SwissIdLinkBannerStartedEvent;
    'swissid-link-banner-linked': SwissIdLinkBannerLinkedEvent;
    'swissid-link-banner-dismissed': SwissIdLinkBannerDismissedEvent;
    'swissid-link-banner-error': SwissIdLinkBannerErrorEvent;
  }
}
