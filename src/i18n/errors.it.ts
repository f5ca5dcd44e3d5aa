import type { ErrorMessages } from './errors.en.js';

/** Italian error messages of `<post-login>`. */
const it: ErrorMessages = {
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
  errorConfig: 'Il login di questa pagina non è configurato correttamente. Informate il gestore del sito.',
  errorContactHint: 'Se il problema persiste, rivolgetevi al Servizio clienti di SwissSign.',
  errorPopupBlockedLegacy:
    'Il browser ha bloccato la finestra del login clienti Posta. Consentite i pop-up per questo sito e riprovate.',
  errorPopupClosedLegacy:
    'La finestra del login clienti Posta è stata chiusa prima che l’accesso fosse completato. Riprovate quando siete pronti.',
  errorPopupTimeoutLegacy: 'L’accesso nella finestra del login clienti Posta ha richiesto troppo tempo. Riprovate.',
  errorResponseInvalidLegacy:
    'Non è stato possibile verificare la risposta del login clienti Posta, quindi l’accesso non è avvenuto. Effettuate di nuovo l’accesso.',
  errorProviderLegacy: 'Il login clienti Posta non ha potuto completare l’accesso. Riprovate più tardi.',
  errorUnreachableLegacy:
    'Il login clienti Posta non è raggiungibile al momento. Verificate la connessione Internet e riprovate.',
  errorContactHintLegacy: 'Se il problema persiste, rivolgetevi al Contact Center della Posta.',
};

export default it;
