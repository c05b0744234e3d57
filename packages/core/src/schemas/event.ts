import { z } from 'zod';
import { attachmentInfoSchema } from '../public/ticket-view.js';
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
  unassign: 'ticket.unassigned',
} as const satisfies Record<AnyCommandType, string>;

/**
 * Events no caller sends as a command: SLA timers fired by
 * `desk.tick()` and a deliberate policy migration. Each keeps the
 * ticket's status, and the lifecycle machine still has to allow it.
 */
export const SLA_EVENT_TYPES = {
  sla_warn: 'ticket.sla_warned',
  sla_breach: 'ticket.sla_breached',
  escalate: 'ticket.escalated',
  remind: 'ticket.reminded',
  sla_migrate: 'ticket.sla_migrated',
} as const;

/** The machine event name of an SLA event. */
export type SlaEventName = keyof typeof SLA_EVENT_TYPES;

/**
 * Events of the desk's extension modules (relations, people, routing,
 * automation): recorded with `DeskCore.record`, they change fields
 * (links, watchers, approvals) but never the status. Each module adds
 * its own entries here.
 */
export const EXTRA_EVENT_TYPES = {
  /** Placeholder so the object is never empty; never recorded. */
  _reserved: 'ticket.reserved',
  /** People: a watcher (CC) added or removed; `data.requesterId`. */
  watch: 'ticket.watcher_added',
  unwatch: 'ticket.watcher_removed',
  /** People: an approver's decision; `data` holds who and why. */
  approve: 'ticket.approval_granted',
  disapprove: 'ticket.approval_refused',
  /** People: the ticket starts waiting for an approval. */
  request_approval: 'ticket.approval_requested',
  /** Routing: nobody was eligible; `data.routing` says why. */
  routing_queued: 'ticket.routing_queued',
  /** Routing: the assignee accepted a routed ticket. */
  routing_accepted: 'ticket.routing_accepted',
  /** Relations: a link added or removed; `data.link`, on both tickets. */
  link: 'ticket.linked',
  unlink: 'ticket.unlinked',
  /** Relations: a merged ticket's messages copied, `data.mergedFrom`. */
  merge_receive: 'ticket.merge_received',
  /** Relations: a message split into a new ticket, on both tickets. */
  split: 'ticket.split',
  /** Mail: a message taken in by the mail intake; `data` says how. */
  mail_received: 'ticket.mail_received',
  /** Knowledge base: what was suggested before submit; `data.offered`. */
  kb_offered: 'ticket.kb_offered',
  /** Security: the ticket's access tokens revoked; `data.generation`. */
  access_revoke: 'ticket.access_revoked',
} as const;

export type EventType =
  | (typeof EVENT_TYPES)[AnyCommandType]
  | (typeof SLA_EVENT_TYPES)[SlaEventName]
  | (typeof EXTRA_EVENT_TYPES)[keyof typeof EXTRA_EVENT_TYPES];

const eventTypeSchema = z.enum([
  ...Object.values(EVENT_TYPES),
  ...Object.values(SLA_EVENT_TYPES),
  ...Object.values(EXTRA_EVENT_TYPES),
] as [EventType, ...EventType[]]);

/** A SHA-256 of the audit chain: 64 lower-case hex digits. */
export const auditHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** A message carried by a reply or note event. */
export const messageDataSchema = z.object({
  messageId: idSchema,
  body: z.string(),
  visibility: z.enum(['public', 'internal']),
  /** Files sent with a public reply, when there are any. */
  attachments: z.array(attachmentInfoSchema).optional(),
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
  /**
   * The `hash` of the ticket's event before this one; 64 zeros for the
   * first. Absent on events written before the chain (docs/audit.md).
   */
  prevHash: auditHashSchema.optional(),
  /** SHA-256 of this event without `hash` and `seq`, so over `prevHash`. */
  hash: auditHashSchema.optional(),
});

export type AuditEvent = z.infer<typeof auditEventSchema>;
