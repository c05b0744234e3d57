import * as z from 'zod/mini';
import { isoDateTime } from './iso.js';
import { PENDING_REASONS, STATUSES } from './vocabulary.js';

const instant = isoDateTime();

/** A file attached to a message: what the ticket records of it. */
export const attachmentInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Bytes. */
  size: z.number(),
  /** The type recognised from the file's bytes. */
  type: z.string(),
});

export type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;

/** One message of the public conversation, as a requester sees it. */
export const publicMessageSchema = z.object({
  id: z.string(),
  at: instant,
  author: z.enum(['requester', 'agent']),
  body: z.string(),
  /** Files sent with the message, when there are any. */
  attachments: z.optional(z.array(attachmentInfoSchema)),
});

export type PublicMessage = z.infer<typeof publicMessageSchema>;

/**
 * What a requester may expect, from the ticket's SLA deadlines: instants
 * in UTC, to be shown in the reader's own time zone. A null field has
 * no running deadline (answered already, paused, or no target).
 */
export const publicExpectationSchema = z.object({
  firstResponseBy: z.nullable(instant),
  nextResponseBy: z.nullable(instant),
  resolutionBy: z.nullable(instant),
  /** The clocks are paused while the ticket waits. */
  paused: z.boolean(),
});

export type PublicExpectation = z.infer<typeof publicExpectationSchema>;

/**
 * The part of a ticket a requester may read: no internal notes, no
 * assignee, no other requester's data.
 */
export const publicTicketSchema = z.object({
  id: z.string(),
  ref: z.string(),
  version: z.number(),
  status: z.enum(STATUSES),
  pendingReason: z.nullable(z.enum(PENDING_REASONS)),
  subject: z.string(),
  category: z.nullable(z.string()),
  createdAt: instant,
  updatedAt: instant,
  resolvedAt: z.nullable(instant),
  closedAt: z.nullable(instant),
  resolution: z.nullable(z.object({ code: z.string(), note: z.string() })),
  reopenUntil: z.nullable(instant),
  satisfaction: z.nullable(
    z.object({ rating: z.number(), comment: z.nullable(z.string()) }),
  ),
  messages: z.array(publicMessageSchema),
  /** Null when the desk runs no SLA on this ticket. */
  expectation: z.optional(z.nullable(publicExpectationSchema)),
});

export type PublicTicket = z.infer<typeof publicTicketSchema>;

/** What `POST /api/v1/tickets` answers: the ticket and its access token. */
export const submitResponseSchema = z.object({
  ticket: publicTicketSchema,
  accessToken: z.string(),
});

export type SubmitResponse = z.infer<typeof submitResponseSchema>;
