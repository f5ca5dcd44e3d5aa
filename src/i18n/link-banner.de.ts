import type { LinkBannerMessages } from './link-banner.en.js';

/** German strings of `<swissid-link-banner>`, translated from the Post FAQ. */
const de: LinkBannerMessages = {
  title: 'Kundenlogin mit SwissID verknüpfen',
  invitedText: 'Sie haben eine E-Mail mit der Einladung erhalten, Ihre Konten mit SwissID zu verknüpfen. So gehen Sie vor.',
  availableText: 'Sie können Ihr Kundenlogin jetzt mit SwissID verknüpfen, auch ohne Einladung.',
  whatTitle: 'Was die Verknüpfung bewirkt',
  whatAllAccounts: 'Sie können alle Ihre Konten, geschäftliche und private, mit einer SwissID verknüpfen.',
  whatDataUnchanged: 'Ihre Daten zum Kundenlogin Post bleiben unverändert.',
  whatEmailKept: 'Jedes Konto behält seine registrierte E-Mail-Adresse; Geschäftliches und Privates bleiben getrennt.',
  whatAfter: 'Danach melden Sie sich mit SwissID an: ein Login für die Post und viele weitere Unternehmen.',
  start: 'Mit SwissID verknüpfen',
  later: 'Später',
  step: 'Schritt {step} von 3',
  stepSwissid: 'Bei SwissID anmelden',
  stepSwissidText: 'Melden Sie sich im SwissID-Fenster mit Ihrer SwissID an oder erstellen Sie Ihre SwissID.',
  stepConfirm: 'Konten bestätigen',
  confirmText: 'Diese Konten werden mit der SwissID {email} verknüpft:',
  accountPrivate: 'Privatkonto',
  accountBusiness: 'Geschäftskonto',
  confirm: 'Diese Konten verknüpfen',
  cancel: 'Abbrechen',
  linking: 'Ihre Konten werden verknüpft…',
  stepDone: 'Fertig',
  doneText: 'Ihre Konten sind verknüpft. Melden Sie sich ab jetzt mit SwissID an ({email}).',
  doneAccounts: 'Diese Konten sind jetzt mit Ihrer SwissID {email} verknüpft:',
  errorCancelled: 'Die Anmeldung bei SwissID wurde abgebrochen; es wurde nichts verknüpft. Sie können jederzeit neu beginnen.',
  errorAlreadyLinked: 'Ihr Kundenlogin Post ist bereits mit einer SwissID verknüpft. Melden Sie sich ab jetzt mit SwissID an.',
  errorExpired: 'Ihre Sitzung ist abgelaufen; es wurde nichts verknüpft. Melden Sie sich erneut mit Ihrem Kundenlogin an und verknüpfen Sie dann.',
  errorUnreachable: 'Die Verknüpfung ist im Moment nicht möglich; es wurde nichts verknüpft. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errorProof: 'Ihre Anmeldung bei SwissID konnte nicht sicher bestätigt werden; es wurde nichts verknüpft. Bitte versuchen Sie es erneut.',
  retry: 'Erneut versuchen',
  contact: 'Fragen zur Verknüpfung mit SwissID? Bitte wenden Sie sich an das Contact Center.',
};

export default de;
