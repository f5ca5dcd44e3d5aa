import type { LazyMessages } from './en.js';

/** German strings, translated from the Post FAQ (source text, French). */
const de: LazyMessages = {
  signingIn: 'Sie werden angemeldet…',
  popupPending: 'Schliessen Sie die Anmeldung im SwissID-Fenster ab.',
  popupCallbackDone: 'Anmeldung abgeschlossen. Sie können dieses Fenster schliessen.',

  userMenuOf: 'Benutzermenü von',
  signedInWith: 'Angemeldet mit SwissID',
  signedInWithLegacy: 'Angemeldet mit dem Kundenlogin Post',
  accountPrivate: 'Privatkonto',
  accountBusiness: 'Geschäftskonto',
  roleSuperadmin: 'Superadministrator/in',
  roleUser: 'Benutzer/in',
  signOut: 'Abmelden',
  signingOut: 'Sie werden abgemeldet…',

  sessionExpired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  signedOutElsewhere: 'Sie wurden abgemeldet.',
  signedOutHereOnly: 'Sie wurden auf diesem Gerät abgemeldet, beim Login-Dienst aber nicht. Nutzen andere diesen Computer, schliessen Sie den Browser.',
  retry: 'Erneut versuchen',
  dismiss: 'Schliessen',
  errorAccount: 'Ihre Kontodaten konnten nicht geladen werden. Versuchen Sie es erneut.',

  popupPendingLegacy: 'Schliessen Sie die Anmeldung im Fenster des Kundenlogins Post ab.',
  accountsTitle: 'Handeln für',
  accountSwitched: 'Sie handeln jetzt für {account}.',
  linkToSwissid: 'Mit SwissID verknüpfen',
  linkElsewhere:
    'Um dieses Login mit SwissID zu verknüpfen, öffnen Sie im Kundencenter «Mein Profil» → «Mit SwissID verknüpfen».',
};

export default de;
