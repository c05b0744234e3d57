import type { Ticket } from '../schemas/ticket.js';
import type { TicketQuery } from './types.js';

/** True when a ticket passes every filter of a query. */
export function matchesQuery(t: Ticket, q: TicketQuery): boolean {
  if (q.status && !q.status.includes(t.status)) return false;
  if (q.teamId !== undefined && t.teamId !== q.teamId) return false;
  if (q.assigneeId !== undefined && t.assigneeId !== q.assigneeId) return false;
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
