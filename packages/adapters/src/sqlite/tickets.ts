import {
  type AuditEvent,
  type CommitWrite,
  ConflictError,
  type CreateResult,
  type CreateWrite,
  encodeCursor,
  type FeedPage,
  type Ticket,
  type TicketPage,
  type TicketQuery,
  TicketryError,
  validationError,
} from '@ticketry/core';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { listSql } from './list.js';
import {
  type BodyRow,
  type EventRow,
  eventParams,
  INSERT_EVENT,
  INSERT_TICKET,
  ticketParams,
  toEvent,
  toTicket,
} from './rows.js';
import type { Prepare } from './statements.js';

// The columns a commit may change besides version, updated_at and body.
const COPIED = [
  'ref',
  'status',
  'team_id',
  'assignee_id',
  'requester_id',
  'priority',
  'category',
  'created_at',
  'due_at',
] as const;

type CopiedRow = Record<(typeof COPIED)[number], unknown> & { version: number };

const READ_COPIED = `SELECT version, ${COPIED.join(', ')} FROM tickets
WHERE site_id = ? AND id = ?`;

const READ_VERSION = 'SELECT version FROM tickets WHERE site_id = ? AND id = ?';

// A row's copied columns at a given version never change afterwards:
// every write names the version it replaces and moves it on. So the
// values seen when a ticket was read or committed, kept with their
// version, stand in for reading them again in the commit that follows.
// Bounded: cleared whole when full, like the statement cache.
const MAX_KNOWN = 4096;

const knownKey = (siteId: string, id: string) => `${siteId}\u0000${id}`;

/** The version and copied column values of a ticket, as read back. */
const copiedOf = (t: Ticket): CopiedRow => ({
  version: t.version,
  ref: t.ref,
  status: t.status,
  team_id: t.teamId,
  assignee_id: t.assigneeId,
  requester_id: t.requesterId,
  priority: t.priority,
  category: t.category,
  created_at: t.createdAt,
  due_at: t.dueAt,
});

// SQLite rewrites the entries of every index on a column named in SET,
// whether its value changed or not, so a commit names only the columns
// that changed: most commands touch one index, not all of them.
const updateSql = (changed: readonly string[]) =>
  `UPDATE tickets SET version = ?, updated_at = ?, body = ?${changed.map((c) => `, ${c} = ?`).join('')}
WHERE site_id = ? AND id = ? AND version = ?`;

const feedSchema = z.object({
  after: z.number().int().min(0),
  limit: z.number().int().min(0),
});

/**
 * The ticket half of the store, as synchronous calls over one
 * connection. Writes run in IMMEDIATE transactions: they take the write
 * lock before reading, so a check (a version, an idempotency key) and
 * the write it guards cannot be split by another process.
 */
