import type { CommitWrite, Ticket } from '@ticketry/core';
import type { Session, WriteTx } from './connection.js';
import { type EventRow, ticketRow } from './schema.js';

/** A ticket read in a read-write transaction that may still be active. */
interface Held {
  tx: WriteTx;
  version: number;
}

const keyOf = (siteId: string, id: string) => `${siteId}\u0000${id}`;

/** Whether a request was refused because its transaction had ended. */
const ended = (error: unknown) => {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TransactionInactiveError' || name === 'InvalidStateError';
};

const noop = () => undefined;

/**
 * Ticket reads that a commit in the same turn can write into.
 *
 * The desk reads a ticket, works out the change and commits it without
 * waiting on anything else in between (only promise continuations). A
 * read-write transaction stays active through those continuations, so
 * when the read ran in one, the commit adds its writes to it: one
 * transaction and one read per command instead of two of each, which
 * is most of what a command costs in the browser. The version check
 * stays exact, because no other writer can touch the tickets store
 * while that transaction lives. A commit that comes later, or for a
 * version other than the one read, finds nothing usable and writes in
 * a guarded transaction of its own, as before.
 *
 * The price: `getTicket` takes a read-write transaction, so two reads
 * of the tickets store no longer run side by side, and a read that is
 * not followed by a commit ends with an empty commit (in Chromium about
 * what a read-only transaction costs, with no flush even when strict).
 */
export function heldReads(session: Session) {
  const held = new Map<string, Held>();

  function remember(tx: WriteTx, siteId: string, id: string, version: number) {
    const key = keyOf(siteId, id);
    held.set(key, { tx, version });
    const forget = () => {
      if (held.get(key)?.tx === tx) held.delete(key);
    };
    tx.done.then(forget, forget);
  }

  return {
    /** Reads a ticket in a read-write transaction left open for a commit. */
    get: (siteId: string, id: string): Promise<Ticket | null> =>
      session.hold(['tickets', 'events'], async (tx) => {
        const row = await tx.objectStore('tickets').get([siteId, id]);
        if (!row) return null;
        remember(tx, siteId, id, row.ticket.version);
        return row.ticket;
      }),

    /**
     * Writes ticket and event into the transaction the ticket was read
     * in and resolves with the event's feed position once it commits;
     * answers null, having written nothing, when that transaction has
     * ended or read another version.
     */
    commit(write: CommitWrite): Promise<number> | null {
      const { ticket, expectedVersion, event } = write;
      const key = keyOf(ticket.siteId, ticket.id);
      const entry = held.get(key);
      if (!entry || entry.version !== expectedVersion) return null;
      held.delete(key);
      const { tx } = entry;
      let put: Promise<unknown>;
      try {
        put = tx.objectStore('tickets').put(ticketRow(ticket));
      } catch (error) {
        if (ended(error)) return null;
        throw error;
      }
      put.catch(noop);
      let added: Promise<IDBValidKey>;
      try {
        added = tx.objectStore('events').add(event as EventRow);
      } catch (error) {
        // The ticket is already on its way: undo it with the rest.
        tx.abort();
        throw error;
      }
      return Promise.all([put, added, tx.done]).then(
        ([, seq]) => seq as number,
      );
    },
  };
}
