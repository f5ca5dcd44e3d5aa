import type { HelpMessages } from './help.en.js';

/** French help texts of `<post-login>`, translated from the Post FAQ (source text, French). */
const fr: HelpMessages = {
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
};

export default fr;
