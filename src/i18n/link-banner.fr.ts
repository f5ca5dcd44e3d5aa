import type { LinkBannerMessages } from './link-banner.en.js';

/** French strings of `<swissid-link-banner>`, following the Post FAQ («Rattacher à SwissID»). */
const fr: LinkBannerMessages = {
  title: 'Rattacher votre login client à SwissID',
  invitedText: 'Vous avez reçu un e-mail vous invitant à rattacher vos comptes à SwissID. Voici la marche à suivre.',
  availableText: 'Vous pouvez rattacher votre login client à SwissID dès maintenant, sans invitation.',
  whatTitle: 'Ce que fait le rattachement',
  whatAllAccounts: 'Vous pouvez rattacher tous vos comptes à ce SwissID, qu’il s’agisse de comptes commerciaux ou privés.',
  whatDataUnchanged: 'Aucune modification ne sera apportée à vos données relatives au Login client Poste.',
  whatEmailKept: 'L’adresse e-mail enregistrée sera conservée, assurant ainsi la séparation entre professionnel et privé.',
  whatAfter: 'Vous vous connecterez ensuite avec SwissID: un login unique pour la Poste et de nombreuses autres entreprises.',
  start: 'Rattacher à SwissID',
  later: 'Plus tard',
  step: 'Étape {step} sur 3',
  stepSwissid: 'Se connecter à SwissID',
  stepSwissidText: 'Connectez-vous avec votre SwissID, ou créez votre SwissID, dans la fenêtre SwissID.',
  stepConfirm: 'Confirmer les comptes',
  confirmText: 'Ces comptes seront rattachés au SwissID {email}:',
  accountPrivate: 'Compte privé',
  accountBusiness: 'Compte commercial',
  confirm: 'Rattacher ces comptes',
  cancel: 'Annuler',
  linking: 'Rattachement en cours…',
  stepDone: 'Terminé',
  doneText: 'Vos comptes sont rattachés. Connectez-vous désormais avec SwissID ({email}).',
  doneAccounts: 'Ces comptes sont désormais rattachés à votre SwissID {email}:',
  errorCancelled: 'La connexion SwissID a été annulée; rien n’a été rattaché. Vous pouvez recommencer à tout moment.',
  errorAlreadyLinked: 'Votre Login client Poste est déjà rattaché à un SwissID. Connectez-vous désormais avec SwissID.',
  errorExpired: 'Votre session a expiré; rien n’a été rattaché. Reconnectez-vous avec votre login client, puis rattachez-le.',
  errorUnreachable: 'Le rattachement n’est pas possible pour le moment; rien n’a été rattaché. Vérifiez votre connexion et réessayez.',
  errorProof: 'Votre connexion SwissID n’a pas pu être confirmée de manière sûre; rien n’a été rattaché. Veuillez réessayer.',
  retry: 'Réessayer',
  contact: 'Pour toute question concernant le rattachement à SwissID, veuillez vous adresser au Contact Center.',
};

export default fr;
