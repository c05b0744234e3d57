import { z } from 'zod';
import type { AnyCommandType } from './commands.js';
import {
  actorSchema,
  idSchema,
  instantSchema,
  siteIdSchema,
} from './common.js';

/** The audit event each command records, dotted and past tense. */
export const EVENT_TYPES = {
  submit: 'ticket.submitted',
  triage: 'ticket.triaged',
  update: 'ticket.updated',
  assign: 'ticket.assigned',
  start: 'ticket.started',
  pend: 'ticket.pended',
  resume: 'ticket.resumed',
  reply: 'ticket.replied',
  note: 'ticket.noted',
  resolve: 'ticket.resolved',
  accept: 'ticket.accepted',
  reject: 'ticket.rejected',
  rate: 'ticket.rated',
  close: 'ticket.closed',
  cancel: 'ticket.cancelled',
  merge: 'ticket.merged',
} as const satisfies Record<AnyCommandType, string>;

export type EventType = (typeof EVENT_TYPES)[AnyCommandType];

const eventTypeSchema = z.enum(
  Object.values(EVENT_TYPES) as [EventType, ...EventType[]],
);

/** A message carried by a reply or note event. */
export const messageDataSchema = z.object({
  messageId: idSchema,
  body: z.string(),
  visibility: z.enum(['public', 'internal']),
});

export type MessageData = z.infer<typeof messageDataSchema>;

/**
 * One accepted command. `changes` holds only the ticket fields it
 * changed, with their new values; folding the changes of a ticket's
 * events in order rebuilds the ticket.
 */
export const auditEventSchema = z.object({
  id: idSchema,
  siteId: siteIdSchema,
  ticketId: idSchema,
  seq: z.number().int().min(0),
  version: z.number().int().min(1),
  at: instantSchema,
  actor: actorSchema,
  type: eventTypeSchema,
  changes: z.record(z.string(), z.unknown()),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export type AuditEvent = z.infer<typeof auditEventSchema>;
