import type { FirstPaintMessages } from './first-paint.js';

/**
 * English strings of `<post-login>`'s language chunk (the mask's own words are in first-paint.ts). This file defines
 * the key set: every other language has exactly these keys. Placeholders in braces ({name}) are filled at render
 * time; everything is rendered as text.
 */
const en = {
  signingIn: 'Signing you in…',
  popupPending: 'Complete your sign-in in the SwissID window.',
  popupCallbackDone: 'Sign-in complete. You can close this window.',

  whySwissidTitle: 'Why SwissID?',
  whySwissidText:
    'With a single login, SwissID gives you simple, convenient and secure access to the online services (websites and apps) of many companies, including the Post. Forgotten passwords are a thing of the past.',
  passwordText:
    'Most people have several logins with different passwords and therefore choose rather simple passwords, which are easier to guess. What matters is a long enough password: if you use only one password, you can choose a complex one and make your login more secure.',
  swissidProblemsTitle: 'Problems signing in with SwissID?',
  swissidProblemsText: 'If you have problems signing in with SwissID, please contact SwissSign customer service.',
  suisseidTitle: 'SuisseID (USB key / smart card)',
  suisseidText:
    'SwissID does not replace SuisseID with USB key or smart card. Since October 2017 you can no longer log in to your Post user account with SuisseID.',
  suisseidUses:
    'SuisseID still serves three purposes: legally valid electronic signatures, secure two-factor login to other online services, and confirmation of your digital identity for access to verified personal data.',
  suisseidContact: 'Questions about using SuisseID: SwissSign Group AG customer service',
  swisssignPhone: '0848 99 88 00',
  businessTitle: 'Business account with several users',
  businessText:
    'If several users are registered on your company account, contact one of your company’s superadministrators to manage the user accounts.',
  otherQuestionsTitle: 'Other questions',
  otherQuestionsText: 'Please contact the Contact Center.',

  userMenuOf: 'User menu of',
  signedInWith: 'Signed in with SwissID',
  signedInWithLegacy: 'Signed in with the Post customer login',
  accountPrivate: 'Private customer',
  accountBusiness: 'Business customer',
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
  errorPopupBlocked:
    'Your browser blocked the SwissID window. Allow pop-ups for this site, then try again.',
  errorPopupClosed: 'The SwissID window was closed before the sign-in was finished. Try again when you are ready.',
  errorPopupTimeout: 'The sign-in in the SwissID window took too long. Please try again.',
  errorCancelled: 'The sign-in was cancelled. You can try again at any time.',
  errorResponseInvalid:
    'The answer from SwissID could not be verified, so you were not signed in. Please sign in again.',
  errorTokenInvalid:
    'Your sign-in could not be confirmed securely, so you were not signed in. Please sign in again.',
  errorProvider: 'SwissID could not complete the sign-in. Please try again later.',
  errorUnreachable: 'SwissID cannot be reached at the moment. Check your internet connection and try again.',
  errorAccount: 'Your account details could not be loaded. Try again.',
  errorConfig: 'The login on this page is not set up correctly. Please tell the site operator.',
  errorContactHint: 'If the problem persists, contact SwissSign customer service.',
};

/** The strings a language chunk holds. */
export type LazyMessages = { [K in keyof typeof en]: string };

/** Every string of `<post-login>`: the mask's first-paint words and the language chunk's. */
export type Messages = FirstPaintMessages & LazyMessages;

export default en satisfies LazyMessages;
