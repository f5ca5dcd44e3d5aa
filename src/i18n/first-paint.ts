import type { Language } from '../core/locale.js';

/**
 * The words of `<post-login>`'s signed-out mask in every language. They ship with the element, so that the mask paints
 * without waiting for a language chunk; every other string is in that language's chunk (de.ts, fr.ts, it.ts, en.ts),
 * which loads after the first paint. Translations follow the same sources as those files.
 */
const en = {
  maskTitle: 'Customer login',
  maskIntro: 'One login for the Post and the online services of many other companies.',
  signInSwissid: 'Login with SwissID',
  signInLegacy: 'Post customer login',
  legacyLoginHint: 'Customer login not linked to SwissID yet? Log in as usual:',
  lastUsed: 'last used on this device',
  helpButton: 'Help with the login',
  helpTitle: 'Help with the login',
  closeHelp: 'Close help',
  helpLoading: 'Loading the help…',
};

export type FirstPaintMessages = { [K in keyof typeof en]: string };

export const firstPaintMessages: Record<Language, FirstPaintMessages> = {
  de: {
    maskTitle: 'Kundenlogin',
    maskIntro: 'Ein Login für die Post und die Online-Dienste vieler weiterer Unternehmen.',
    signInSwissid: 'Login mit SwissID',
    signInLegacy: 'Kundenlogin Post',
    legacyLoginHint: 'Ihr Konto ist noch nicht mit SwissID verknüpft? Melden Sie sich wie gewohnt an:',
    lastUsed: 'zuletzt auf diesem Gerät verwendet',
    helpButton: 'Hilfe zum Login',
    helpTitle: 'Hilfe zum Login',
    closeHelp: 'Hilfe schliessen',
    helpLoading: 'Die Hilfe wird geladen…',
  },
  fr: {
    maskTitle: 'Login client',
    maskIntro: 'Un login unique pour la Poste et les services en ligne de nombreuses autres entreprises.',
    signInSwissid: 'Se connecter avec SwissID',
    signInLegacy: 'Login client Poste',
    legacyLoginHint: 'Votre compte n’est pas encore rattaché à SwissID? Connectez-vous comme à l’accoutumée:',
    lastUsed: 'utilisé en dernier sur cet appareil',
    helpButton: 'Aide pour la connexion',
    helpTitle: 'Aide pour la connexion',
    closeHelp: 'Fermer l’aide',
    helpLoading: 'Chargement de l’aide…',
  },
  it: {
    maskTitle: 'Login clienti',
    maskIntro: 'Un unico login per la Posta e i servizi online di numerose altre aziende.',
    signInSwissid: 'Login con SwissID',
    signInLegacy: 'Login clienti Posta',
    legacyLoginHint: 'Il vostro conto non è ancora collegato a SwissID? Effettuate il login come di consueto:',
    lastUsed: 'usato per ultimo su questo dispositivo',
    helpButton: 'Aiuto per il login',
    helpTitle: 'Aiuto per il login',
    closeHelp: 'Chiudere l’aiuto',
    helpLoading: 'Caricamento dell’aiuto…',
  },
  en,
};
