import type { ErrorMessages } from './errors.en.js';

/** German error messages of `<post-login>`. */
const de: ErrorMessages = {
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
  errorConfig: 'Das Login auf dieser Seite ist nicht richtig eingerichtet. Bitte informieren Sie den Betreiber der Website.',
  errorContactHint: 'Wenn das Problem bestehen bleibt, wenden Sie sich an den Kundendienst von SwissSign.',
  errorPopupBlockedLegacy:
    'Ihr Browser hat das Fenster des Kundenlogins Post blockiert. Erlauben Sie Pop-ups für diese Website und versuchen Sie es erneut.',
  errorPopupClosedLegacy:
    'Das Fenster des Kundenlogins Post wurde geschlossen, bevor die Anmeldung abgeschlossen war. Versuchen Sie es erneut, wenn Sie bereit sind.',
  errorPopupTimeoutLegacy:
    'Die Anmeldung im Fenster des Kundenlogins Post hat zu lange gedauert. Bitte versuchen Sie es erneut.',
  errorResponseInvalidLegacy:
    'Die Antwort des Kundenlogins Post konnte nicht überprüft werden, deshalb wurden Sie nicht angemeldet. Bitte melden Sie sich erneut an.',
  errorProviderLegacy:
    'Das Kundenlogin Post konnte die Anmeldung nicht abschliessen. Bitte versuchen Sie es später erneut.',
  errorUnreachableLegacy:
    'Das Kundenlogin Post ist im Moment nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  errorContactHintLegacy: 'Wenn das Problem bestehen bleibt, wenden Sie sich an das Contact Center der Post.',
};

export default de;
