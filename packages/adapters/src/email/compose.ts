import { createId, type Ticket } from '@ticketry/core';
import { LOOP_HEADERS } from './loop.js';
import type { RenderedMail } from './templates.js';
import type { MailAddress, NotificationKind, OutgoingMail } from './types.js';

/** Most Message-IDs in References: the thread's first and latest. */
const MAX_REFERENCES = 10;

/** A new Message-ID under the sender's domain. */
export function newMessageId(from: MailAddress): string {
  const domain = from.address.split('@')[1] ?? 'ticketry.invalid';
  return `<ticketry.${createId()}@${domain}>`;
}

/** `In-Reply-To` and `References` for a ticket's thread. */
export function threadHeaders(ids: string[], answering?: string | null) {
  const all = answering && !ids.includes(answering) ? [...ids, answering] : ids;
  const references =
    all.length > MAX_REFERENCES
      ? [all[0]!, ...all.slice(all.length - MAX_REFERENCES + 1)]
      : all;
  return {
    inReplyTo: answering ?? all[all.length - 1] ?? null,
    references,
  };
}

/** A subject on one line that names the ticket's reference. */
export function subjectWithRef(subject: string, ref: string): string {
  const line = subject.replace(/[\r\n\t]+/g, ' ').trim();
  return line.includes(`[${ref}]`) ? line : `[${ref}] ${line}`;
}

/** What {@link composeMail} puts together. */
export interface ComposeInput {
  kind: NotificationKind;
  ticket: Ticket;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  rendered: RenderedMail;
  thread: { inReplyTo: string | null; references: string[] };
}

/** One outgoing message with its threading and loop headers. */
export function composeMail(input: ComposeInput): OutgoingMail {
  const { ticket, rendered } = input;
  return {
    kind: input.kind,
    ticketId: ticket.id,
    ref: ticket.ref,
    from: input.from,
    to: input.to,
    cc: input.cc,
    subject: subjectWithRef(rendered.subject, ticket.ref),
    text: rendered.text,
    html: rendered.html.value,
    messageId: newMessageId(input.from),
    inReplyTo: input.thread.inReplyTo,
    references: input.thread.references,
    headers: { ...LOOP_HEADERS, 'X-Ticketry-Ticket': ticket.ref },
  };
}
