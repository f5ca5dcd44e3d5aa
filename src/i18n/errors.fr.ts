import type { ErrorMessages } from './errors.en.js';

/** French error messages of `<post-login>`. */
const fr: ErrorMessages = {
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
  errorConfig: 'Le login de cette page n’est pas configuré correctement. Veuillez en informer l’exploitant du site.',
  errorContactHint: 'Si le problème persiste, adressez-vous au Service à la clientèle de SwissSign.',
  errorPopupBlockedLegacy:
    'Votre navigateur a bloqué la fenêtre du login client Poste. Autorisez les fenêtres pop-up pour ce site et réessayez.',
  errorPopupClosedLegacy:
    'La fenêtre du login client Poste a été fermée avant la fin de la connexion. Réessayez quand vous êtes prêt.',
  errorPopupTimeoutLegacy:
    'La connexion dans la fenêtre du login client Poste a pris trop de temps. Veuillez réessayer.',
  errorResponseInvalidLegacy:
    'La réponse du login client Poste n’a pas pu être vérifiée, vous n’avez donc pas été connecté. Veuillez vous reconnecter.',
  errorProviderLegacy: 'Le login client Poste n’a pas pu terminer la connexion. Veuillez réessayer plus tard.',
  errorUnreachableLegacy:
    'Le login client Poste n’est pas joignable pour le moment. Vérifiez votre connexion Internet et réessayez.',
  errorContactHintLegacy: 'Si le problème persiste, veuillez vous adresser au Contact Center de la Poste.',
};

export default fr;
