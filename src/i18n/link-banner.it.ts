import type { LinkBannerMessages } from './link-banner.en.js';

/** Italian strings of `<swissid-link-banner>`, translated from the Post FAQ. */
const it: LinkBannerMessages = {
  title: 'Collegare il login clienti a SwissID',
  invitedText: 'Avete ricevuto un e-mail che vi invita a collegare i vostri conti a SwissID. Ecco come procedere.',
  availableText: 'Potete collegare subito il vostro login clienti a SwissID, anche senza invito.',
  whatTitle: 'Che cosa fa il collegamento',
  whatAllAccounts: 'Potete collegare tutti i vostri conti, commerciali e privati, a un unico SwissID.',
  whatDataUnchanged: 'I vostri dati relativi al Login clienti Posta restano invariati.',
  whatEmailKept: 'Ogni conto mantiene il proprio indirizzo e-mail registrato: professionale e privato restano separati.',
  whatAfter: 'In seguito effettuate il login con SwissID: un unico login per la Posta e numerose altre aziende.',
  start: 'Collegare a SwissID',
  later: 'Più tardi',
  step: 'Passo {step} di 3',
  stepSwissid: 'Accedere a SwissID',
  stepSwissidText: 'Nella finestra SwissID accedete con il vostro SwissID o create il vostro SwissID.',
  stepConfirm: 'Confermare i conti',
  confirmText: 'Questi conti saranno collegati allo SwissID {email}:',
  accountPrivate: 'Conto privato',
  accountBusiness: 'Conto commerciale',
  confirm: 'Collegare questi conti',
  cancel: 'Annulla',
  linking: 'Collegamento dei conti in corso…',
  stepDone: 'Fatto',
  doneText: 'I vostri conti sono collegati. D’ora in poi effettuate il login con SwissID ({email}).',
  doneAccounts: 'Questi conti sono ora collegati al vostro SwissID {email}:',
  errorCancelled: 'L’accesso a SwissID è stato annullato; non è stato collegato nulla. Potete ricominciare in qualsiasi momento.',
  errorAlreadyLinked: 'Il vostro Login clienti Posta è già collegato a uno SwissID. D’ora in poi effettuate il login con SwissID.',
  errorExpired: 'La sessione è scaduta; non è stato collegato nulla. Effettuate di nuovo il login clienti, poi collegate il conto.',
  errorUnreachable: 'Il collegamento non è possibile al momento; non è stato collegato nulla. Verificate la connessione e riprovate.',
  errorProof: 'Non è stato possibile confermare in modo sicuro l’accesso a SwissID; non è stato collegato nulla. Riprovate.',
  retry: 'Riprova',
  contact: 'Domande sul collegamento a SwissID? Rivolgetevi al Contact Center.',
};

export default it;
