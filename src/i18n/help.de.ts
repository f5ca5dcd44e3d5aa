import type { HelpMessages } from './help.en.js';

/** German help texts of `<post-login>`, translated from the Post FAQ (source text, French). */
const de: HelpMessages = {
  whySwissidTitle: 'Warum SwissID?',
  whySwissidText:
    'Mit einem einzigen Login bietet Ihnen SwissID einfachen, bequemen und sicheren Zugang zu den Online-Diensten (Websites und Apps) vieler Unternehmen, darunter jene der Post. Vergessene Passwörter gehören damit der Vergangenheit an.',
  passwordText:
    'Die meisten haben heute mehrere Logins mit verschiedenen Passwörtern und wählen deshalb eher einfache Passwörter, die leichter zu erraten sind. Entscheidend ist ein genügend langes Passwort: Wenn Sie nur ein Passwort verwenden, können Sie ein komplexes wählen und so die Sicherheit Ihres Logins erhöhen.',
  swissidProblemsTitle: 'Probleme beim Login mit SwissID?',
  swissidProblemsText: 'Bei Problemen beim Login mit SwissID wenden Sie sich bitte an den Kundendienst von SwissSign.',
  suisseidTitle: 'SuisseID (USB-Stick/Chipkarte)',
  suisseidText:
    'SwissID ersetzt die SuisseID mit USB-Stick/Chipkarte nicht. Seit Oktober 2017 können Sie sich mit der SuisseID nicht mehr in Ihr Benutzerkonto der Post einloggen.',
  suisseidUses:
    'Die SuisseID erfüllt weiterhin drei Funktionen: rechtsgültige elektronische Signatur, sicheres Login mit Zwei-Faktor-Authentifizierung bei anderen Online-Diensten und Bestätigung der digitalen Identität für den Zugang zu verifizierten Personendaten.',
  suisseidContact: 'Fragen zur Verwendung der SuisseID: Kundendienst der SwissSign Group AG',
  swisssignPhone: '0848 99 88 00',
  businessTitle: 'Firmenkonto mit mehreren Benutzern',
  businessText:
    'Wenn auf Ihrem Firmenkonto mehrere Benutzer erfasst sind, wenden Sie sich für die Verwaltung der Benutzerkonten an eine Superadministratorin oder einen Superadministrator Ihrer Firma.',
  otherQuestionsTitle: 'Weitere Fragen',
  otherQuestionsText: 'Bitte wenden Sie sich an das Contact Center.',
};

export default de;
