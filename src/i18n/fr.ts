import type { LazyMessages } from './en.js';

/** French strings; the help texts follow the wording of the Post FAQ (source text). */
const fr: LazyMessages = {
  signingIn: 'Connexion en cours…',
  popupPending: 'Terminez la connexion dans la fenêtre SwissID.',
  popupCallbackDone: 'Connexion terminée. Vous pouvez fermer cette fenêtre.',

  userMenuOf: 'Menu utilisateur de',
  signedInWith: 'Connecté avec SwissID',
  signedInWithLegacy: 'Connecté avec le login client Poste',
  accountPrivate: 'Compte privé',
  accountBusiness: 'Compte commercial',
  roleSuperadmin: 'Superadministrateur',
  roleUser: 'Utilisateur',
  signOut: 'Se déconnecter',
  signingOut: 'Déconnexion en cours…',

  sessionExpired: 'Votre session a expiré. Veuillez vous connecter à nouveau.',
  signedOutElsewhere: 'Vous avez été déconnecté.',
  signedOutHereOnly:
    'Vous avez été déconnecté sur cet appareil, mais pas auprès du service de connexion. Si d’autres utilisent cet ordinateur, fermez le navigateur.',
  retry: 'Réessayer',
  dismiss: 'Fermer',
  errorAccount: 'Les données de votre compte n’ont pas pu être chargées. Réessayez.',

  popupPendingLegacy: 'Terminez la connexion dans la fenêtre du login client Poste.',
  accountsTitle: 'Agir pour',
  accountSwitched: 'Vous agissez maintenant pour {account}.',
  linkToSwissid: 'Rattacher à SwissID',
  linkElsewhere:
    'Pour rattacher ce login à SwissID, ouvrez «Mon profil» → «Rattacher à SwissID» dans votre espace clients.',
};

export default fr;
