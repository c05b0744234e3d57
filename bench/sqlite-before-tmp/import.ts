import {
  auditEventSchema,
  type NewEvent,
  type Ticket,
  ticketSchema,
  validationError,
} from '@ticketry/core';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  eventParams,
  INSERT_EVENT,
  INSERT_TICKET,
  ticketParams,
} from './rows.js';
import type { Prepare } from './statements.js';

/** A ticket with its whole history, for `importTickets`. */
export interface ImportItem {
  ticket: Ticket;
  /** Its events in order: versions 1 … `ticket.version`. */
  events: NewEvent[];
}

/** What `importTickets` wrote. */
export interface ImportResult {
  tickets: number;
  events: number;
  /** The feed position of the last event written (0: none). */
  lastSeq: number;
}

/** The most items one call takes: one transaction holds them all. */
export const IMPORT_LIMIT = 100_000;

// The fields the row's columns copy are checked against core's schemas,
// so a wrong one is a ValidationError naming it rather than a
// constraint failure or a row that lists wrongly; the rest of the
// ticket is stored as given, as the other adapters' imports do.
const columnsSchema = ticketSchema.pick({
  id: true,
  siteId: true,
  ref: true,
  version: true,
  status: true,
  requesterId: true,
  teamId: true,
  assigneeId: true,
  priority: true,
  category: true,
  createdAt: true,
  updatedAt: true,
  dueAt: true,
});

const eventKeysSchema = auditEventSchema.pick({
  id: true,
  siteId: true,
  ticketId: true,
  version: true,
});

const itemSchema = z
  .object({ ticket: columnsSchema, events: z.array(eventKeysSchema) })
  .refine(
    ({ ticket, events }) =>
      events.length === ticket.version &&
      events.every(
        (e, i) =>
          e.version === i + 1 &&
          e.ticketId === ticket.id &&
          e.siteId === ticket.siteId,
      ),
    {
      message: 'events must be versions 1 … ticket.version of the ticket',
      path: ['events'],
    },
  );

const importSchema = z.array(itemSchema).max(IMPORT_LIMIT);

/**
 * The bulk import of the SQLite store: every item of a call is written
 * in one IMMEDIATE transaction with the store's prepared statements,
 * so a call is all or nothing. A ticket or event id that exists
 * already fails the whole call (a StorageError, nothing written);
 * events join the feed in the order given.
 */
export function importOps(db: Database.Database, prepare: Prepare) {
  const write = db.transaction((items: readonly ImportItem[]) => {
    const result: ImportResult = { tickets: 0, events: 0, lastSeq: 0 };
    const insertTicket = prepare(INSERT_TICKET);
    const insertEvent = prepare(INSERT_EVENT);
    for (const { ticket, events } of items) {
      insertTicket.run(ticketParams(ticket));
      for (const event of events) {
        const row = insertEvent.get(eventParams(event)) as { seq: number };
        result.lastSeq = row.seq;
      }
      result.tickets += 1;
      result.events += events.length;
    }
    return result;
  });

  return (items: readonly ImportItem[]): ImportResult => {
    const parsed = importSchema.safeParse(items);
    if (!parsed.success) throw validationError('import', parsed.error.issues);
    if (items.length === 0) return { tickets: 0, events: 0, lastSeq: 0 };
    // The items, not the parsed copy: the copy holds only checked fields.
    return write.immediate(items);
  };
}
