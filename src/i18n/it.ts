import type { LazyMessages } from './en.js';

/** Italian strings, translated from the Post FAQ (source text, French). */
const it: LazyMessages = {
  signingIn: 'Accesso in corso…',
  popupPending: 'Completate l’accesso nella finestra SwissID.',
  popupCallbackDone: 'Accesso completato. Potete chiudere questa finestra.',

  userMenuOf: 'Menu utente di',
  signedInWith: 'Accesso con SwissID',
  signedInWithLegacy: 'Accesso con il login clienti Posta',
  accountPrivate: 'Conto privato',
  accountBusiness: 'Conto commerciale',
  roleSuperadmin: 'Superamministratore',
  roleUser: 'Utente',
  signOut: 'Logout',
  signingOut: 'Disconnessione in corso…',

  sessionExpired: 'La vostra sessione è scaduta. Effettuate di nuovo l’accesso.',
  signedOutElsewhere: 'Siete stati disconnessi.',
  signedOutHereOnly: 'Siete stati disconnessi su questo dispositivo, ma non dal servizio di login. Se altri usano questo computer, chiudete il browser.',
  retry: 'Riprova',
  dismiss: 'Chiudi',
  errorAccount: 'Non è stato possibile caricare i dati del vostro conto. Riprovate.',

  popupPendingLegacy: 'Completate l’accesso nella finestra del login clienti Posta.',
  accountsTitle: 'Agire per',
  accountSwitched: 'Ora agite per {account}.',
  linkToSwissid: 'Collegare a SwissID',
  linkElsewhere:
    'Per collegare questo login a SwissID, aprite «Il mio profilo» → «Collegare a SwissID» nel centro clienti.',
};

export default it;
