/** English strings of `<swissid-link-banner>`; this file defines the key set of its dictionaries. */
const en = {
  title: 'Link your customer login to SwissID',
  invitedText: 'You have received an e-mail inviting you to link your accounts to SwissID. Here are the steps.',
  availableText: 'You can link your customer login to SwissID now: no invitation needed.',
  whatTitle: 'What linking does',
  whatAllAccounts: 'All your accounts, business and private, can be linked to one SwissID.',
  whatDataUnchanged: 'Your Post customer login data stay unchanged.',
  whatEmailKept: 'Each account keeps its registered e-mail address, so business and private stay separate.',
  whatAfter: 'From then on you log in with SwissID: one login for the Post and many other companies.',
  start: 'Link to SwissID',
  later: 'Later',
  step: 'Step {step} of 3',
  stepSwissid: 'Sign in to SwissID',
  stepSwissidText: 'Sign in with your SwissID, or create your SwissID, in the SwissID window.',
  stepConfirm: 'Confirm the accounts',
  confirmText: 'These accounts will be linked to the SwissID {email}:',
  accountPrivate: 'Private account',
  accountBusiness: 'Business account',
  confirm: 'Link these accounts',
  cancel: 'Cancel',
  linking: 'Linking your accounts…',
  stepDone: 'Done',
  doneText: 'Your accounts are linked. From now on, log in with SwissID ({email}).',
  doneAccounts: 'These accounts are now under your SwissID {email}:',
  errorCancelled: 'The SwissID sign-in was cancelled, so nothing was linked. You can start again at any time.',
  errorAlreadyLinked:
    'Your Post customer login is already linked to another SwissID, so nothing was linked. Log in with that SwissID, or contact the Contact Center.',
  errorExpired: 'Your session has expired, so nothing was linked. Log in again with your customer login, then link.',
  errorUnreachable: 'Linking is not possible at the moment; nothing was linked. Check your connection and try again.',
  errorProof: 'Your SwissID sign-in could not be confirmed securely, so nothing was linked. Please try again.',
  retry: 'Try again',
  contact: 'Questions about linking to SwissID? Please contact the Contact Center.',
};

export type LinkBannerMessages = { [K in keyof typeof en]: string };
export default en satisfies LinkBannerMessages;
