import type { LazyMessages } from './en.js';

/** French strings; the help texts follow the wording of the Post FAQ (source text). */
const fr: LazyMessages = {
  signingIn: 'Connexion en cours…',
  popupPending: 'Terminez la connexion dans la fenêtre SwissID.',
  popupCallbackDone: 'Connexion terminée. Vous pouvez fermer cette fenêtre.',

  whySwissidTitle: 'Pourquoi SwissID?',
  whySwissidText:
    'Grâce à un login unique, SwissID vous offre un accès simple, commode et sécurisé aux services en ligne (sites et applications) de nombreuses entreprises, notamment à ceux de la Poste. Les mots de passe oubliés appartiennent ainsi au passé.',
  passwordText:
    'Chacun possède généralement plusieurs logins avec différents mots de passe, et choisit en conséquence des mots de passe plutôt simples, plus faciles à deviner. Il est essentiel que le mot de passe soit suffisamment long: si vous utilisez seulement un mot de passe, vous pouvez en choisir un compliqué et renforcer ainsi la sécurité de votre login.',
  swissidProblemsTitle: 'Problème de connexion avec SwissID?',
  swissidProblemsText:
    'En cas de problème de connexion avec SwissID, veuillez vous adresser au Service à la clientèle de SwissSign.',
  suisseidTitle: 'SuisseID (clé USB/carte à puce)',
  suisseidText:
    'SwissID ne remplace pas la solution SuisseID avec clé USB/carte à puce. Depuis le mois d’octobre 2017, vous ne pouvez plus vous connecter à votre compte utilisateur de la Poste avec SuisseID.',
  suisseidUses:
    'SuisseID continue à remplir trois fonctions: signature électronique juridiquement valable, connexion sécurisée avec authentification à deux facteurs pour d’autres services en ligne et confirmation de l’identité numérique pour l’accès à des données personnelles vérifiées.',
  suisseidContact: 'Questions concernant l’utilisation de SuisseID: Service à la clientèle de SwissSign Group SA',
  swisssignPhone: '0848 99 88 00',
  businessTitle: 'Compte d’entreprise avec plusieurs utilisateurs',
  businessText:
    'Si plusieurs utilisateurs sont enregistrés sur votre compte d’entreprise, adressez-vous à l’un des superadministrateurs de votre entreprise pour la gestion des comptes utilisateur.',
  otherQuestionsTitle: 'Autres questions',
  otherQuestionsText: 'Veuillez vous adresser au Contact Center.',

  userMenuOf: 'Menu utilisateur de',
  signedInWith: 'Connecté avec SwissID',
  signedInWithLegacy: 'Connecté avec le login client Poste',
  accountPrivate: 'Client privé',
  accountBusiness: 'Client commercial',
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
  errorPopupBlocked:
    'Votre navigateur a bloqué la fenêtre SwissID. Autorisez les fenêtres pop-up pour ce site, puis réessayez.',
  errorPopupClosed:
    'La fenêtre SwissID a été fermée avant la fin de la connexion. Réessayez lorsque vous serez prêt.',
  errorPopupTimeout: 'La connexion dans la fenêtre SwissID a pris trop de temps. Veuillez réessayer.',
  errorCancelled: 'La connexion a été annulée. Vous pouvez réessayer à tout moment.',
  errorResponseInvalid:
    'La réponse de SwissID n’a pas pu être vérifiée; vous n’avez donc pas été connecté. Veuillez vous connecter à nouveau.',
  errorTokenInvalid:
    'Votre connexion n’a pas pu être confirmée de manière sûre; vous n’avez donc pas été connecté. Veuillez vous connecter à nouveau.',
  errorProvider: 'SwissID n’a pas pu terminer la connexion. Veuillez réessayer plus tard.',
  errorUnreachable:
    'SwissID n’est pas joignable pour le moment. Vérifiez votre connexion Internet et réessayez.',
  errorAccount: 'Les données de votre compte n’ont pas pu être chargées. Réessayez.',
  errorConfig: 'Le login de cette page n’est pas configuré correctement. Veuillez en informer l’exploitant du site.',
  errorContactHint: 'Si le problème persiste, adressez-vous au Service à la clientèle de SwissSign.',
};

export default fr;
