import { z } from 'zod';
import { auditHashSchema } from '../schemas/event.js';

/**
 * Why a ticket's history failed verification, one code each:
 * - `no_events`: a ticket without its events.
 * - `ticket_missing`: events without their ticket.
 * - `foreign_event`: an event of another ticket or site in the list.
 * - `version_gap`: versions are not 1, 2, … n (one was removed or added).
 * - `unchained_event`: an event without hashes after a chained one, or
 *   with only one of `prevHash` and `hash`.
 * - `prev_hash_mismatch`: an event does not follow the one before it.
 * - `hash_mismatch`: an event was changed after it was written.
 * - `version_mismatch`: the ticket's version is not its last event's.
 * - `head_mismatch`: the ticket's `auditHash` is not its last event's hash.
 * - `ticket_differs`: the ticket is not what its events rebuild.
 * - `anchor_mismatch`: a head written down earlier is no longer there.
 */
export const AUDIT_BREAK_REASONS = [
  'no_events',
  'ticket_missing',
  'foreign_event',
  'version_gap',
  'unchained_event',
  'prev_hash_mismatch',
  'hash_mismatch',
  'version_mismatch',
  'head_mismatch',
  'ticket_differs',
  'anchor_mismatch',
] as const;

export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

/** The first thing found wrong with one ticket's history. */
export const auditBreakSchema = z.object({
  ticketId: z.string(),
  /** The ticket's ref, when the ticket is there to read it from. */
  ref: z.string().nullable(),
  /** The event at fault; null when the fault is the ticket's own. */
  version: z.number().int().nullable(),
  reason: z.enum(AUDIT_BREAK_REASONS),
  message: z.string(),
});

export type AuditBreak = z.infer<typeof auditBreakSchema>;

/**
 * A ticket's last event and its hash, to write down somewhere the
 * database's owner cannot change (an anchor); null hash: no event of
 * the ticket is chained.
 */
export const auditHeadSchema = z.object({
  ticketId: z.string(),
  version: z.number().int().min(1),
  hash: auditHashSchema.nullable(),
});

export type AuditHead = z.infer<typeof auditHeadSchema>;

/** A ticket whose first events were written before the chain. */
export const unchainedTicketSchema = z.object({
  ticketId: z.string(),
  ref: z.string().nullable(),
  /** Events 1 … before − 1 carry no hashes and prove nothing. */
  before: z.number().int().min(2),
});

export type UnchainedTicket = z.infer<typeof unchainedTicketSchema>;

/** What `verifyAudit` found. */
export const auditReportSchema = z.object({
  /** No ticket broken and every anchor found. */
  ok: z.boolean(),
  siteId: z.string(),
  /** The one ticket verified, or null for the whole site. */
  ticketId: z.string().nullable(),
  tickets: z.number().int().min(0),
  events: z.number().int().min(0),
  /** Events written before the chain: counted, not proven. */
  unchainedEvents: z.number().int().min(0),
  unchainedTickets: z.number().int().min(0),
  /** The first 100 tickets with unchained events, in the order read. */
  unchained: z.array(unchainedTicketSchema),
  brokenTickets: z.number().int().min(0),
  /** The first ticket found broken, at its first broken event. */
  firstBroken: auditBreakSchema.nullable(),
  /** Every ticket's head, in the order read: what to anchor. */
  heads: z.array(auditHeadSchema),
});

export type AuditReport = z.infer<typeof auditReportSchema>;
