/**
 * Email in and out for a Ticketry desk: an intake that turns raw
 * RFC 5322 messages into tickets and replies (postal-mime), and a
 * notifier that mails requesters through a pluggable transport
 * (nodemailer for SMTP).
 *
 * @packageDocumentation
 */
export {
  escapeHtml,
  html,
  paragraphs,
  type SafeHtml,
  safeUrl,
} from './html.js';
export { hiddenByAttributes, htmlToText } from './html-text.js';
export {
  createMailIntake,
  type MailIntake,
  type MailIntakeOptions,
} from './intake.js';
export { splitBody } from './long-body.js';
export { type AutomaticKind, automaticKind, LOOP_HEADERS } from './loop.js';
export { MAIL_KINDS } from './mail-records.js';
export {
  createMailNotifier,
  type MailNotifier,
  type MailNotifierOptions,
} from './notifier.js';
export {
  type AttachmentMeta,
  DEFAULT_MAIL_BYTES,
  type Mailbox,
  type ParsedMail,
  parseMail,
} from './parse.js';
export { trimQuotes } from './quotes.js';
export {
  DEFAULT_TEMPLATES,
  type MailTemplate,
  type RenderedMail,
  type TemplateView,
} from './templates.js';
export {
  createMemoryTransport,
  createOutboxTransport,
  createSmtpTransport,
  type MemoryTransport,
  type SmtpTransportOptions,
} from './transports.js';
export type * from './types.js';
