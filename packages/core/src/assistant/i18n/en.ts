/** The assistant's replies in English: the reference catalog. */
export const en = {
  yes: 'Yes',
  no: 'No',
  handover:
    'I cannot solve this myself, so I will pass it to a person. A few questions first.',
  handoverForm:
    'I cannot solve this myself. Please use the form to reach a person.',
  glad: 'Glad that helped. Anything else?',
  error: 'Something went wrong on my side. Please try again, or use the form.',
  articles: 'These articles may help:',
  solvedQuestion: 'Did one of them solve it?',
  yesSolved: 'Yes, solved',
  stillNeedHelp: 'No, I still need help',
  notSure:
    'I am not sure I understood. I can help with these, or open a ticket for a person:',
  talkToPerson: 'Talk to a person',
  'flow.ticket-status': 'Status of my ticket',
  'flow.password-reset': 'Reset my password',
  'flow.opening-hours': 'Opening hours',
  'flow.collect-ticket': 'Open a ticket',
  resetOffer: 'You can reset your password yourself on this page:',
  resetLabel: 'Reset your password',
  resetCheck: 'Did that work?',
  resetSolved: 'Glad that worked.',
  answerYesNo: 'Please answer yes or no.',
  askRef:
    'What is the reference of the ticket? It looks like T-1042 and is in the confirmation you got.',
  notShown:
    'I found no ticket {ref} that I may show you here. For your privacy I only show a ticket to its requester: open it from My requests, or sign in to the site first.',
  latest: 'Your latest requests:',
  noRequests:
    'You have no requests with us yet. If something is wrong, just tell me what happened.',
  statusLine: '{ref} “{subject}”: {status} (updated {date})',
  lookupFailed:
    'I could not look that up just now; please try again in a moment.',
  alwaysOpen: 'We are open around the clock.',
  everyDay: 'Every day, around the clock.',
  closedDay: 'closed',
  openUntil: 'We are open now, until {until} ({zone} time).',
  closedUntil: 'We are closed now. We open again on {from} ({zone} time).',
  closedWeeks: 'We are closed for the next three weeks ({zone}).',
  closedOn: 'Closed on {days}.',
  askSubject: 'In one line, what is the problem?',
  askDescription:
    'Please describe it: what happened, since when, and what you have tried.',
  askDetails:
    'Anything to add: since when, and what have you tried? You can also skip this.',
  askEmail: 'Which email address should we answer to?',
  askChoice: 'Which of these fits best?',
  askField: '{label}?',
  askDate: 'Please write the date as YYYY-MM-DD.',
  chooseOne: 'Please choose one of the options.',
  skip: 'Skip',
  tryAgain: 'Please try again.',
  confirm:
    'Shall I open a ticket about “{subject}”? This conversation goes with it.',
  openTicket: 'Open the ticket',
  cancel: 'Cancel',
  cancelled: 'All right, I sent nothing.',
  invalidTicket:
    'I could not put that ticket together ({error}). Please use the form instead.',
  created:
    'I opened ticket {ref} for you, with this conversation attached. A person will answer you there.',
  createFailed: 'I could not open the ticket: {error}. Please try the form.',
  invalidEmail:
    'That is not an email address I can use. Please write it like name@example.com.',
  answerEmpty: 'Please write an answer.',
  answerTooLong: 'That is too long: at most {max} characters, please.',
  answerControl:
    'That contains characters I cannot take. Please type it again.',
  mustBeYes: 'This must be Yes to open a ticket.',
  aboutField: '{label}: {message}',
  switching: 'Let me answer that first ({flow}).',
  resume: 'Now, back to where we were:',
  offerSwitch:
    'That sounds like another request ({flow}). Shall I answer it first? Your answers so far are kept.',
  switchYes: 'Yes, answer it first',
  switchNo: 'No, that is my answer',
} as const;

/** A key of the assistant's catalog. */
export type AssistantTextKey = keyof typeof en;
/** One language's catalog: every key, as plain text with `{placeholders}`. */
export type AssistantCatalog = Record<AssistantTextKey, string>;
