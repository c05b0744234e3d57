import { z } from 'zod';
import { validationError } from '../errors.js';
import { STATUSES } from '../public/vocabulary.js';
import { PRIORITIES } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import { TICKET_SORTS, type TicketQuery } from './types.js';

/** True when a ticket passes every filter of a query. */
export function matchesQuery(t: Ticket, q: TicketQuery): boolean {
  if (q.status && !q.status.includes(t.status)) return false;
  if (q.teamId !== undefined && t.teamId !== q.teamId) return false;
  if (q.assigneeId !== undefined && t.assigneeId !== q.assigneeId) return false;
  if (q.unassigned && t.assigneeId) return false;
  if (q.requesterId !== undefined && t.requesterId !== q.requesterId) {
    return false;
  }
  if (q.priority && (!t.priority || !q.priority.includes(t.priority))) {
    return false;
  }
  if (q.category !== undefined && t.category !== q.category) return false;
  if (q.dueBefore !== undefined && (!t.dueAt || t.dueAt > q.dueBefore)) {
    return false;
  }
  return true;
}

/**
 * The shape of a {@link TicketQuery} with its defaults (newest first,
 * 50 a page), for adapters that build a query from it: one definition,
 * so every backend refuses the same malformed queries.
 */
export const ticketQuerySchema = z.object({
  status: z.array(z.enum(STATUSES)).optional(),
  teamId: z.string().optional(),
  assigneeId: z.string().optional(),
  unassigned: z.boolean().optional(),
  requesterId: z.string().optional(),
  priority: z.array(z.enum(PRIORITIES)).optional(),
  category: z.string().optional(),
  dueBefore: z.string().optional(),
  sort: z.enum(TICKET_SORTS).default('-createdAt'),
  limit: z.number().int().min(0).default(50),
  cursor: z.string().nullable().optional(),
});

/** A query after {@link parseTicketQuery}: defaults filled in. */
export type ParsedTicketQuery = z.output<typeof ticketQuerySchema>;

/** Checks a query, filling defaults; VALIDATION_FAILED names the field. */
export function parseTicketQuery(
  query: TicketQuery | undefined,
): ParsedTicketQuery {
  const parsed = ticketQuerySchema.safeParse(query ?? {});
  if (!parsed.success)
    throw validationError('ticket query', parsed.error.issues);
  return parsed.data;
}
