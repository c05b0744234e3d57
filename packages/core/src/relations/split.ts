import { z } from 'zod';
import type { DeskCore } from '../desk/desk-types.js';
import { TicketryError, validationError } from '../errors.js';
import { LIMITS } from '../public/limits.js';
import { withoutControlCharacters } from '../public/text.js';
import type { Actor } from '../schemas/common.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import { claimSplit } from './split-once.js';
import { threadOf } from './thread.js';
import { checkStaff, writeSide } from './write.js';

/** What `split` takes besides the ticket and message. */
export const splitOptionsSchema = z.object({
  /** @default "<ref>: <subject of the ticket split>" cut to 200 characters */
  subject: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.subject)
    .refine(withoutControlCharacters, 'must not contain control characters')
    .optional(),
});

export type SplitOptions = z.input<typeof splitOptionsSchema>;

/** A split: the ticket split and the new ticket made from the message. */
export interface SplitResult {
  ticket: Ticket;
  created: Ticket;
}

async function requesterEmail(core: DeskCore, t: Ticket): Promise<string> {
  const requester = await core.store.getRequester(core.siteId, t.requesterId);
  if (!requester?.email) {
    throw new TicketryError('NOT_FOUND', `no requester for ${t.ref}`);
  }
  return requester.email;
}

/**
 * Makes a new ticket from one public message of a ticket: same
 * requester and channel, the message as its description, linked
 * `split_from` / `split_into`, with a `ticket.split` event on both
 * naming the message. The message stays where it was. A message is
 * split once: splitting it again is refused with ALREADY_SPLIT (409),
 * whose details name the ticket made (`ticketId`, `ref`).
 */
export async function splitTicket(
  core: DeskCore,
  ticketId: string,
  messageId: string,
  options: SplitOptions,
  actor: Actor,
): Promise<SplitResult> {
  const parsed = splitOptionsSchema.safeParse(options);
  if (!parsed.success) throw validationError('split', parsed.error.issues);
  const source = await core.load(ticketId);
  await checkStaff(core, source, actor);
  if (source.status === 'merged') {
    throw new TicketryError(
      'TRANSITION_NOT_ALLOWED',
      `${source.ref} was merged`,
    );
  }
  const events = await core.store.listEvents(core.siteId, ticketId);
  const message = threadOf(events).find((m) => m.messageId === messageId);
  if (!message) {
    throw new TicketryError('NOT_FOUND', `${source.ref} has no such message`, {
      details: { messageId },
    });
  }
  if (message.visibility !== 'public') {
    throw new TicketryError(
      'VALIDATION_FAILED',
      'an internal note cannot become a ticket its requester reads',
      { details: { path: ['messageId'] } },
    );
  }
  const subject =
    parsed.data.subject ??
    `${source.ref}: ${source.subject}`.slice(0, LIMITS.subject);
  const email = await requesterEmail(core, source);
  const claim = await claimSplit(core, source, messageId, events);
  let created: Ticket;
  try {
    const submitted = await core.submit(
      {
        subject,
        description: message.body,
        requester: { email },
        channel: source.channel,
        ...(message.attachments && { attachments: message.attachments }),
      },
      { actor, links: [{ type: 'split_from', ticketId: source.id }] },
    );
    created = submitted.ticket;
  } catch (error) {
    await claim.release();
    throw error;
  }
  await claim.done(created.id);
  const data = { messageId, from: source.id, into: created.id };
  const onNew = await writeSide(
    core,
    created.id,
    EXTRA_EVENT_TYPES.split,
    () => ({ changes: {}, data: { ...data, holder: created.id } }),
    actor,
  );
  const link = { type: 'split_into' as const, ticketId: created.id };
  const onSource = await writeSide(
    core,
    source.id,
    EXTRA_EVENT_TYPES.split,
    (t) => ({
      changes: { links: [...t.links, link] },
      data: { ...data, holder: source.id },
    }),
    actor,
  );
  return { ticket: onSource!.ticket, created: onNew!.ticket };
}
