import type { AuditEvent, NewEvent, Ticket } from '@ticketry/core';

/**
 * The column values of a ticket row, named like the SQL parameters.
 * The columns copy the fields that lists filter and sort on; `body`
 * holds the whole ticket and is what reads return.
 */
export function ticketParams(ticket: Ticket) {
  return {
    site_id: ticket.siteId,
    id: ticket.id,
    ref: ticket.ref,
    version: ticket.version,
    status: ticket.status,
    team_id: ticket.teamId,
    assignee_id: ticket.assigneeId,
    requester_id: ticket.requesterId,
    priority: ticket.priority,
    category: ticket.category,
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    due_at: ticket.dueAt,
    body: JSON.stringify(ticket),
  };
}

/** Inserts a ticket row; pair with {@link ticketParams}. */
export const INSERT_TICKET = `
INSERT INTO tickets (site_id, id, ref, version, status, team_id,
  assignee_id, requester_id, priority, category, created_at, updated_at,
  due_at, body)
VALUES (@site_id, @id, @ref, @version, @status, @team_id, @assignee_id,
  @requester_id, @priority, @category, @created_at, @updated_at, @due_at,
  @body)`;

/** The column values of an event row; `seq` is left to SQLite. */
export function eventParams(event: NewEvent) {
  return {
    id: event.id,
    site_id: event.siteId,
    ticket_id: event.ticketId,
    version: event.version,
    body: JSON.stringify(event),
  };
}

/** Inserts an event row and answers its feed position. */
export const INSERT_EVENT = `
INSERT INTO events (id, site_id, ticket_id, version, body)
VALUES (@id, @site_id, @ticket_id, @version, @body)
RETURNING seq`;

/** A row that carries a JSON body. */
export interface BodyRow {
  body: string;
}

/** An event row as read back. */
export interface EventRow extends BodyRow {
  seq: number;
}

/** The ticket a row holds. */
export function toTicket(row: BodyRow): Ticket {
  return JSON.parse(row.body) as Ticket;
}

/** The event a row holds, numbered with its feed position. */
export function toEvent(row: EventRow): AuditEvent {
  return { ...(JSON.parse(row.body) as NewEvent), seq: row.seq };
}

/** Whatever record a row's body holds (people, teams). */
export function fromBody<T>(row: BodyRow | undefined): T | null {
  return row ? (JSON.parse(row.body) as T) : null;
}
