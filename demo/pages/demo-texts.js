// The demo page's own words in the four languages of its switcher (the widgets bring their own). Each key is the
// `data-text` of an element in index.html. `{0}`, `{1}`… stand for that element's <code> children, in their order in
// the page: the code stays as it is, only the words around it change. The German text is also in index.html, so that
// the page reads right before any script runs; the test in test/browser/journeys/demo-pages.test.ts keeps the two equal.
export const DEMO_LANGUAGES = ['de', 'fr', 'it', 'en'];

export const DEMO_TEXTS = {
  de: {
    title: 'post-login-widgets – Demo',
    siteName: 'Post – Kundencenter (Demo)',
    heading: 'Demo der post-login-widgets',
    intro:
      'Die Login-Maske im Seitenkopf meldet Sie per Weiterleitung beim SwissID-Referenzprovider an oder, für noch nicht ' +
      'verknüpfte Konten, mit dem bisherigen Kundenlogin Post. Die Demo-Konten stehen im README (zum Beispiel {0} / {1} ' +
      'mit SwissID).',
    linking:
      'Verknüpfen: Melden Sie sich mit dem Kundenlogin Post als {0} / {1} (per E-Mail eingeladen) oder als {2} / {3} ' +
      '(nicht eingeladen) an. Das Banner unter dem Seitenkopf führt Sie durch die Verknüpfung mit einer SwissID wie ' +
      '{4} / {5}; melden Sie sich danach mit dieser SwissID an.',
    oneSwissid:
      'Eine SwissID für alle Konten: Claudia Weber hat ein privates Kundenlogin Post ({0} / {1}) und ein geschäftliches ' +
      'für die Weber Design GmbH ({2} / {3}). Verknüpfen Sie beide mit ihrer SwissID {4} / {5} und melden Sie sich dann ' +
      'mit dieser SwissID an: Damit handelt Claudia für beide Konten, für eines nach dem anderen (gewechselt wird im ' +
      'Benutzermenü), jedes mit eigener E-Mail-Adresse und eigenen Adressen.',
    addresses:
      'Adressen: Das Formular für die Nachsendung unten verwendet {0} mit der Sitzung des Logins im Seitenkopf. Anna ' +
      'hat eine Adresse für Online-Dienste (ihr Maximum); Marc ({1} / {2}, Superadministrator) und Lea ({3} / {4}, ' +
      'Benutzerin, die die Adresse zuerst mit Marc abspricht) bearbeiten, erfassen und entfernen beide die Adressen der ' +
      'Keller Logistik AG.',
    languages: 'Sprache der Seite ({0})',
    popupTitle: 'Anmeldung im Popup',
    popupText:
      'Dasselbe Element mit {0}: Die Seite bleibt, und die Anmeldung (SwissID oder Kundenlogin Post) öffnet sich in ' +
      'einem Fenster.',
    forwardingTitle: 'Nachsendung beantragen',
    forwardingText:
      'Ein Nachsendeauftrag, wie ihn eine Website bauen würde: ein gewöhnliches {0} mit {1} neben nativen Feldern. ' +
      'Wählen Sie nach der Anmeldung die Adresse, an die nachgesendet werden soll (oder erfassen Sie als Marc eine ' +
      'neue); die Rechnungsadresse steht darüber. Die Adressauswahl sendet die ID der gewählten Adresse unter dem in ' +
      '{2} angegebenen Feldnamen und hält das Formular an, solange nichts gewählt ist, wie ein natives Pflichtfeld. ' +
      'Statt zu senden, zeigt die Seite, was das Formular senden würde.',
    startDate: 'Nachsenden ab',
    endDate: 'Nachsenden bis (optional)',
    submit: 'Nachsendung beantragen',
    reset: 'Zurücksetzen',
    resultTitle: 'Was das Formular senden würde',
    resultEmpty: '(noch nicht abgeschickt)',
    eventsTitle: 'Von der Seite empfangene Events',
    partnerLink: 'Partnerseite (anderer Origin, ein Script-Tag, strikte CSP)',
    logFrom: '{event} von {source}',
    logLoading: 'beim Laden',
    logSaving: 'beim Speichern',
    logRemoving: 'beim Entfernen',
    logAdded: 'Adresse {id} hinzugefügt',
    logChanged: 'Adresse {id} geändert',
    logRemoved: 'Adresse {id} entfernt',
    logValue: 'Wert {value}',
  },
  fr: {
    title: 'post-login-widgets – démo',
    siteName: 'La Poste – Centre clientèle (démo)',
    heading: 'Démo des post-login-widgets',
    intro:
      'Le masque de connexion de l’en-tête vous connecte par redirection auprès du fournisseur SwissID de référence ou, ' +
      'pour les comptes pas encore rattachés, avec l’ancien Login client Poste. Les comptes de démonstration figurent ' +
      'dans le README (par exemple {0} / {1} avec SwissID).',
    linking:
      'Rattachement: connectez-vous avec le Login client Poste en tant que {0} / {1} (invité par e-mail) ou {2} / {3} ' +
      '(non invitée). La bannière sous l’en-tête vous guide pour le rattacher à un SwissID tel que {4} / {5}; ' +
      'connectez-vous ensuite avec ce SwissID.',
    oneSwissid:
      'Un SwissID pour tous les comptes: Claudia Weber a un Login client Poste privé ({0} / {1}) et un autre, ' +
      'commercial, pour Weber Design GmbH ({2} / {3}). Rattachez les deux à son SwissID {4} / {5}, puis connectez-vous ' +
      'avec ce SwissID: il agit pour les deux comptes, l’un après l’autre (le changement se fait dans le menu ' +
      'utilisateur), chacun avec son propre e-mail et ses propres adresses.',
    addresses:
      'Adresses: le formulaire de demande de réexpédition ci-dessous utilise {0} avec la session du login de l’en-tête. ' +
      'Anna a une adresse pour les services en ligne (son maximum); Marc ({1} / {2}, superadministrateur) et Lea ' +
      '({3} / {4}, utilisatrice, qui convient d’abord de l’adresse avec Marc) modifient, ajoutent et suppriment tous ' +
      'deux les adresses de Keller Logistik AG.',
    languages: 'Langue de la page ({0})',
    popupTitle: 'Connexion dans une fenêtre pop-up',
    popupText:
      'Le même élément avec {0}: la page reste affichée et la connexion (SwissID ou Login client Poste) s’ouvre dans ' +
      'une fenêtre.',
    forwardingTitle: 'Demander une réexpédition',
    forwardingText:
      'Une demande de réexpédition telle qu’un site la construirait: un simple {0} avec {1} à côté de champs natifs. ' +
      'Une fois connecté, choisissez l’adresse vers laquelle réexpédier (ou, en tant que Marc, ajoutez-en une); ' +
      'l’adresse de facturation figure au-dessus. Le sélecteur d’adresse envoie l’identifiant de l’adresse choisie sous ' +
      'le nom de champ indiqué dans {2} et bloque le formulaire tant que rien n’est choisi, comme un champ natif ' +
      'obligatoire. Au lieu d’envoyer, la page affiche ce que le formulaire enverrait.',
    startDate: 'Réexpédier à partir du',
    endDate: 'Réexpédier jusqu’au (facultatif)',
    submit: 'Demander la réexpédition',
    reset: 'Réinitialiser',
    resultTitle: 'Ce que le formulaire enverrait',
    resultEmpty: '(pas encore envoyé)',
    eventsTitle: 'Événements reçus par la page',
    partnerLink: 'Page partenaire (autre origine, une seule balise script, CSP stricte)',
    logFrom: '{event} de {source}',
    logLoading: 'lors du chargement',
    logSaving: 'lors de l’enregistrement',
    logRemoving: 'lors de la suppression',
    logAdded: 'adresse {id} ajoutée',
    logChanged: 'adresse {id} modifiée',
    logRemoved: 'adresse {id} supprimée',
    logValue: 'valeur {value}',
  },
  it: {
    title: 'post-login-widgets – demo',
    siteName: 'La Posta – Centro clienti (demo)',
    heading: 'Demo dei post-login-widgets',
    intro:
      'La maschera di login nell’intestazione effettua l’accesso tramite reindirizzamento presso il provider SwissID di ' +
      'riferimento oppure, per i conti non ancora collegati, con il precedente Login clienti Posta. I conti demo sono ' +
      'elencati nel README (per esempio {0} / {1} con SwissID).',
    linking:
      'Collegamento: effettuate il login con il Login clienti Posta come {0} / {1} (invitato per e-mail) oppure come ' +
      '{2} / {3} (non invitata). Il banner sotto l’intestazione vi guida nel collegamento a uno SwissID come {4} / {5}; ' +
      'in seguito effettuate il login con questo SwissID.',
    oneSwissid:
      'Un solo SwissID per tutti i conti: Claudia Weber ha un Login clienti Posta privato ({0} / {1}) e uno commerciale ' +
      'per Weber Design GmbH ({2} / {3}). Collegate entrambi al suo SwissID {4} / {5}, poi effettuate il login con ' +
      'questo SwissID: agisce per entrambi i conti, uno alla volta (si cambia nel menu utente), ciascuno con il proprio ' +
      'indirizzo e-mail e i propri indirizzi.',
    addresses:
      'Indirizzi: il modulo di richiesta di rispedizione qui sotto usa {0} con la sessione del login nell’intestazione. ' +
      'Anna ha un indirizzo per i servizi online (il suo massimo); Marc ({1} / {2}, superamministratore) e Lea ' +
      '({3} / {4}, utente, che concorda prima l’indirizzo con Marc) modificano, aggiungono e rimuovono entrambi gli ' +
      'indirizzi di Keller Logistik AG.',
    languages: 'Lingua della pagina ({0})',
    popupTitle: 'Login in una finestra pop-up',
    popupText:
      'Lo stesso elemento con {0}: la pagina resta aperta e il login (SwissID o Login clienti Posta) si apre in una ' +
      'finestra.',
    forwardingTitle: 'Richiedere una rispedizione',
    forwardingText:
      'Una richiesta di rispedizione come la costruirebbe un sito: un semplice {0} con {1} accanto a campi nativi. Dopo ' +
      'il login scegliete l’indirizzo a cui rispedire (o, come Marc, aggiungetene uno); l’indirizzo di fatturazione è ' +
      'indicato sopra. Il selettore di indirizzi invia l’ID dell’indirizzo scelto con il nome di campo indicato in {2} ' +
      'e blocca il modulo finché non è scelto nulla, come un campo nativo obbligatorio. Invece di inviare, la pagina ' +
      'mostra cosa invierebbe il modulo.',
    startDate: 'Rispedire a partire dal',
    endDate: 'Rispedire fino al (facoltativo)',
    submit: 'Richiedere la rispedizione',
    reset: 'Reimpostare',
    resultTitle: 'Cosa invierebbe il modulo',
    resultEmpty: '(non ancora inviato)',
    eventsTitle: 'Eventi ricevuti dalla pagina',
    partnerLink: 'Pagina partner (altra origine, un solo tag script, CSP rigorosa)',
    logFrom: '{event} da {source}',
    logLoading: 'durante il caricamento',
    logSaving: 'durante il salvataggio',
    logRemoving: 'durante la rimozione',
    logAdded: 'indirizzo {id} aggiunto',
    logChanged: 'indirizzo {id} modificato',
    logRemoved: 'indirizzo {id} rimosso',
    logValue: 'valore {value}',
  },
  en: {
    title: 'post-login-widgets – demo',
    siteName: 'Swiss Post – Customer Center (demo)',
    heading: 'post-login-widgets demo',
    intro:
      'The login mask in the header signs you in by redirect with the reference SwissID provider or, for accounts not ' +
      'linked yet, with the older Post customer login. The demo accounts are listed in the README (for example ' +
      '{0} / {1} with SwissID).',
    linking:
      'Linking: log in with the Post customer login as {0} / {1} (invited by e-mail) or {2} / {3} (not invited). The ' +
      'banner under the header walks you through linking to a SwissID such as {4} / {5}; afterwards, log in with that ' +
      'SwissID.',
    oneSwissid:
      'One SwissID, all accounts: Claudia Weber has a private Post customer login ({0} / {1}) and a business one for ' +
      'Weber Design GmbH ({2} / {3}). Link both to her SwissID {4} / {5}, then log in with that SwissID: it acts for ' +
      'both accounts, one at a time (switched in the user menu), each with its own e-mail and addresses.',
    addresses:
      'Addresses: the forwarding request form below uses {0} with the session of the header login. Anna has one ' +
      'address for online services (her limit); Marc ({1} / {2}, superadministrator) and Lea ({3} / {4}, user, who ' +
      'agrees the address with Marc first) both edit, add and remove Keller Logistik AG’s.',
    languages: 'Page language ({0})',
    popupTitle: 'Popup flow',
    popupText:
      'The same element with {0}: the page stays, and the sign-in (SwissID or the Post customer login) opens in a ' +
      'window.',
    forwardingTitle: 'Request mail forwarding',
    forwardingText:
      'A mail forwarding request as a site would build it: a plain {0} with {1} next to native fields. Once signed in, ' +
      'choose (or, as Marc, add) the address to forward to; the billing address is shown above it. The picker submits ' +
      'the chosen address id under the field name given in {2} and stops the form while nothing is chosen, like a ' +
      'required native field. Instead of sending, the page shows what the form would send.',
    startDate: 'Forward from',
    endDate: 'Forward until (optional)',
    submit: 'Request forwarding',
    reset: 'Reset',
    resultTitle: 'What the form would send',
    resultEmpty: '(not submitted yet)',
    eventsTitle: 'Events received by the page',
    partnerLink: 'Partner page (other origin, one script tag, strict CSP)',
    logFrom: '{event} from {source}',
    logLoading: 'while loading',
    logSaving: 'while saving',
    logRemoving: 'while removing',
    logAdded: 'address {id} added',
    logChanged: 'address {id} changed',
    logRemoved: 'address {id} removed',
    logValue: 'value {value}',
  },
};

/** The text of `key` in `lang` (German when the page's language is not one of the four), `{name}` filled in. */
export function demoText(lang, key, values = {}) {
  const texts = DEMO_TEXTS[lang] ?? DEMO_TEXTS.de;
  return texts[key].replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/**
 * Puts the words of `lang` into every `[data-text]` element under `root`, with text nodes only (the page runs under
 * Trusted Types: no HTML strings). An element's <code> children are kept and moved to their `{n}` places.
 * @param {ParentNode} root
 * @param {string} lang
 */
export function applyDemoTexts(root, lang) {
  for (const element of root.querySelectorAll('[data-text]')) {
    const template = demoText(lang, element.dataset.text);
    const codes = [...element.children].filter((child) => child.localName === 'code');
    if (codes.length === 0) {
      element.textContent = template;
      continue;
    }
    const nodes = template.split(/\{(\d+)\}/).map((part, index) =>
      index % 2 === 1 ? codes[Number(part)] : element.ownerDocument.createTextNode(part),
    );
    element.replaceChildren(...nodes.filter((node) => node && !(node.nodeType === Node.TEXT_NODE && node.data === '')));
  }
}
