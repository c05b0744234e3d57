import type { AssistantCatalog } from './en.js';

/** The assistant's replies in German. */
export const de: AssistantCatalog = {
  yes: 'Ja',
  no: 'Nein',
  handover:
    'Das kann ich nicht selbst lösen, daher gebe ich es an eine Person weiter. Vorher ein paar Fragen.',
  handoverForm:
    'Das kann ich nicht selbst lösen. Bitte nutzen Sie das Formular, um eine Person zu erreichen.',
  glad: 'Schön, dass das geholfen hat. Kann ich sonst noch etwas tun?',
  error:
    'Bei mir ist etwas schiefgegangen. Bitte versuchen Sie es erneut oder nutzen Sie das Formular.',
  articles: 'Diese Artikel könnten helfen:',
  solvedQuestion: 'Hat einer davon das Problem gelöst?',
  yesSolved: 'Ja, gelöst',
  stillNeedHelp: 'Nein, ich brauche noch Hilfe',
  notSure:
    'Ich bin nicht sicher, ob ich Sie verstanden habe. Dabei kann ich helfen, oder ich eröffne ein Ticket für eine Person:',
  talkToPerson: 'Mit einer Person sprechen',
  'flow.ticket-status': 'Status meines Tickets',
  'flow.password-reset': 'Passwort zurücksetzen',
  'flow.opening-hours': 'Öffnungszeiten',
  'flow.collect-ticket': 'Ticket eröffnen',
  resetOffer: 'Sie können Ihr Passwort auf dieser Seite selbst zurücksetzen:',
  resetLabel: 'Passwort zurücksetzen',
  resetCheck: 'Hat das funktioniert?',
  resetSolved: 'Schön, dass es funktioniert hat.',
  answerYesNo: 'Bitte antworten Sie mit Ja oder Nein.',
  askRef:
    'Wie lautet die Referenz des Tickets? Sie sieht aus wie T-1042 und steht in Ihrer Bestätigung.',
  notShown:
    'Ich habe kein Ticket {ref} gefunden, das ich Ihnen hier zeigen darf. Zum Schutz Ihrer Daten zeige ich ein Ticket nur seinem Ersteller: Öffnen Sie es unter „Meine Anfragen“ oder melden Sie sich zuerst auf der Website an.',
  latest: 'Ihre letzten Anfragen:',
  noRequests:
    'Sie haben bei uns noch keine Anfragen. Wenn etwas nicht funktioniert, schreiben Sie mir einfach, was passiert ist.',
  statusLine: '{ref} „{subject}“: {status} (aktualisiert am {date})',
  lookupFailed:
    'Ich konnte das gerade nicht nachschlagen; bitte versuchen Sie es gleich noch einmal.',
  alwaysOpen: 'Wir sind rund um die Uhr für Sie da.',
  everyDay: 'Jeden Tag, rund um die Uhr.',
  closedDay: 'geschlossen',
  openUntil: 'Wir haben jetzt geöffnet, bis {until} (Zeitzone {zone}).',
  closedUntil:
    'Wir haben gerade geschlossen. Wir öffnen wieder am {from} (Zeitzone {zone}).',
  closedWeeks:
    'Wir haben in den nächsten drei Wochen geschlossen (Zeitzone {zone}).',
  closedOn: 'Geschlossen am {days}.',
  askSubject: 'Was ist das Problem, in einer Zeile?',
  askDescription:
    'Bitte beschreiben Sie es: Was ist passiert, seit wann, und was haben Sie schon versucht?',
  askDetails:
    'Möchten Sie etwas ergänzen: seit wann, und was haben Sie schon versucht? Sie können das auch überspringen.',
  askEmail: 'An welche E-Mail-Adresse sollen wir antworten?',
  askChoice: 'Was davon passt am besten?',
  askField: '{label}?',
  askDate: 'Bitte schreiben Sie das Datum als JJJJ-MM-TT (YYYY-MM-DD).',
  chooseOne: 'Bitte wählen Sie eine der Optionen.',
  skip: 'Überspringen',
  tryAgain: 'Bitte versuchen Sie es noch einmal.',
  confirm:
    'Soll ich ein Ticket zu „{subject}“ eröffnen? Dieses Gespräch wird angehängt.',
  openTicket: 'Ticket eröffnen',
  cancel: 'Abbrechen',
  cancelled: 'In Ordnung, ich habe nichts gesendet.',
  invalidTicket:
    'Ich konnte das Ticket nicht zusammenstellen ({error}). Bitte nutzen Sie stattdessen das Formular.',
  created:
    'Ich habe das Ticket {ref} für Sie eröffnet und dieses Gespräch angehängt. Eine Person antwortet Ihnen dort.',
  createFailed:
    'Ich konnte das Ticket nicht eröffnen: {error}. Bitte nutzen Sie das Formular.',
  invalidEmail:
    'Das ist keine E-Mail-Adresse, die ich verwenden kann. Bitte schreiben Sie sie wie name@example.com.',
  answerEmpty: 'Bitte schreiben Sie eine Antwort.',
  answerTooLong: 'Das ist zu lang: bitte höchstens {max} Zeichen.',
  answerControl:
    'Das enthält Zeichen, die ich nicht annehmen kann. Bitte tippen Sie es noch einmal.',
  mustBeYes: 'Hier ist ein Ja nötig, um ein Ticket zu eröffnen.',
  aboutField: '{label}: {message}',
  switching: 'Das beantworte ich zuerst ({flow}).',
  resume: 'Nun zurück zu unserer Frage:',
  offerSwitch:
    'Das klingt nach einem anderen Anliegen ({flow}). Soll ich das zuerst beantworten? Ihre bisherigen Antworten bleiben erhalten.',
  switchYes: 'Ja, zuerst das',
  switchNo: 'Nein, das ist meine Antwort',
};
