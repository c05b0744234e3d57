import {
  agentSchema,
  auditEventSchema,
  idSchema,
  labelSchema,
  PRIORITIES,
  publicTicketSchema,
  replyInputSchema,
  STATUSES,
  TICKET_SORTS,
  teamSchema,
  ticketSchema,
} from '@ticketry/core';
import { z } from 'zod';

/** Largest page `GET /tickets` serves. */
export const MAX_PAGE = 100;

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1);

/**
 * The query of `GET /tickets`. `status` and `priority` take several
 * values, repeated or comma-separated; unknown parameters are refused
 * so a misspelt filter cannot silently return everything.
 */
export const listQuerySchema = z.strictObject({
  status: list(z.enum(STATUSES)).optional(),
  teamId: idSchema.optional(),
  assigneeId: idSchema.optional(),
  unassigned: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only tickets with no assignee, whatever their status'),
  priority: list(z.enum(PRIORITIES)).optional(),
  category: labelSchema.optional(),
  dueBefore: z.iso.datetime().optional(),
  sort: z.enum(TICKET_SORTS).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'limit must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_PAGE))
    .optional(),
  cursor: z.string().min(1).max(512).optional(),
});

/** Query parameters that may hold several values. */
export const MULTI_VALUED = new Set(['status', 'priority']);

/**
 * A message on a ticket: the requester's reply schema, plus the
 * visibility only agents may set (`internal` makes it a note).
 */
export const messageInputSchema = z.object({
  ...replyInputSchema.shape,
  visibility: z.enum(['public', 'internal']).optional(),
});

/** Every error answer. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(
        z.looseObject({
          code: z.string(),
          path: z.array(z.union([z.string(), z.number()])),
          message: z.string(),
        }),
      )
      .optional(),
  }),
});

/** An agent's answer to a command or message: the ticket and its event. */
export const commandResultSchema = z.object({
  ticket: ticketSchema,
  event: auditEventSchema,
});

/**
 * A requester's answer to a command or message. `accessToken` comes
 * only when a reply to a closed ticket opened a follow-up ticket.
 */
export const publicResultSchema = z.object({
  ticket: publicTicketSchema,
  accessToken: z.string().optional(),
});

/** One page of `GET /tickets`. */
export const ticketPageSchema = z.object({
  items: z.array(ticketSchema),
  nextCursor: z.string().nullable(),
});

/** The audit trail of one ticket. */
export const eventListSchema = z.object({ events: z.array(auditEventSchema) });

/** A new agent and its API key, shown this once. */
export const agentCreatedSchema = z.object({
  agent: agentSchema,
  apiKey: z.string(),
});

/** Every agent of the desk. */
export const agentListSchema = z.object({ items: z.array(agentSchema) });

/** A new team. */
export const teamCreatedSchema = z.object({ team: teamSchema });

/** Every team of the desk. */
export const teamListSchema = z.object({ items: z.array(teamSchema) });
