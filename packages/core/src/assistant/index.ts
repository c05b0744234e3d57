/**
 * The support assistant: an intent recognizer trained in process,
 * flows as XState machines, and a conversation driver.
 *
 * @packageDocumentation
 */
export * from './answerer.js';
export * from './assistant.js';
export * from './default-intents.js';
export { SKIP } from './flows/collect-questions.js';
export {
  type CollectTicketOptions,
  type CreatedTicket,
  type CreateTicket,
  collectTicketFlow,
  type TicketConversation,
} from './flows/collect-ticket.js';
export {
  type OpeningHoursOptions,
  openingHoursFlow,
} from './flows/opening-hours.js';
export {
  type PasswordResetOptions,
  passwordResetFlow,
} from './flows/password-reset.js';
export {
  refIn,
  type TicketLookup,
  type TicketStatusItem,
  type TicketStatusOptions,
  ticketStatusFlow,
} from './flows/ticket-status.js';
export { transcriptText, withTranscript } from './flows/transcript.js';
export {
  ASSISTANT_CATALOGS,
  ASSISTANT_LOCALES,
  type AssistantCatalog,
  type AssistantLocale,
  type AssistantTextKey,
  assistantLocaleOf,
  assistantLocaleSchema,
  assistantLocaleTagSchema,
  assistantText,
} from './i18n/index.js';
export * from './recognizer.js';
export { NO, YES } from './replies.js';
export * from './types.js';
export { quoteUserText } from './user-text.js';
