import type { NewEvent, Ticket } from '@ticketry/core';
import { validationError } from '@ticketry/core';
import { unwrap } from 'idb';
import * as z from 'zod/mini';
import type { Session } from './connection.js';
import { type EventRow, ticketRow } from './schema.js';

/** A ticket with its history, as {@link importTickets} takes it. */
export interface ImportRecord {
  ticket: Ticket;
  /** Its events, oldest first; the last one is at the ticket's version. */
  events: NewEvent[];
}

/** What an import wrote. */
export interface ImportResult {
  tickets: number;
  events: number;
  /** The feed position of the last event written. */
  lastSeq: number;
}

const id = z
  .string({ error: 'must be a string' })
  .check(z.minLength(1, { error: 'must not be empty' }));
const version = z
  .int({ error: 'must be a whole number' })
  .check(z.minimum(1, { error: 'must be at least 1' }));
const recordSchema = z
  .object({
    ticket: z.looseObject({ siteId: id, id, ref: id, version }),
    events: z
      .array(z.looseObject({ id, siteId: id, ticketId: id, version }))
      .check(z.minLength(1, { error: 'a ticket needs at least one event' })),
  })
  .check(
    z.refine(
      // An empty list already has its own issue.
      ({ ticket, events }) =>
        events.length === 0 ||
        (events.every(
          (e, i) =>
            e.siteId === ticket.siteId &&
            e.ticketId === ticket.id &&
            (i === 0 || e.version > events[i - 1]!.version),
        ) &&
          events[events.length - 1]!.version === ticket.version),
      {
        error:
          "events must belong to the ticket, in rising versions, the last at the ticket's version",
        path: ['events'],
      },
    ),
  );
const importSchema = z.array(recordSchema);

/**
 * Writes many tickets with their events in one read-write transaction:
 * all of them or, when any fails (an id or ref that exists, an event
 * id seen before, a full disk), none. Events join the change feed in
 * the order given. Much faster than one `createTicket` per ticket, as
 * the browser commits once; split very large imports into calls of a
 * few thousand tickets to bound the memory a transaction holds.
 */
export async function importTickets(
  session: Session,
  records: readonly ImportRecord[],
): Promise<ImportResult> {
  const parsed = importSchema.safeParse(records);
  if (!parsed.success) {
    throw validationError('ticket import', parsed.error.issues);
  }
  if (records.length === 0) return { tickets: 0, events: 0, lastSeq: 0 };
  return session.write(['tickets', 'events'], async (tx) => {
    // The browser's own requests, without a promise and two listeners
    // each: at thousands of rows those cost the page more than the
    // requests do. A failed request aborts the transaction, and `done`
    // rejects with its error.
    const native = unwrap(tx) as unknown as IDBTransaction;
    const tickets = native.objectStore('tickets');
    const events = native.objectStore('events');
    let last: IDBRequest<IDBValidKey> | undefined;
    let eventCount = 0;
    for (const record of records) {
      tickets.add(ticketRow(record.ticket));
      for (const event of record.events) {
        last = events.add(event as EventRow);
        eventCount += 1;
      }
    }
    await tx.done;
    return {
      tickets: records.length,
      events: eventCount,
      lastSeq: last?.result as number,
    };
  });
}
