import { html, paragraphs, type SafeHtml } from './html.js';
import type { NotificationKind } from './types.js';

/** What a template is given: ticket text as plain text, never escaped. */
export interface TemplateView {
  kind: NotificationKind;
  ref: string;
  /** The ticket's subject. */
  subject: string;
  /** The name of the desk, from the `from` address. */
  deskName: string;
  /** The requester's name, when known. */
  requesterName: string | null;
  /** The agent's reply or the resolution note; null for the others. */
  body: string | null;
  /** For `resolved`: until when a reply reopens the ticket (ISO 8601). */
  reopenUntil: string | null;
  /**
   * `reopenUntil` as people read it, in the notifier's `locale` and
   * `timeZone`: `Fri, 11 Dec 2026, 22:11 UTC`.
   */
  reopenUntilText?: string | null;
  /** For `closed`: where the requester rates the help, when configured. */
  ratingUrl: string | null;
  /** For `reminder`: 0 for the first ask, then 1, 2… */
  reminder: number;
}

/** What a template renders; the HTML must come from `html`. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: SafeHtml;
}

/** Renders one kind of notification. */
export type MailTemplate = (view: TemplateView) => RenderedMail;

const greeting = (v: TemplateView) =>
  v.requesterName ? `Hello ${v.requesterName},` : 'Hello,';

const footer = (v: TemplateView) =>
  `Reply to this message to add to ${v.ref}; please keep [${v.ref}] in the subject.`;

function page(
  v: TemplateView,
  lines: string,
  extra?: SafeHtml,
): RenderedMail['html'] {
  return html`<!doctype html><html><body style="font-family:sans-serif">
<p>${greeting(v)}</p>
${paragraphs(lines)}
${extra ?? ''}
<p style="color:#666;font-size:smaller">${footer(v)}</p>
</body></html>`;
}

function render(
  v: TemplateView,
  subject: string,
  lines: string,
  extra?: SafeHtml,
): RenderedMail {
  return {
    subject,
    text: `${greeting(v)}\n\n${lines}\n\n-- \n${footer(v)}\n`,
    html: page(v, lines, extra),
  };
}

/** The default English templates, one per kind. */
export const DEFAULT_TEMPLATES: Record<NotificationKind, MailTemplate> = {
  acknowledgement: (v) =>
    render(
      v,
      `[${v.ref}] Received: ${v.subject}`,
      `We received your request "${v.subject}" and filed it as ${v.ref}. Someone from ${v.deskName} will answer soon.`,
    ),
  reply: (v) => render(v, `Re: [${v.ref}] ${v.subject}`, v.body ?? ''),
  reminder: (v) =>
    render(
      v,
      `[${v.ref}] Waiting for your reply: ${v.subject}`,
      v.reminder === 0
        ? `We need more information from you to go on with ${v.ref}. Please reply to this message.`
        : `We are still waiting for your reply on ${v.ref}. Without it we cannot go on.`,
    ),
  resolved: (v) =>
    render(
      v,
      `[${v.ref}] Resolved: ${v.subject}`,
      `${v.ref} was resolved:\n\n${v.body ?? ''}${v.reopenUntil ? `\n\nIf it is not fixed, reply before ${v.reopenUntilText ?? v.reopenUntil} and we will reopen it.` : ''}`,
    ),
  closed: (v) =>
    render(
      v,
      `[${v.ref}] Closed: ${v.subject}`,
      `${v.ref} is closed.${v.ratingUrl ? ` How did we do? Rate the help: ${v.ratingUrl}` : ''}`,
      v.ratingUrl
        ? html`<p><a href="${v.ratingUrl}">Rate the help you got</a></p>`
        : undefined,
    ),
};
