import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';

/**
 * Rebuilds a ticket from its audit events alone: the first event holds
 * every field, each later one what it changed.
 *
 * @example
 * const ticket = rebuildTicket(await store.listEvents(siteId, id));
 */
export function rebuildTicket(events: readonly AuditEvent[]): Ticket | null {
  const [first, ...rest] = events;
  if (!first) return null;
  let ticket = {
    ...first.changes,
    id: first.ticketId,
    siteId: first.siteId,
    version: first.version,
    updatedAt: first.at,
  } as Ticket;
  for (const event of rest) {
    ticket = {
      ...ticket,
      ...event.changes,
      version: event.version,
      updatedAt: event.at,
    } as Ticket;
  }
  return ticket;
}
