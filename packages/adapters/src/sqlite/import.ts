import {
  auditEventSchema,
  type NewEvent,
  type Ticket,
  ticketSchema,
  validationError,
} from '@ticketry/core';
import type Database from 'better-sqlite3';
import { z } from 'zod';
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

/**
 * From this many tickets in one call, and when the call at least
 * doubles the table, the ticket table's list indexes are dropped before
 * the rows go in and built again after, in the same transaction:
 * building an index from sorted rows is much faster than growing it
 * row by row. Other connections keep reading the last commit, indexes
 * and all, and see the new rows with their indexes at commit.
 */
export const REINDEX_FROM = 5_000;

// Rows per INSERT: one statement binds many rows, prepared once per
// size, so SQLite parses and better-sqlite3 crosses into C++ far less.
const TICKET_ROWS = 100;
const EVENT_ROWS = 200;

const TICKET_COLUMNS = `site_id, id, ref, version, status, team_id,
  assignee_id, requester_id, priority, category, created_at, updated_at,
  due_at, body`;

const valuesOf = (width: number, rows: number) => {
  const row = `(${new Array(width).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(',\n');
};

const insertTickets = (rows: number) =>
  `INSERT INTO tickets (${TICKET_COLUMNS}) VALUES ${valuesOf(14, rows)}`;

const insertEvents = (rows: number) =>
  `INSERT INTO events (id, site_id, ticket_id, version, body)
  VALUES ${valuesOf(5, rows)}`;

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

const pushTicket = (values: unknown[], t: Ticket) => {
  values.push(
    t.siteId,
    t.id,
    t.ref,
    t.version,
    t.status,
    t.teamId,
    t.assigneeId,
    t.requesterId,
    t.priority,
    t.category,
    t.createdAt,
    t.updatedAt,
    t.dueAt,
    JSON.stringify(t),
  );
};

const pushEvent = (values: unknown[], e: NewEvent) => {
  values.push(e.id, e.siteId, e.ticketId, e.version, JSON.stringify(e));
};

/**
 * The bulk import of the SQLite store: every item of a call is written
 * in one IMMEDIATE transaction, many rows per INSERT, so a call is all
 * or nothing. A large call into a small table rebuilds the list
 * indexes after the rows go in ({@link REINDEX_FROM}). A ticket or
 * event id that exists already fails the whole call (a StorageError,
 * nothing written); events join the feed in the order given.
 */
export function importOps(db: Database.Database, prepare: Prepare) {
  /** Inserts `rows` in statements of up to `per` rows each. */
  function insertAll<T>(
    rows: readonly T[],
    per: number,
    sql: (rows: number) => string,
    push: (values: unknown[], row: T) => void,
  ): number {
    let last = 0;
    for (let at = 0; at < rows.length; at += per) {
      const chunk = rows.slice(at, at + per);
      const values: unknown[] = [];
      for (const row of chunk) push(values, row);
      last = Number(prepare(sql(chunk.length)).run(values).lastInsertRowid);
    }
    return last;
  }

  /** The ticket table's own indexes (not its keys), to drop and rebuild. */
  function listIndexes() {
    return prepare(
      `SELECT name, sql FROM sqlite_schema
       WHERE type = 'index' AND tbl_name = 'tickets' AND sql IS NOT NULL`,
    ).all() as { name: string; sql: string }[];
  }

  function worthRebuilding(count: number) {
    if (count < REINDEX_FROM) return false;
    const { size } = prepare(
      'SELECT coalesce(max(rowid), 0) AS size FROM tickets',
    ).get() as { size: number };
    return size <= count;
  }

  const write = db.transaction((items: readonly ImportItem[]) => {
    const rebuilt = worthRebuilding(items.length) ? listIndexes() : [];
    for (const { name } of rebuilt) db.exec(`DROP INDEX "${name}"`);
    insertAll(
      items.map((item) => item.ticket),
      TICKET_ROWS,
      insertTickets,
      pushTicket,
    );
    const events = items.flatMap((item) => item.events);
    const lastSeq = insertAll(events, EVENT_ROWS, insertEvents, pushEvent);
    for (const { sql } of rebuilt) db.exec(sql);
    return { tickets: items.length, events: events.length, lastSeq };
  });

  return (items: readonly ImportItem[]): ImportResult => {
    const parsed = importSchema.safeParse(items);
    if (!parsed.success) throw validationError('import', parsed.error.issues);
    if (items.length === 0) return { tickets: 0, events: 0, lastSeq: 0 };
    // The items, not the parsed copy: the copy holds only checked fields.
    return write.immediate(items);
  };
}
