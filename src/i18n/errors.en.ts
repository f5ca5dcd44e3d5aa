/**
 * English error messages of `<post-login>` (a failed sign-in, said as the login that failed: SwissID, or the older Post
 * customer login). This file defines the key set; each language is a chunk of its own, loaded when an error is shown.
 */
const en = {
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
  errorConfig: 'The login on this page is not set up correctly. Please tell the site operator.',
  errorContactHint: 'If the problem persists, contact SwissSign customer service.',
  errorPopupBlockedLegacy:
    'Your browser blocked the Post customer login window. Allow pop-ups for this site and try again.',
  errorPopupClosedLegacy:
    'The Post customer login window was closed before you were signed in. Try again when you are ready.',
  errorPopupTimeoutLegacy: 'Signing in in the Post customer login window took too long. Please try again.',
  errorResponseInvalidLegacy:
    'The answer of the Post customer login could not be checked, so you were not signed in. Please log in again.',
  errorProviderLegacy: 'The Post customer login could not complete your sign-in. Please try again later.',
  errorUnreachableLegacy:
    'The Post customer login cannot be reached at the moment. Check your connection and try again.',
  errorContactHintLegacy: 'If the problem persists, please contact the Post Contact Center.',
};

export type ErrorMessages = { [K in keyof typeof en]: string };
export default en satisfies ErrorMessages;
