import { chainEvent } from '../audit/chain.js';
import { TicketryError, validationError } from '../errors.js';
import { createId } from '../ids.js';
import { type SubmitInput, submitInputSchema } from '../schemas/commands.js';
import type { Actor } from '../schemas/common.js';
import { type AuditEvent, EVENT_TYPES } from '../schemas/event.js';
import type { Requester } from '../schemas/people.js';
import type { Ticket, TicketLink } from '../schemas/ticket.js';
import type { TicketStore } from '../store/types.js';
import { targetOf } from './guards.js';
import { fingerprint } from './secrets.js';

/** How a submission is sent. */
export interface SubmitOptions {
  /** @default a requester acting for themself */
  actor?: Actor;
  /** A retry with the same key and body returns the first ticket. */
  idempotencyKey?: string;
  /** Relations the new ticket starts with. */
  links?: TicketLink[];
  /**
   * Builds the ticket and its event as a real submission would (a real
   * next reference, the SLA's deadlines) and stores nothing else: no
   * ticket, requester or idempotency record. For answers that must look
   * like a success, as the HTTP server's honeypot. @default false
   */
  decoy?: boolean;
}

/** A submitted ticket; `replayed` when an idempotency key matched. */
export interface SubmitResult {
  ticket: Ticket;
  event: AuditEvent;
  replayed: boolean;
}

interface SubmitContext {
  store: TicketStore;
  siteId: string;
  refPrefix: string;
  at: string;
  /** Fields that follow from the new ticket: its SLA and `dueAt`. */
  settle?(ticket: Ticket): Partial<Ticket>;
}

async function requesterFor(
  ctx: SubmitContext,
  email: string,
  name: string | undefined,
): Promise<Requester> {
  const found = await ctx.store.findRequesterByEmail(ctx.siteId, email);
  if (found) return found;
  const requester: Requester = {
    id: createId(),
    siteId: ctx.siteId,
    email,
    name: name ?? null,
    createdAt: ctx.at,
  };
  await ctx.store.putRequester(requester);
  return requester;
}

/**
 * The first result of an idempotency key already used, read before
 * anything is written: a reuse with another body is refused, and a
 * retry answers the first ticket, so neither saves a requester record
 * nor uses up a ticket number. `createTicket` checks the key again in
 * its own write, for two first uses that race.
 */
async function replayOf(
  ctx: SubmitContext,
  idempotency: { key: string; fingerprint: string },
): Promise<SubmitResult | null> {
  const seen = await ctx.store.findIdempotency(ctx.siteId, idempotency.key);
  if (!seen) return null;
  if (seen.fingerprint !== idempotency.fingerprint) {
    throw new TicketryError(
      'IDEMPOTENCY_KEY_REUSED',
      'this Idempotency-Key was used with a different request body',
    );
  }
  const [ticket, events] = await Promise.all([
    ctx.store.getTicket(ctx.siteId, seen.ticketId),
    ctx.store.listEvents(ctx.siteId, seen.ticketId),
  ]);
  // Erased or otherwise gone: let createTicket's own check decide.
  if (!ticket || !events[0]) return null;
  return { ticket, event: events[0], replayed: true };
}

/**
 * Opens a ticket: validates, records the requester apart, and writes
 * the ticket at version 1 with its `ticket.submitted` event.
 */
export async function submitTicket(
  ctx: SubmitContext,
  raw: SubmitInput,
  opts: SubmitOptions,
): Promise<SubmitResult> {
  const parsed = submitInputSchema.safeParse(raw);
  if (!parsed.success) throw validationError('submission', parsed.error.issues);
  const input = parsed.data;
  const key = opts.idempotencyKey;
  if (key !== undefined && (key.length < 8 || key.length > 255)) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      'an idempotency key must be 8 to 255 characters',
      { details: { path: ['idempotencyKey'] } },
    );
  }
  const idempotency =
    key === undefined
      ? undefined
      : {
          key,
          fingerprint: fingerprint({
            input,
            actor: opts.actor?.role ?? 'requester',
          }),
        };
  if (opts.actor) targetOf('draft', 'submit', opts.actor);
  const earlier =
    idempotency && !opts.decoy && (await replayOf(ctx, idempotency));
  if (earlier) return earlier;
  const requester = opts.decoy
    ? { id: createId() }
    : await requesterFor(ctx, input.requester.email, input.requester.name);
  const actor = opts.actor ?? { role: 'requester', id: requester.id };
  targetOf('draft', 'submit', actor);
  const ref = `${ctx.refPrefix}${await ctx.store.nextRef(ctx.siteId)}`;
  const ticket: Ticket = {
    id: createId(),
    siteId: ctx.siteId,
    ref,
    externalId: input.externalId ?? null,
    version: 1,
    status: 'new',
    pendingReason: null,
    subject: input.subject,
    description: input.description,
    requesterId: requester.id,
    channel: input.channel,
    type: input.ticketType ?? null,
    category: input.category ?? null,
    impact: input.impact ?? null,
    urgency: input.urgency ?? null,
    priority: null,
    priorityReason: null,
    teamId: null,
    assigneeId: null,
    tags: input.tags ?? [],
    fields: input.fields ?? {},
    createdAt: ctx.at,
    updatedAt: ctx.at,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    satisfaction: null,
    reopenCount: 0,
    reopenUntil: null,
    autoCloseAt: null,
    dueAt: null,
    sla: null,
    links: opts.links ?? [],
    mergedInto: null,
  };
  Object.assign(ticket, ctx.settle?.(ticket));
  const { id, siteId, version, updatedAt, ...changes } = ticket;
  const event = await chainEvent(
    {
      id: createId(),
      siteId,
      ticketId: id,
      version,
      at: updatedAt,
      actor,
      type: EVENT_TYPES.submit,
      changes,
      data: input.attachments?.length
        ? { attachments: input.attachments }
        : null,
    },
    undefined,
  );
  if (opts.decoy) {
    const made = { ...ticket, auditHash: event.hash };
    return { ticket: made, event: { ...event, seq: 0 }, replayed: false };
  }
  return ctx.store.createTicket({
    ticket: { ...ticket, auditHash: event.hash },
    event,
    ...(idempotency && { idempotency }),
  });
}
