// Texts of the providers' own pages (sign-in, consent, sign-out, errors) in de/fr/it/en: the SwissID stand-in
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
    consentTitle: 'Zugriff erlauben',
    consentIntro: '{client} möchte mit Ihrer SwissID Folgendes lesen:',
    consentProfileEmail: 'Ihren Namen und Ihre E-Mail-Adresse',
    consentProfile: 'Ihren Namen',
    consentEmail: 'Ihre E-Mail-Adresse',
    consentIdentity: 'dass Sie angemeldet sind (eine Kennung ohne persönliche Angaben)',
    consentAccount: 'Ihr Kundenkonto (privat oder geschäftlich, Firma)',
    consentAddresses: 'Ihre Adressen (Rechnungsadresse und Adressen für Online-Dienste)',
    consentNote: '{client} kann diese Angaben nur lesen, nicht ändern. Erlauben Sie den Zugriff nur Websites, denen Sie vertrauen.',
    allow: 'Erlauben',
    deny: 'Ablehnen',
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
    consentTitle: 'Autoriser l’accès',
    consentIntro: '{client} souhaite lire les informations suivantes grâce à votre SwissID :',
    consentProfileEmail: 'votre nom et votre adresse e-mail',
    consentProfile: 'votre nom',
    consentEmail: 'votre adresse e-mail',
    consentIdentity: 'que vous êtes connecté (un identifiant sans données personnelles)',
    consentAccount: 'votre compte client (privé ou professionnel, entreprise)',
    consentAddresses: 'vos adresses (facturation et services en ligne)',
    consentNote: '{client} peut seulement lire ces informations, pas les modifier. N’autorisez l’accès qu’aux sites auxquels vous faites confiance.',
    allow: 'Autoriser',
    deny: 'Refuser',
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
    consentTitle: 'Consentire l’accesso',
    consentIntro: '{client} desidera leggere tramite il suo SwissID:',
    consentProfileEmail: 'il suo nome e il suo indirizzo e-mail',
    consentProfile: 'il suo nome',
    consentEmail: 'il suo indirizzo e-mail',
    consentIdentity: 'che ha effettuato l’accesso (un identificativo senza dati personali)',
    consentAccount: 'il suo conto cliente (privato o commerciale, azienda)',
    consentAddresses: 'i suoi indirizzi (fatturazione e servizi online)',
    consentNote: '{client} può soltanto leggere questi dati, non modificarli. Consenta l’accesso solo ai siti di cui si fida.',
    allow: 'Consentire',
    deny: 'Rifiutare',
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
    consentTitle: 'Allow access',
    consentIntro: '{client} would like to read through your SwissID:',
    consentProfileEmail: 'your name and e-mail address',
    consentProfile: 'your name',
    consentEmail: 'your e-mail address',
    consentIdentity: 'that you are signed in (an identifier without personal data)',
    consentAccount: 'your customer account (private or business, company)',
    consentAddresses: 'your addresses (billing and online services)',
    consentNote: '{client} can only read these, not change them. Allow access only to websites you trust.',
    allow: 'Allow',
    deny: 'Deny',
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
    consentIntro: '{client} möchte mit Ihrem Kundenlogin Post Folgendes lesen:',
  },
  fr: {
    ...STRINGS.fr,
    brand: 'Login client Poste',
    loginIntro: 'Connectez-vous comme à l’accoutumée avec votre Login client Poste.',
    loginIntroClient: 'Connectez-vous comme à l’accoutumée avec votre Login client Poste pour continuer vers {client}.',
    loginNote: 'Ce login est destiné aux comptes clients qui ne sont pas encore rattachés à SwissID. Après la connexion, vous recevrez la marche à suivre pour rattacher vos comptes à SwissID.',
    logoutText: 'Vous êtes en train d’être déconnecté du Login client Poste.',
    loggedOutText: 'Vous vous êtes déconnecté du Login client Poste. Vous pouvez fermer cette fenêtre.',
    consentIntro: '{client} souhaite lire les informations suivantes grâce à votre Login client Poste :',
  },
  it: {
    ...STRINGS.it,
    brand: 'Login clienti Posta',
    loginIntro: 'Acceda come di consueto con il suo Login clienti Posta.',
    loginIntroClient: 'Acceda come di consueto con il suo Login clienti Posta per proseguire su {client}.',
    loginNote: 'Questo login è destinato ai conti clienti non ancora collegati a SwissID. Dopo l’accesso riceverà le istruzioni per collegare i suoi conti a SwissID.',
    logoutText: 'È in corso la disconnessione dal Login clienti Posta.',
    loggedOutText: 'Si è disconnesso dal Login clienti Posta. Può chiudere questa finestra.',
    consentIntro: '{client} desidera leggere tramite il suo Login clienti Posta:',
  },
  en: {
    ...STRINGS.en,
    brand: 'Post customer login',
    loginIntro: 'Sign in as usual with your Post customer login.',
    loginIntroClient: 'Sign in as usual with your Post customer login to continue to {client}.',
    loginNote: 'This login is for customer accounts not yet linked to SwissID. After signing in, you will be shown how to link your accounts to SwissID.',
    logoutText: 'You are being signed out of the Post customer login.',
    loggedOutText: 'You have signed out of the Post customer login. You can close this window.',
    consentIntro: '{client} would like to read through your Post customer login:',
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
