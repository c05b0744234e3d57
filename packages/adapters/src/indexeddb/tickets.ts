import {
  type AuditEvent,
  type CommitWrite,
  ConflictError,
  type CreateResult,
  type CreateWrite,
  type FeedPage,
  type Ticket,
  TicketryError,
  validationError,
} from '@ticketry/core';
import * as z from 'zod/mini';
import type { Session } from './connection.js';
import { storageError } from './errors.js';
import { heldReads } from './held-reads.js';
import { type EventRow, type IdempotencyRow, ticketRow } from './schema.js';

const count = z
  .int({ error: 'must be a whole number' })
  .check(z.minimum(0, { error: 'must not be negative' }));
const feedSchema = z.object({ after: count, limit: count });

/** Events of one ticket, in the `ticket` index's order (by version). */
const ticketEvents = (session: Session, siteId: string, ticketId: string) =>
  session.range.bound([siteId, ticketId], [siteId, ticketId, []]);

const numbered = (event: CreateWrite['event'], seq: IDBValidKey) =>
  ({ ...event, seq: seq as number }) satisfies AuditEvent;

// Thrown inside a create's transaction when its idempotency key is
// already there, so the transaction aborts before replying.
class KeySeen {
  constructor(readonly row: IdempotencyRow) {}
}

const noop = () => undefined;

/**
 * Tickets, events, idempotency keys and ref counters. Each write is
 * one read-write transaction over every store it touches, so a check
 * (a version, a key) and the write it guards commit together: IndexedDB
 * runs read-write transactions on the same stores one at a time.
 *
 * Writes are sent together with the read that guards them, and the
 * transaction is aborted when the read says no. Requests run in order
 * and a transaction cannot commit before every result has been handed
 * back, so nothing written this way can outlive a failed check; it
 * saves a round trip to the browser's storage process on every write.
 */
export function ticketOps(session: Session) {
  const held = heldReads(session);

  async function replay(
    seen: IdempotencyRow,
    fingerprint: string,
  ): Promise<CreateResult> {
    if (seen.fingerprint !== fingerprint) {
      throw new TicketryError(
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was used with a different request body',
      );
    }
    const [row, first] = await session.read(['tickets', 'events'], (tx) =>
      Promise.all([
        tx.objectStore('tickets').get([seen.siteId, seen.ticketId]),
        tx
          .objectStore('events')
          .index('ticket')
          .get(ticketEvents(session, seen.siteId, seen.ticketId)),
      ]),
    );
    if (!row || !first) {
      throw storageError(
        'failed',
        `idempotency key ${seen.key} names ticket ${seen.ticketId}, which is missing`,
      );
    }
    return { ticket: row.ticket, event: first, replayed: true };
  }

  const insert = (write: CreateWrite) =>
    session.write(['tickets', 'events', 'idempotency'], async (tx) => {
      const { ticket, event, idempotency } = write;
      const keys = tx.objectStore('idempotency');
      const seen = idempotency && keys.get([ticket.siteId, idempotency.key]);
      const writes = Promise.all([
        tx.objectStore('tickets').add(ticketRow(ticket)),
        tx.objectStore('events').add(event as EventRow),
        idempotency &&
          keys.add({
            siteId: ticket.siteId,
            key: idempotency.key,
            fingerprint: idempotency.fingerprint,
            ticketId: ticket.id,
            createdAt: ticket.createdAt,
          }),
      ]);
      writes.catch(noop);
      const prior = await seen;
      if (prior) throw new KeySeen(prior);
      const [, seq] = await writes;
      return { ticket, event: numbered(event, seq), replayed: false };
    });

  /** A commit in a transaction of its own that reads the version first. */
  const guardedCommit = (write: CommitWrite) =>
    session.write(['tickets', 'events'], async (tx) => {
      const { ticket, expectedVersion, event } = write;
      const tickets = tx.objectStore('tickets');
      const read = tickets.get([ticket.siteId, ticket.id]);
      const writes = Promise.all([
        tickets.put(ticketRow(ticket)),
        tx.objectStore('events').add(event as EventRow),
      ]);
      writes.catch(noop);
      const version = (await read)?.ticket.version ?? null;
      if (version !== expectedVersion) {
        throw new ConflictError(ticket.id, expectedVersion, version);
      }
      const [, seq] = await writes;
      return numbered(event, seq);
    });

  return {
    async create(write: CreateWrite): Promise<CreateResult> {
      try {
        return await insert(write);
      } catch (error) {
        if (!(error instanceof KeySeen)) throw error;
        return replay(error.row, write.idempotency!.fingerprint);
      }
    },

    async commit(write: CommitWrite): Promise<AuditEvent> {
      const seq = held.commit(write);
      return seq ? numbered(write.event, await seq) : guardedCommit(write);
    },

    get: held.get,

    getByRef: (siteId: string, ref: string): Promise<Ticket | null> =>
      session.read(['tickets'], async (tx) => {
        const index = tx.objectStore('tickets').index('ref');
        const row = await index.get([siteId, ref]);
        return row?.ticket ?? null;
      }),

    events: (siteId: string, ticketId: string): Promise<AuditEvent[]> =>
      session.read(['events'], async (tx) => {
        const index = tx.objectStore('events').index('ticket');
        const events = await index.getAll(
          ticketEvents(session, siteId, ticketId),
        );
        return events.sort((a, b) => a.seq - b.seq);
      }),

    async feed(after: number, limit: number): Promise<FeedPage> {
      const parsed = feedSchema.safeParse({ after, limit });
      if (!parsed.success) {
        throw validationError('feed position', parsed.error.issues);
      }
      // getAll treats a count of 0 as "no limit".
      if (limit === 0) return { events: [], cursor: after };
      const events = await session.read(['events'], (tx) =>
        tx
          .objectStore('events')
          .getAll(session.range.lowerBound(after, true), limit),
      );
      return { events, cursor: events[events.length - 1]?.seq ?? after };
    },

    nextRef: (siteId: string): Promise<number> =>
      session.write(['counters'], async (tx) => {
        const counters = tx.objectStore('counters');
        const value = ((await counters.get(siteId))?.value ?? 1000) + 1;
        await counters.put({ siteId, value });
        return value;
      }),

    findIdempotency: (siteId: string, key: string) =>
      session.read(['idempotency'], async (tx) => {
        const row = await tx.objectStore('idempotency').get([siteId, key]);
        return row
          ? { ticketId: row.ticketId, fingerprint: row.fingerprint }
          : null;
      }),
  };
}
