import {
  type AuditEvent,
  type CommitWrite,
  ConflictError,
  type CreateResult,
  type CreateWrite,
  StorageError,
  TicketryError,
} from '@ticketry/core';
import type { Line } from './lines.js';
import type { LogFile } from './log-file.js';
import { BACKEND } from './options.js';
import type { MemoryIndex } from './state.js';

/** A deep copy, so callers never hold the objects the indexes keep. */
export const copy = <T>(value: T): T => structuredClone(value);

/**
 * The writes of the store. Each one runs alone (the caller queues
 * them): it checks the indexes, appends one line, then applies that
 * line to the indexes. A write is answered only once its line is in
 * the file, and reads see only what is in the file.
 */
export function writer(log: LogFile, index: MemoryIndex) {
  /** Appends a line and applies the copy that was written. */
  async function persist<L extends Line>(line: L): Promise<L> {
    const text = JSON.stringify(line);
    await log.append(text);
    const written = JSON.parse(text) as L;
    index.apply(written);
    return written;
  }

  /** The first ticket of an idempotency key, or null for a new key. */
  function replay(write: CreateWrite): CreateResult | null {
    const { ticket, idempotency } = write;
    if (!idempotency) return null;
    const seen = index.keys.get(ticket.siteId)?.get(idempotency.key);
    if (!seen) return null;
    if (seen.fingerprint !== idempotency.fingerprint) {
      throw new TicketryError(
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was used with a different request body',
      );
    }
    const first = index.tickets.get(ticket.siteId)?.get(seen.ticketId);
    const events = index.events.get(ticket.siteId)?.get(seen.ticketId);
    if (!first || !events?.[0]) {
      throw new StorageError(BACKEND, `key ${idempotency.key} lost its ticket`);
    }
    return { ticket: copy(first), event: copy(events[0]), replayed: true };
  }

  /** Refuses an event id that is already stored, in any site. */
  function checkEventId(event: { id: string }) {
    if (index.eventIds.has(event.id)) {
      throw new StorageError(BACKEND, `event ${event.id} is already stored`);
    }
  }

  return {
    async createTicket(write: CreateWrite): Promise<CreateResult> {
      const replayed = replay(write);
      if (replayed) return replayed;
      const { ticket, event, idempotency } = write;
      if (index.tickets.get(ticket.siteId)?.has(ticket.id)) {
        throw new StorageError(BACKEND, `ticket ${ticket.id} already exists`);
      }
      if (index.refs.get(ticket.siteId)?.has(ticket.ref)) {
        throw new StorageError(BACKEND, `ref ${ticket.ref} is already used`);
      }
      checkEventId(event);
      const line = await persist({
        k: 'create',
        ticket,
        event: { ...event, seq: index.lastSeq + 1 },
        ...(idempotency && {
          idempotency: {
            key: idempotency.key,
            fingerprint: idempotency.fingerprint,
          },
        }),
      });
      return {
        ticket: copy(line.ticket),
        event: copy(line.event),
        replayed: false,
      };
    },

    async commit(write: CommitWrite): Promise<AuditEvent> {
      const { ticket, expectedVersion, event } = write;
      const current = index.tickets.get(ticket.siteId)?.get(ticket.id);
      if (current?.version !== expectedVersion) {
        const version = current?.version ?? null;
        throw new ConflictError(ticket.id, expectedVersion, version);
      }
      checkEventId(event);
      const line = await persist({
        k: 'commit',
        ticket,
        event: { ...event, seq: index.lastSeq + 1 },
      });
      return copy(line.event);
    },

    async nextRef(siteId: string): Promise<number> {
      const value = (index.counters.get(siteId) ?? 1000) + 1;
      await persist({ k: 'ref', siteId, value });
      return value;
    },

    /** Inserts or replaces a requester, agent, team, credential or token. */
    async put(line: Line): Promise<void> {
      await persist(line);
    },
  };
}
