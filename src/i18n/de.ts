import type { LazyMessages } from './en.js';

/** German strings, translated from the Post FAQ (source text, French). */
const de: LazyMessages = {
  signingIn: 'Sie werden angemeldet…',
  popupPending: 'Schliessen Sie die Anmeldung im SwissID-Fenster ab.',
  popupCallbackDone: 'Anmeldung abgeschlossen. Sie können dieses Fenster schliessen.',

  whySwissidTitle: 'Warum SwissID?',
  whySwissidText:
    'Mit einem einzigen Login bietet Ihnen SwissID einfachen, bequemen und sicheren Zugang zu den Online-Diensten (Websites und Apps) vieler Unternehmen, darunter jene der Post. Vergessene Passwörter gehören damit der Vergangenheit an.',
  passwordText:
    'Die meisten haben heute mehrere Logins mit verschiedenen Passwörtern und wählen deshalb eher einfache Passwörter, die leichter zu erraten sind. Entscheidend ist ein genügend langes Passwort: Wenn Sie nur ein Passwort verwenden, können Sie ein komplexes wählen und so die Sicherheit Ihres Logins erhöhen.',
  swissidProblemsTitle: 'Probleme beim Login mit SwissID?',
  swissidProblemsText: 'Bei Problemen beim Login mit SwissID wenden Sie sich bitte an den Kundendienst von SwissSign.',
  suisseidTitle: 'SuisseID (USB-Stick/Chipkarte)',
  suisseidText:
    'SwissID ersetzt die SuisseID mit USB-Stick/Chipkarte nicht. Seit Oktober 2017 können Sie sich mit der SuisseID nicht mehr in Ihr Benutzerkonto der Post einloggen.',
  suisseidUses:
    'Die SuisseID erfüllt weiterhin drei Funktionen: rechtsgültige elektronische Signatur, sicheres Login mit Zwei-Faktor-Authentifizierung bei anderen Online-Diensten und Bestätigung der digitalen Identität für den Zugang zu verifizierten Personendaten.',
  suisseidContact: 'Fragen zur Verwendung der SuisseID: Kundendienst der SwissSign Group AG',
  swisssignPhone: '0848 99 88 00',
  businessTitle: 'Firmenkonto mit mehreren Benutzern',
  businessText:
    'Wenn auf Ihrem Firmenkonto mehrere Benutzer erfasst sind, wenden Sie sich für die Verwaltung der Benutzerkonten an eine Superadministratorin oder einen Superadministrator Ihrer Firma.',
  otherQuestionsTitle: 'Weitere Fragen',
  otherQuestionsText: 'Bitte wenden Sie sich an das Contact Center.',

  userMenuOf: 'Benutzermenü von',
  signedInWith: 'Angemeldet mit SwissID',
  signedInWithLegacy: 'Angemeldet mit dem Kundenlogin Post',
  accountPrivate: 'Privatkunde',
  accountBusiness: 'Geschäftskunde',
  roleSuperadmin: 'Superadministrator/in',
  roleUser: 'Benutzer/in',
  signOut: 'Abmelden',
  signingOut: 'Sie werden abgemeldet…',

  sessionExpired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  signedOutElsewhere: 'Sie wurden abgemeldet.',
  signedOutHereOnly: 'Sie wurden auf diesem Gerät abgemeldet, beim Login-Dienst aber nicht. Nutzen andere diesen Computer, schliessen Sie den Browser.',
  retry: 'Erneut versuchen',
  dismiss: 'Schliessen',
  errorPopupBlocked:
    'Ihr Browser hat das SwissID-Fenster blockiert. Erlauben Sie Pop-ups für diese Website und versuchen Sie es erneut.',
  errorPopupClosed:
    'Das SwissID-Fenster wurde geschlossen, bevor die Anmeldung abgeschlossen war. Versuchen Sie es erneut, wenn Sie bereit sind.',
  errorPopupTimeout: 'Die Anmeldung im SwissID-Fenster hat zu lange gedauert. Bitte versuchen Sie es erneut.',
  errorCancelled: 'Die Anmeldung wurde abgebrochen. Sie können es jederzeit erneut versuchen.',
  errorResponseInvalid:
    'Die Antwort von SwissID konnte nicht überprüft werden, deshalb wurden Sie nicht angemeldet. Bitte melden Sie sich erneut an.',
  errorTokenInvalid:
    'Ihre Anmeldung konnte nicht sicher bestätigt werden, deshalb wurden Sie nicht angemeldet. Bitte melden Sie sich erneut an.',
  errorProvider: 'SwissID konnte die Anmeldung nicht abschliessen. Bitte versuchen Sie es später erneut.',
  errorUnreachable:
    'SwissID ist im Moment nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  errorAccount: 'Ihre Kontodaten konnten nicht geladen werden. Versuchen Sie es erneut.',
  errorConfig: 'Das Login auf dieser Seite ist nicht richtig eingerichtet. Bitte informieren Sie den Betreiber der Website.',
  errorContactHint: 'Wenn das Problem bestehen bleibt, wenden Sie sich an den Kundendienst von SwissSign.',
};

export default de;
