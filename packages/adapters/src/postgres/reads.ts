import {
  type AuditEvent,
  encodeCursor,
  type FeedPage,
  type Ticket,
  type TicketPage,
  type TicketQuery,
  validationError,
} from '@ticketry/core';
import { z } from 'zod';
import type { StoreContext } from './context.js';
import { listSql } from './list.js';
import { type BodyRow, type EventRow, toEvent, toTicket } from './rows.js';

const feedSchema = z.object({
  after: z.number().int().min(0),
  limit: z.number().int().min(0),
});

/** An event with the id of the store that wrote it. */
export interface OriginEvent {
  event: AuditEvent;
  origin: string | null;
}

/** Reading tickets, events and the feed; numbering tickets. */
export function readOps(ctx: StoreContext) {
  const { driver, s } = ctx;
  const sql = {
    get: `SELECT body FROM ${s}.tickets WHERE site_id = $1 AND id = $2`,
    byRef: `SELECT body FROM ${s}.tickets WHERE site_id = $1 AND ref = $2`,
    events: `SELECT seq, body FROM ${s}.events
      WHERE site_id = $1 AND ticket_id = $2 ORDER BY version`,
    feed: `SELECT seq, body, origin FROM ${s}.events
      WHERE seq > $1 ORDER BY seq LIMIT $2`,
    nextRef: `INSERT INTO ${s}.counters (site_id, value) VALUES ($1, 1001)
      ON CONFLICT (site_id) DO UPDATE SET value = counters.value + 1
      RETURNING value`,
  };

  async function feedRows(after: number, limit: number) {
    const parsed = feedSchema.safeParse({ after, limit });
    if (!parsed.success) {
      throw validationError('feed position', parsed.error.issues);
    }
    return driver.query<EventRow & { origin: string | null }>(
      sql.feed,
      [after, limit],
      true,
    );
  }

  return {
    async get(siteId: string, id: string): Promise<Ticket | null> {
      const [row] = await driver.query<BodyRow>(sql.get, [siteId, id], true);
      return row ? toTicket(row) : null;
    },

    async getByRef(siteId: string, ref: string): Promise<Ticket | null> {
      const [row] = await driver.query<BodyRow>(sql.byRef, [siteId, ref], true);
      return row ? toTicket(row) : null;
    },

    async list(siteId: string, query: TicketQuery): Promise<TicketPage> {
      const { sql: text, params, sort, limit } = listSql(s, siteId, query);
      const rows = await driver.query<BodyRow>(text, params, true);
      const items = rows.slice(0, limit).map(toTicket);
      const last = items[items.length - 1];
      const more = rows.length > limit && last;
      return { items, nextCursor: more ? encodeCursor(last, sort) : null };
    },

    async events(siteId: string, ticketId: string): Promise<AuditEvent[]> {
      const rows = await driver.query<EventRow>(
        sql.events,
        [siteId, ticketId],
        true,
      );
      return rows.map(toEvent);
    },

    async feed(after: number, limit: number): Promise<FeedPage> {
      const events = (await feedRows(after, limit)).map(toEvent);
      return { events, cursor: events[events.length - 1]?.seq ?? after };
    },

    /** The feed with each event's origin, for followers. */
    async feedWithOrigin(after: number, limit: number): Promise<OriginEvent[]> {
      const rows = await feedRows(after, limit);
      return rows.map((row) => ({ event: toEvent(row), origin: row.origin }));
    },

    /** The last feed position written (0: none). */
    async head(): Promise<number> {
      const [row] = await driver.query<{ seq: string | null }>(
        `SELECT max(seq) AS seq FROM ${s}.events`,
      );
      return Number(row?.seq ?? 0);
    },

    async nextRef(siteId: string): Promise<number> {
      const [row] = await driver.query<{ value: string }>(
        sql.nextRef,
        [siteId],
        true,
      );
      return Number(row!.value);
    },

    /** A key past its retention counts as unused, as `create` treats it. */
    async findIdempotency(siteId: string, key: string) {
      const [row] = await driver.query<{
        fingerprint: string;
        ticket_id: string;
      }>(
        `SELECT fingerprint, ticket_id FROM ${s}.idempotency
         WHERE site_id = $1 AND key = $2 AND expires_at > $3::timestamptz`,
        [siteId, key, ctx.clock.now().toISOString()],
        true,
      );
      return row
        ? { ticketId: row.ticket_id, fingerprint: row.fingerprint }
        : null;
    },
  };
}
