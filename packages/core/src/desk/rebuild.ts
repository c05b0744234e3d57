import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';

/**
 * Rebuilds a ticket from its audit events alone: the first event holds
 * every field, each later one what it changed. A chained event's hash
 * becomes the ticket's `auditHash`.
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
    ...bookkeeping(first),
  } as Ticket;
  for (const event of rest) {
    ticket = { ...ticket, ...event.changes, ...bookkeeping(event) } as Ticket;
  }
  return ticket;
}

function bookkeeping(event: AuditEvent): Partial<Ticket> {
  return {
    version: event.version,
    updatedAt: event.at,
    ...(event.hash !== undefined && { auditHash: event.hash }),
  };
}