export function ticketOps(db: Database.Database, prepare: Prepare) {
  const one = <T>(sql: string, ...params: unknown[]) =>
    prepare(sql).get(...params) as T | undefined;

  function insertEvent(event: CreateWrite['event']): AuditEvent {
    const params = eventParams(event);
    const { seq } = prepare(INSERT_EVENT).get(params) as { seq: number };
    return toEvent({ body: params.body, seq });
  }

  function replay(write: CreateWrite): CreateResult | null {
    const { ticket, idempotency } = write;
    if (!idempotency) return null;
    const seen = one<{ fingerprint: string; ticket_id: string }>(
      'SELECT fingerprint, ticket_id FROM idempotency WHERE site_id = ? AND key = ?',
      ticket.siteId,
      idempotency.key,
    );
    if (!seen) return null;
    if (seen.fingerprint !== idempotency.fingerprint) {
      throw new TicketryError(
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was used with a different request body',
      );
    }
    const first = one<BodyRow>(
      'SELECT body FROM tickets WHERE site_id = ? AND id = ?',
      ticket.siteId,
      seen.ticket_id,
    )!;
    const firstEvent = one<EventRow>(
      'SELECT seq, body FROM events WHERE site_id = ? AND ticket_id = ? ORDER BY seq LIMIT 1',
      ticket.siteId,
      seen.ticket_id,
    )!;
    return {
      ticket: toTicket(first),
      event: toEvent(firstEvent),
      replayed: true,
    };
  }

  const create = db.transaction((write: CreateWrite): CreateResult => {
    const replayed = replay(write);
    if (replayed) return replayed;
    const { ticket, idempotency } = write;
    const params = ticketParams(ticket);
    prepare(INSERT_TICKET).run(params);
    const event = insertEvent(write.event);
    if (idempotency) {
      prepare(
        `INSERT INTO idempotency (site_id, key, fingerprint, ticket_id, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ).run(
        ticket.siteId,
        idempotency.key,
        idempotency.fingerprint,
        ticket.id,
        ticket.createdAt,
      );
    }
    return { ticket: toTicket(params), event, replayed: false };
  });

  const known = new Map<string, CopiedRow>();
  const remember = (ticket: Ticket) => {
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(knownKey(ticket.siteId, ticket.id), copiedOf(ticket));
  };

  const conflict = (write: CommitWrite, version: number | null) =>
    new ConflictError(write.ticket.id, write.expectedVersion, version);

  const commit = db.transaction((write: CommitWrite): AuditEvent => {
    const { ticket, expectedVersion } = write;
    const key = knownKey(ticket.siteId, ticket.id);
    let before = known.get(key);
    if (before?.version !== expectedVersion) {
      before = one<CopiedRow>(READ_COPIED, ticket.siteId, ticket.id);
      if (before?.version !== expectedVersion) {
        throw conflict(write, before?.version ?? null);
      }
    }
    const params = ticketParams(ticket);
    const changed = COPIED.filter((c) => params[c] !== before[c]);
    const { changes } = prepare(updateSql(changed)).run(
      params.version,
      params.updated_at,
      params.body,
      ...changed.map((c) => params[c]),
      params.site_id,
      params.id,
      expectedVersion,
    );
    if (changes !== 1) {
      // Another writer moved the row on since this store last saw it.
      known.delete(key);
      const now = one<{ version: number }>(
        READ_VERSION,
        ticket.siteId,
        ticket.id,
      );
      throw conflict(write, now?.version ?? null);
    }
    return insertEvent(write.event);
  });

  return {
    create: (write: CreateWrite) => create.immediate(write),
    commit(write: CommitWrite): AuditEvent {
      const event = commit.immediate(write);
      // Only once committed: a rolled-back write must not be remembered.
      remember(write.ticket);
      return event;
    },

    get(siteId: string, id: string): Ticket | null {
      const row = one<BodyRow>(
        'SELECT body FROM tickets WHERE site_id = ? AND id = ?',
        siteId,
        id,
      );
      if (!row) return null;
      const ticket = toTicket(row);
      remember(ticket);
      return ticket;
    },

    getByRef(siteId: string, ref: string): Ticket | null {
      const row = one<BodyRow>(
        'SELECT body FROM tickets WHERE site_id = ? AND ref = ?',
        siteId,
        ref,
      );
      return row ? toTicket(row) : null;
    },

    list(siteId: string, query: TicketQuery): TicketPage {
      const { sql, params, sort, limit } = listSql(siteId, query);
      const rows = prepare(sql).all(...params) as BodyRow[];
      const items = rows.slice(0, limit).map(toTicket);
      const last = items[items.length - 1];
      const more = rows.length > limit && last;
      return { items, nextCursor: more ? encodeCursor(last, sort) : null };
    },

    events(siteId: string, ticketId: string): AuditEvent[] {
      const rows = prepare(
        'SELECT seq, body FROM events WHERE site_id = ? AND ticket_id = ? ORDER BY seq',
      ).all(siteId, ticketId) as EventRow[];
      return rows.map(toEvent);
    },

    feed(after: number, limit: number): FeedPage {
      const parsed = feedSchema.safeParse({ after, limit });
      if (!parsed.success) {
        throw validationError('feed position', parsed.error.issues);
      }
      const rows = prepare(
        'SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
      ).all(after, limit) as EventRow[];
      const events = rows.map(toEvent);
      return { events, cursor: events[events.length - 1]?.seq ?? after };
    },

    nextRef(siteId: string): number {
      const row = one<{ value: number }>(
        `INSERT INTO counters (site_id, value) VALUES (?, 1001)
         ON CONFLICT (site_id) DO UPDATE SET value = value + 1
         RETURNING value`,
        siteId,
      );
      return row!.value;
    },

    findIdempotency(siteId: string, key: string) {
      const seen = one<{ fingerprint: string; ticket_id: string }>(
        'SELECT fingerprint, ticket_id FROM idempotency WHERE site_id = ? AND key = ?',
        siteId,
        key,
      );
      return seen
        ? { ticketId: seen.ticket_id, fingerprint: seen.fingerprint }
        : null;
    },
  };
}
