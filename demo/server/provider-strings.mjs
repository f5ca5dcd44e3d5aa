// Texts of the providers' own pages (sign-in, sign-out, errors) in de/fr/it/en: the SwissID stand-in
// (STRINGS) and the older Post customer login (POST_LOGIN_STRINGS), same keys.

export const LANGUAGES = /** @type {const} */ (['de', 'fr', 'it', 'en']);

/** @typedef {typeof LANGUAGES[number]} Language */

export const STRINGS = {
  de: {
    brand: 'SwissID',
    loginTitle: 'Anmelden',
    loginIntro: 'Melden Sie sich mit Ihrer SwissID an.',
    loginIntroClient: 'Melden Sie sich mit Ihrer SwissID an, um zu {client} weiterzugehen.',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    cancel: 'Abbrechen',
    wrongCredentials: 'Die E-Mail-Adresse oder das Passwort ist nicht korrekt. Bitte prüfen Sie Ihre Eingabe.',
    logoutTitle: 'Abmelden',
    logoutText: 'Sie werden von SwissID abgemeldet.',
    logoutButton: 'Abmelden',
    loggedOutTitle: 'Sie sind abgemeldet',
    loggedOutText: 'Sie haben sich von SwissID abgemeldet. Sie können dieses Fenster schliessen.',
    errorTitle: 'Die Anmeldung ist nicht möglich',
    errorText: 'Bitte kehren Sie zur Website zurück und versuchen Sie es erneut.',
    errorCode: 'Fehlercode',
  },
  fr: {
    brand: 'SwissID',
    loginTitle: 'Se connecter',
    loginIntro: 'Connectez-vous avec votre SwissID.',
    loginIntroClient: 'Connectez-vous avec votre SwissID pour continuer vers {client}.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    cancel: 'Annuler',
    wrongCredentials: 'L’adresse e-mail ou le mot de passe n’est pas correct. Veuillez vérifier votre saisie.',
    logoutTitle: 'Se déconnecter',
    logoutText: 'Vous êtes en train d’être déconnecté de SwissID.',
    logoutButton: 'Se déconnecter',
    loggedOutTitle: 'Vous êtes déconnecté',
    loggedOutText: 'Vous vous êtes déconnecté de SwissID. Vous pouvez fermer cette fenêtre.',
    errorTitle: 'La connexion n’est pas possible',
    errorText: 'Veuillez retourner sur le site et réessayer.',
    errorCode: 'Code d’erreur',
  },
  it: {
    brand: 'SwissID',
    loginTitle: 'Accedi',
    loginIntro: 'Acceda con il suo SwissID.',
    loginIntroClient: 'Acceda con il suo SwissID per proseguire su {client}.',
    email: 'Indirizzo e-mail',
    password: 'Password',
    submit: 'Accedi',
    cancel: 'Annulla',
    wrongCredentials: 'L’indirizzo e-mail o la password non sono corretti. Verifichi i dati inseriti.',
    logoutTitle: 'Esci',
    logoutText: 'È in corso la disconnessione da SwissID.',
    logoutButton: 'Esci',
    loggedOutTitle: 'Disconnessione avvenuta',
    loggedOutText: 'Si è disconnesso da SwissID. Può chiudere questa finestra.',
    errorTitle: 'Non è possibile accedere',
    errorText: 'Torni al sito e riprovi.',
    errorCode: 'Codice di errore',
  },
  en: {
    brand: 'SwissID',
    loginTitle: 'Sign in',
    loginIntro: 'Sign in with your SwissID.',
    loginIntroClient: 'Sign in with your SwissID to continue to {client}.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    cancel: 'Cancel',
    wrongCredentials: 'The e-mail address or password is not correct. Please check what you entered.',
    logoutTitle: 'Sign out',
    logoutText: 'You are being signed out of SwissID.',
    logoutButton: 'Sign out',
    loggedOutTitle: 'You are signed out',
    loggedOutText: 'You have signed out of SwissID. You can close this window.',
    errorTitle: 'Sign-in is not possible',
    errorText: 'Please go back to the website and try again.',
    errorCode: 'Error code',
  },
};

/**
 * The older Post customer login. `loginNote` (only here) tells the customer what this login is for.
 * @type {Record<Language, typeof STRINGS.de & { loginNote: string }>}
 */
export const POST_LOGIN_STRINGS = {
  de: {
    ...STRINGS.de,
    brand: 'Kundenlogin Post',
    loginIntro: 'Melden Sie sich wie gewohnt mit Ihrem Kundenlogin Post an.',
    loginIntroClient: 'Melden Sie sich wie gewohnt mit Ihrem Kundenlogin Post an, um zu {client} weiterzugehen.',
    loginNote: 'Dieses Login gilt für Kundenkonten, die noch nicht mit SwissID verknüpft sind. Nach der Anmeldung erfahren Sie, wie Sie Ihre Konten mit SwissID verknüpfen.',
    logoutText: 'Sie werden vom Kundenlogin Post abgemeldet.',
    loggedOutText: 'Sie haben sich vom Kundenlogin Post abgemeldet. Sie können dieses Fenster schliessen.',
  },
  fr: {
    ...STRINGS.fr,
    brand: 'Login client Poste',
    loginIntro: 'Connectez-vous comme à l’accoutumée avec votre Login client Poste.',
    loginIntroClient: 'Connectez-vous comme à l’accoutumée avec votre Login client Poste pour continuer vers {client}.',
    loginNote: 'Ce login est destiné aux comptes clients qui ne sont pas encore rattachés à SwissID. Après la connexion, vous recevrez la marche à suivre pour rattacher vos comptes à SwissID.',
    logoutText: 'Vous êtes en train d’être déconnecté du Login client Poste.',
    loggedOutText: 'Vous vous êtes déconnecté du Login client Poste. Vous pouvez fermer cette fenêtre.',
  },
  it: {
    ...STRINGS.it,
    brand: 'Login clienti Posta',
    loginIntro: 'Acceda come di consueto con il suo Login clienti Posta.',
    loginIntroClient: 'Acceda come di consueto con il suo Login clienti Posta per proseguire su {client}.',
    loginNote: 'Questo login è destinato ai conti clienti non ancora collegati a SwissID. Dopo l’accesso riceverà le istruzioni per collegare i suoi conti a SwissID.',
    logoutText: 'È in corso la disconnessione dal Login clienti Posta.',
    loggedOutText: 'Si è disconnesso dal Login clienti Posta. Può chiudere questa finestra.',
  },
  en: {
    ...STRINGS.en,
    brand: 'Post customer login',
    loginIntro: 'Sign in as usual with your Post customer login.',
    loginIntroClient: 'Sign in as usual with your Post customer login to continue to {client}.',
    loginNote: 'This login is for customer accounts not yet linked to SwissID. After signing in, you will be shown how to link your accounts to SwissID.',
    logoutText: 'You are being signed out of the Post customer login.',
    loggedOutText: 'You have signed out of the Post customer login. You can close this window.',
  },
};

/**
 * First supported language in a space- or comma-separated list of language tags
 * (`ui_locales`, then Accept-Language); German when none matches.
 * @param {...(string|undefined|null)} lists
 * @returns {Language}
 */
export function pickLanguage(...lists) {
  for (const list of lists) {
    for (const tag of String(list ?? '').split(/[\s,]+/)) {
      const primary = /** @type {Language} */ (tag.split(/[-_;]/)[0].toLowerCase());
      if (LANGUAGES.includes(primary)) return primary;
    }
  }
  return 'de';
}
