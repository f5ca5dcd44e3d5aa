import type { HelpMessages } from './help.en.js';

/** Italian help texts of `<post-login>`, translated from the Post FAQ (source text, French). */
const it: HelpMessages = {
  whySwissidTitle: 'Perché SwissID?',
  whySwissidText:
    'Grazie a un unico login, SwissID vi offre un accesso semplice, comodo e sicuro ai servizi online (siti web e app) di numerose aziende, tra cui quelli della Posta. Le password dimenticate appartengono così al passato.',
  passwordText:
    'Oggi quasi tutti possiedono diversi login con password differenti e scelgono quindi password piuttosto semplici, più facili da indovinare. È essenziale che la password sia sufficientemente lunga: se utilizzate una sola password, potete sceglierne una complessa e rafforzare così la sicurezza del vostro login.',
  swissidProblemsTitle: 'Problemi di accesso con SwissID?',
  swissidProblemsText: 'In caso di problemi di accesso con SwissID, rivolgetevi al Servizio clienti di SwissSign.',
  suisseidTitle: 'SuisseID (chiavetta USB/smart card)',
  suisseidText:
    'SwissID non sostituisce la soluzione SuisseID con chiavetta USB/smart card. Da ottobre 2017 non è più possibile accedere al proprio conto utente della Posta con SuisseID.',
  suisseidUses:
    'SuisseID continua a svolgere tre funzioni: firma elettronica giuridicamente valida, accesso sicuro con autenticazione a due fattori per altri servizi online e conferma dell’identità digitale per l’accesso a dati personali verificati.',
  suisseidContact: 'Domande sull’utilizzo di SuisseID: Servizio clienti di SwissSign Group SA',
  swisssignPhone: '0848 99 88 00',
  businessTitle: 'Conto aziendale con più utenti',
  businessText:
    'Se sul vostro conto aziendale sono registrati più utenti, per la gestione dei conti utente rivolgetevi a uno dei superamministratori della vostra azienda.',
  otherQuestionsTitle: 'Altre domande',
  otherQuestionsText: 'Rivolgetevi al Contact Center.',
};

export default it;
