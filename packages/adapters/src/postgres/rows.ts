import type { AuditEvent, NewEvent, Ticket } from '@ticketry/core';

/** The ticket columns in the order of {@link ticketParams}. */
export const TICKET_COLUMNS =
  'site_id, id, ref, version, status, team_id, assignee_id, requester_id, ' +
  'priority, category, created_at, updated_at, due_at, search, body';

/**
 * The search vector from `$14` (subject) and `$15` (description):
 * words of the subject weigh more, so they rank first.
 */
export const SEARCH_VECTOR =
  "setweight(to_tsvector('simple', $14::text), 'A') || " +
  "setweight(to_tsvector('simple', $15::text), 'B')";

/** `$1 … $16` typed for {@link TICKET_COLUMNS}. */
export const TICKET_VALUES =
  '$1::text, $2::text, $3::text, $4::int, $5::text, $6::text, $7::text, ' +
  '$8::text, $9::text, $10::text, $11::text, $12::text, $13::text, ' +
  `${SEARCH_VECTOR}, $16::text`;

// PostgreSQL text cannot hold U+0000; the search column drops it, while
// the JSON body keeps it escaped, so reads return it untouched.
const searchable = (text: string) => text.replaceAll('\u0000', ' ');

/**
 * The column values of a ticket, as `$1 … $16`. The columns copy what
 * lists filter, sort and search on; `body` holds the whole ticket as
 * JSON text and is what reads return.
 */
export function ticketParams(ticket: Ticket): unknown[] {
  return [
    ticket.siteId,
    ticket.id,
    ticket.ref,
    ticket.version,
    ticket.status,
    ticket.teamId,
    ticket.assigneeId,
    ticket.requesterId,
    ticket.priority,
    ticket.category,
    ticket.createdAt,
    ticket.updatedAt,
    ticket.dueAt,
    searchable(ticket.subject),
    searchable(ticket.description),
    JSON.stringify(ticket),
  ];
}

/** A row that carries a JSON body. */
export interface BodyRow {
  body: string;
}

/** An event row as read back; pg answers bigint as a string. */
export interface EventRow extends BodyRow {
  seq: number | string;
}

/** The ticket a row holds. */
export const toTicket = (row: BodyRow): Ticket => JSON.parse(row.body);

/** The event a row holds, numbered with its feed position. */
export function toEvent(row: EventRow): AuditEvent {
  return { ...(JSON.parse(row.body) as NewEvent), seq: Number(row.seq) };
}

/** Whatever record a row's body holds (people, teams). */
export function fromBody<T>(row: BodyRow | undefined): T | null {
  return row ? (JSON.parse(row.body) as T) : null;
}
