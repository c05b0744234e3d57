import { z } from 'zod';
import { LIMITS } from '../public/limits.js';
import { fieldValueSchema } from '../public/submission.js';
import { CHANNELS, PENDING_REASONS, STATUSES } from '../public/vocabulary.js';
import { slaStateSchema } from '../sla/state-schema.js';
import {
  idSchema,
  instantSchema,
  labelSchema,
  levelSchema,
  prioritySchema,
  siteIdSchema,
  ticketTypeSchema,
} from './common.js';
import { auditHashSchema } from './event.js';

/**
 * How two tickets relate, seen from the ticket that holds the link.
 * Relations (relations/) record both sides: `related` both ways,
 * `duplicate_of`/`duplicated_by`, `child_of`/`parent_of`,
 * `depends_on`/`blocks`, `split_from`/`split_into`, `merged_from`
 * (the other side is `mergedInto`); `follow_up_of` is one-sided.
 */
export const LINK_TYPES = [
  'related',
  'merged_from',
  'follow_up_of',
  'duplicate_of',
  'duplicated_by',
  'parent_of',
  'child_of',
  'depends_on',
  'blocks',
  'split_from',
  'split_into',
] as const;

export const linkSchema = z.object({
  type: z.enum(LINK_TYPES),
  ticketId: idSchema,
});

export const resolutionSchema = z.object({
  code: labelSchema,
  note: z.string().trim().min(1).max(LIMITS.body),
});

export const satisfactionSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().max(LIMITS.body).nullable(),
  at: instantSchema,
});

/** The most watchers one ticket may have. */
export const MAX_WATCHERS = 50;

/** Where a ticket's approval stands (people/approvals.ts). */
export const approvalStateSchema = z.object({
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedAt: instantSchema,
  decidedBy: idSchema.nullable(),
  decidedAt: instantSchema.nullable(),
});

export type ApprovalState = z.infer<typeof approvalStateSchema>;

/**
 * A ticket as stored. The audit events rebuild it field for field;
 * `version` counts the events.
 */
export const ticketSchema = z.object({
  id: idSchema,
  siteId: siteIdSchema,
  ref: z.string().min(1).max(LIMITS.label),
  externalId: z.string().max(128).nullable(),
  version: z.number().int().min(1),
  status: z.enum(STATUSES),
  pendingReason: z.enum(PENDING_REASONS).nullable(),
  subject: z.string().min(1).max(LIMITS.subject),
  description: z.string().max(LIMITS.body),
  requesterId: idSchema,
  channel: z.enum(CHANNELS),
  type: ticketTypeSchema.nullable(),
  category: labelSchema.nullable(),
  impact: levelSchema.nullable(),
  urgency: levelSchema.nullable(),
  priority: prioritySchema.nullable(),
  priorityReason: z.string().max(LIMITS.body).nullable(),
  teamId: idSchema.nullable(),
  assigneeId: idSchema.nullable(),
  tags: z.array(labelSchema).max(LIMITS.tags),
  fields: z.record(z.string(), fieldValueSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  firstResponseAt: instantSchema.nullable(),
  resolvedAt: instantSchema.nullable(),
  closedAt: instantSchema.nullable(),
  resolution: resolutionSchema.nullable(),
  satisfaction: satisfactionSchema.nullable(),
  reopenCount: z.number().int().min(0),
  reopenUntil: instantSchema.nullable(),
  autoCloseAt: instantSchema.nullable(),
  /**
   * The earliest instant something is due: an SLA timer or the
   * auto-close. Stores index it; `desk.tick()` lists by it.
   */
  dueAt: instantSchema.nullable(),
  /**
   * SLA clocks, deadlines and timers, under the policy and version the
   * ticket runs on; null without a policy. Absent on tickets stored
   * before SLAs existed, which reads as null.
   */
  sla: slaStateSchema.nullable().optional(),
  links: z.array(linkSchema),
  mergedInto: idSchema.nullable(),
  /**
   * Requester ids of the people who follow the ticket's public updates
   * (watchers, mail CCs); absent reads as none. See people/watchers.ts.
   */
  watchers: z.array(idSchema).max(MAX_WATCHERS).optional(),
  /**
   * The approval a ticket type needs before work starts; absent when
   * none is needed. See people/approvals.ts.
   */
  approval: approvalStateSchema.optional(),
  /**
   * The `hash` of the ticket's last audit event, so the next event can
   * chain to it without reading the log. Absent on tickets whose
   * events predate the chain.
   */
  auditHash: auditHashSchema.optional(),
});

export type Ticket = z.infer<typeof ticketSchema>;
export type TicketLink = z.infer<typeof linkSchema>;
export type Resolution = z.infer<typeof resolutionSchema>;

/** Fields an event may change: all but identity and bookkeeping. */
export type TicketChanges = Partial<
  Omit<Ticket, 'id' | 'siteId' | 'version' | 'updatedAt' | 'auditHash'>
>;
