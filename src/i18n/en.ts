import type { FirstPaintMessages } from './first-paint.js';
import type { ErrorMessages } from './errors.en.js';
import type { HelpMessages } from './help.en.js';

/**
 * English strings of `<post-login>`'s language chunk (the mask's own words are in first-paint.ts). This file defines
 * the key set: every other language has exactly these keys. Placeholders in braces ({name}) are filled at render
 * time; everything is rendered as text.
 */
const en = {
  signingIn: 'Signing you in…',
  popupPending: 'Complete your sign-in in the SwissID window.',
  popupCallbackDone: 'Sign-in complete. You can close this window.',

  userMenuOf: 'User menu of',
  signedInWith: 'Signed in with SwissID',
  signedInWithLegacy: 'Signed in with the Post customer login',
  accountPrivate: 'Private account',
  accountBusiness: 'Business account',
  roleSuperadmin: 'Superadministrator',
  roleUser: 'User',
  signOut: 'Log out',
  signingOut: 'Logging you out…',

  sessionExpired: 'Your session has expired. Please sign in again.',
  signedOutElsewhere: 'You have been logged out.',
  /** The provider could not be reached to end its session: only this device signed out. */
  signedOutHereOnly: 'You have been logged out on this device, but not at the login service. If others use this computer, close the browser.',
  retry: 'Try again',
  dismiss: 'Dismiss',
  errorAccount: 'Your account details could not be loaded. Try again.',

  popupPendingLegacy: 'Complete your sign-in in the Post customer login window.',
  accountsTitle: 'Act for',
  accountSwitched: 'You are now acting for {account}.',
  linkToSwissid: 'Link to SwissID',
  linkElsewhere:
    'To link this login to SwissID, go to “My profile” → “Link to SwissID” in your customer centre.',
};

/** The strings a language chunk holds. */
export type LazyMessages = { [K in keyof typeof en]: string };

/** The strings of the mask and the signed-in view: the first-paint words and the language chunk's. */
export type MaskMessages = FirstPaintMessages & LazyMessages;

/** Every string of `<post-login>`: the mask's, the signed-in view's, the errors' and the help's; all overridable. */
export type Messages = MaskMessages & ErrorMessages & HelpMessages;

export default en satisfies LazyMessages;
