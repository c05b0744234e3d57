import type { Messages } from './en.js';

/** German. */
const de: Messages = {
  status: {
    new: 'Eingegangen',
    open: 'Offen',
    assigned: 'An eine Fachkraft vergeben',
    in_progress: 'In Bearbeitung',
    pending: 'Wartet',
    resolved: 'Gelöst',
    closed: 'Geschlossen',
    cancelled: 'Storniert',
    merged: 'Mit einer anderen Anfrage zusammengeführt',
  },
  pending: {
    requester: 'Wartet auf Ihre Antwort',
    vendor: 'Wartet auf einen Lieferanten',
    change: 'Wartet auf eine geplante Änderung',
    problem: 'Gehört zu einem bekannten Problem, das behoben wird',
    approval: 'Wartet auf eine Genehmigung',
  },
  categories: {
    Hardware: 'Hardware',
    Software: 'Software',
    Network: 'Netzwerk',
    'Accounts and access': 'Konten und Zugänge',
    Email: 'E-Mail',
    Printing: 'Drucken',
    Other: 'Sonstiges',
  },
  errors: {
    NETWORK_ERROR:
      'Der Helpdesk ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.',
    BAD_RESPONSE:
      'Der Helpdesk hat eine Antwort geschickt, die das Formular nicht lesen kann.',
    HTTP_ERROR: 'Der Helpdesk hat mit Fehler {status} geantwortet.',
    RATE_LIMITED:
      'Zu viele Anfragen. Warten Sie eine Minute und versuchen Sie es dann erneut.',
    UNAUTHENTICATED: 'Dieser Browser darf diese Anfrage nicht mehr öffnen.',
    FORBIDDEN: 'Dieser Browser darf diese Anfrage nicht mehr öffnen.',
    NOT_FOUND: 'Der Helpdesk kennt diese Anfrage nicht.',
    PAYLOAD_TOO_LARGE: 'Das ist zu viel auf einmal.',
    REOPEN_WINDOW_CLOSED: 'Diese Anfrage kann nicht mehr geöffnet werden.',
    INTERNAL_ERROR:
      'Beim Helpdesk ist ein Fehler aufgetreten. Versuchen Sie es später noch einmal.',
    STORAGE_FAILED:
      'Beim Helpdesk ist ein Fehler aufgetreten. Versuchen Sie es später noch einmal.',
    VALIDATION_FAILED: 'Einige Felder brauchen noch Ihre Aufmerksamkeit.',
    UNEXPECTED: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
  },
  issues: {
    required: 'Dieses Feld ist erforderlich.',
    tooLong: 'Höchstens {max} Zeichen.',
    email: 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
    control: 'Entfernen Sie die unsichtbaren Steuerzeichen.',
    direction:
      'Entfernen Sie die unsichtbaren Zeichen, die die Schreibrichtung umkehren.',
    invalid: 'Dieser Wert wird nicht akzeptiert.',
  },
  helpDesk: 'Helpdesk',
  closeHelpDesk: 'Helpdesk schließen',
  noEndpoint:
    'Diesem Helpdesk-Formular fehlt das Attribut endpoint, daher kann es nichts senden.',
  newRequest: 'Neue Anfrage',
  myRequests: 'Meine Anfragen',
  myRequestsCount: 'Meine Anfragen ({count})',
  askForHelp: 'Hilfe anfordern',
  subject: 'Betreff',
  description: 'Beschreibung',
  category: 'Kategorie',
  optional: '(optional)',
  notSure: 'Weiß nicht',
  email: 'Ihre E-Mail-Adresse',
  name: 'Ihr Name',
  filedFor: 'Angemeldet: Diese Anfrage wird für {who} gestellt.',
  sending: 'Wird gesendet…',
  submit: 'Anfrage senden',
  received: 'Anfrage eingegangen',
  yourReference:
    'Ihre Vorgangsnummer ist {ref}. Bitte nennen Sie sie, wenn Sie sich an den Helpdesk wenden.',
  notSaved:
    'Dieser Browser hat die Anfrage nicht gespeichert. Nach dem Verlassen der Seite erscheint sie nicht unter „Meine Anfragen“. Notieren Sie sich die Vorgangsnummer.',
  viewRequest: 'Anfrage ansehen',
  submitAnother: 'Weitere Anfrage stellen',
  noRequests: 'Aus diesem Browser gibt es noch keine Anfragen.',
  noRequestsYet: 'Sie haben noch keine Anfragen.',
  couldNotLoad: 'Konnte nicht geladen werden: {message}',
  back: 'Zurück zu meinen Anfragen',
  forget: 'Von diesem Gerät entfernen',
  loading: 'Wird geladen…',
  statusLabel: 'Status:',
  resolution: 'Lösung',
  conversation: 'Verlauf',
  noMessages: 'Noch keine Nachrichten.',
  support: 'Support',
  you: 'Sie',
  firstAnswerBy: 'Erste Antwort voraussichtlich bis {date}',
  nextAnswerBy: 'Nächste Antwort voraussichtlich bis {date}',
  resolutionBy: 'Lösung voraussichtlich bis {date}',
  replyReopens: 'Mit einer Antwort öffnen Sie diese Anfrage wieder.',
  replyClosed:
    'Diese Anfrage ist geschlossen; eine Antwort kann eine neue Anfrage eröffnen.',
  yourReply: 'Ihre Antwort',
  sendReply: 'Antwort senden',
  fixFields: 'Bitte korrigieren Sie die markierten Felder.',
  submitted: 'Anfrage gesendet. Ihre Vorgangsnummer ist {ref}.',
  nowStatus: '{ref} ist jetzt: {status}.',
  newReply: 'Neue Antwort vom Support zu {ref}.',
  replySent: 'Antwort gesendet.',
  followUp:
    '{from} ist geschlossen, daher hat Ihre Antwort eine neue Anfrage eröffnet: {ref}.',
  forgotten: '{ref} wurde aus diesem Browser entfernt.',
  tracking: {
    decisionHeading: 'Ist Ihr Problem damit gelöst?',
    accept: 'Ja, Anfrage schließen',
    reject: 'Nein, es ist nicht gelöst',
    reopenUntil: 'Sie können die Anfrage bis {date} wieder öffnen.',
    windowClosed: 'Diese Anfrage kann nicht mehr wieder geöffnet werden.',
    rejectReason: 'Was stimmt noch nicht?',
    rejectReasonHint:
      'Der Support sieht das, wenn die Anfrage wieder geöffnet wird.',
    rejectReasonRequired:
      'Beschreiben Sie, was noch nicht stimmt, damit der Support helfen kann.',
    reopen: 'Anfrage wieder öffnen',
    cancel: 'Abbrechen',
    working: 'Wird gesendet…',
    accepted: '{ref}: Vielen Dank. Die Anfrage ist geschlossen.',
    reopened: '{ref} ist wieder offen.',
    ratingHeading: 'Wie zufrieden sind Sie mit der Hilfe?',
    ratingLegend: 'Ihre Bewertung',
    stars: [
      '1 Stern: sehr schlecht',
      '2 Sterne: schlecht',
      '3 Sterne: mittelmäßig',
      '4 Sterne: gut',
      '5 Sterne: ausgezeichnet',
    ],
    ratingComment: 'Kommentar',
    ratingRequired: 'Wählen Sie 1 bis 5 Sterne.',
    rated: 'Ihre Bewertung: {rating} von 5.',
    rate: 'Bewertung senden',
    rerate: 'Bewertung ändern',
    ratingSent: 'Vielen Dank für Ihre Bewertung: {rating} von 5.',
    replyReopensClosed:
      'Diese Anfrage ist geschlossen; mit einer Antwort öffnen Sie sie wieder.',
    replyOpensNew:
      'Diese Anfrage ist geschlossen; eine Antwort eröffnet eine neue, damit verknüpfte Anfrage.',
    closedNoReply:
      'Diese Anfrage ist geschlossen. Wenn Sie dazu noch Fragen haben, stellen Sie eine neue Anfrage.',
    conflict:
      'Diese Anfrage hat sich geändert, während Sie sie angesehen haben. Prüfen Sie sie und versuchen Sie es noch einmal.',
    identifiedAs: 'Angemeldet als {email}: Ihre Anfragen von allen Geräten.',
    identityFailed: 'Ihre Anfragen konnten nicht geladen werden: {message}',
  },
  submitting: {
    attachments: 'Anhänge',
    choose: 'Bitte wählen…',
    attachHint: 'Bis zu {count} Dateien, je höchstens {size}: {types}',
    uploading: 'Anhänge werden hochgeladen',
    tooBig: '{name} ist größer als {size}',
    badType: 'Dieses Formular nimmt den Dateityp von {name} nicht an',
    empty: '{name} ist leer',
    badName:
      '{name}: Benennen Sie die Datei um (1 bis 200 Zeichen, keine unsichtbaren Zeichen) und hängen Sie sie erneut an',
    tooMany: 'Hängen Sie höchstens {count} Dateien an',
    uploadFailed: '{name} konnte nicht hochgeladen werden: {message}',
    queued:
      'Auf diesem Gerät gespeichert. Die Anfrage wird gesendet, sobald Sie wieder online sind.',
    sentLater:
      'Ihre gespeicherte Anfrage wurde gesendet. Ihre Vorgangsnummer ist {ref}.',
    droppedLater:
      'Eine gespeicherte Anfrage konnte nicht gesendet werden: {message}',
  },
  assistant: {
    open: 'Assistent',
    heading: 'Den Assistenten fragen',
    loading: 'Der Assistent wird geladen…',
  },
  sizes: {
    bytes: '{n} B',
    kilobytes: '{n} KB',
    megabytes: '{n} MB',
  },
};

export default de;
