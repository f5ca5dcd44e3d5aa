import type { LazyMessages } from './en.js';

/** Italian strings, translated from the Post FAQ (source text, French). */
const it: LazyMessages = {
  signingIn: 'Accesso in corso…',
  popupPending: 'Completate l’accesso nella finestra SwissID.',
  popupCallbackDone: 'Accesso completato. Potete chiudere questa finestra.',

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

  userMenuOf: 'Menu utente di',
  signedInWith: 'Accesso con SwissID',
  signedInWithLegacy: 'Accesso con il login clienti Posta',
  accountPrivate: 'Cliente privato',
  accountBusiness: 'Cliente commerciale',
  roleSuperadmin: 'Superamministratore',
  roleUser: 'Utente',
  signOut: 'Logout',
  signingOut: 'Disconnessione in corso…',

  sessionExpired: 'La vostra sessione è scaduta. Effettuate di nuovo l’accesso.',
  signedOutElsewhere: 'Siete stati disconnessi.',
  signedOutHereOnly: 'Siete stati disconnessi su questo dispositivo, ma non dal servizio di login. Se altri usano questo computer, chiudete il browser.',
  retry: 'Riprova',
  dismiss: 'Chiudi',
  errorPopupBlocked:
    'Il browser ha bloccato la finestra SwissID. Consentite i pop-up per questo sito e riprovate.',
  errorPopupClosed:
    'La finestra SwissID è stata chiusa prima che l’accesso fosse completato. Riprovate quando siete pronti.',
  errorPopupTimeout: 'L’accesso nella finestra SwissID ha richiesto troppo tempo. Riprovate.',
  errorCancelled: 'L’accesso è stato annullato. Potete riprovare in qualsiasi momento.',
  errorResponseInvalid:
    'Non è stato possibile verificare la risposta di SwissID, quindi l’accesso non è avvenuto. Effettuate di nuovo l’accesso.',
  errorTokenInvalid:
    'Non è stato possibile confermare l’accesso in modo sicuro, quindi l’accesso non è avvenuto. Effettuate di nuovo l’accesso.',
  errorProvider: 'SwissID non ha potuto completare l’accesso. Riprovate più tardi.',
  errorUnreachable:
    'SwissID non è raggiungibile al momento. Verificate la connessione Internet e riprovate.',
  errorAccount: 'Non è stato possibile caricare i dati del vostro conto. Riprovate.',
  errorConfig: 'Il login di questa pagina non è configurato correttamente. Informate il gestore del sito.',
  errorContactHint: 'Se il problema persiste, rivolgetevi al Servizio clienti di SwissSign.',
};

export default it;
