import { type NewEvent, type Ticket, validationError } from '@ticketry/core';
import { z } from 'zod';
import type { StoreContext } from './context.js';
import type { PgQueryable } from './driver.js';
import { TICKET_COLUMNS, ticketParams } from './rows.js';

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

const itemSchema = z
  .object({
    ticket: z.object({
      id: z.string().min(1),
      siteId: z.string().min(1),
      version: z.number().int().min(1),
    }),
    events: z.array(
      z.object({
        id: z.string().min(1),
        siteId: z.string(),
        ticketId: z.string(),
        version: z.number().int(),
      }),
    ),
  })
  .refine(
    ({ ticket, events }) =>
      events.length === ticket.version &&
      events.every(
        (e, i) =>
          e.version === i + 1 &&
          e.ticketId === ticket.id &&
          e.siteId === ticket.siteId,
      ),
    { message: 'events must be versions 1 … ticket.version of the ticket' },
  );

const importSchema = z.array(itemSchema).max(100_000);

// Rows per statement: big enough to amortise the round trip, small
// enough to keep one statement's parameters a few megabytes.
const BATCH = 1000;

// The record of a ticket row, in the order of ticketParams.
const TICKET_FIELDS = [
  'site_id text',
  'id text',
  'ref text',
  'version int',
  'status text',
  'team_id text',
  'assignee_id text',
  'requester_id text',
  'priority text',
  'category text',
  'created_at text',
  'updated_at text',
  'due_at text',
  'subject text',
  'description text',
  'body text',
];
const TICKET_KEYS = TICKET_FIELDS.map((f) => f.split(' ')[0]!);

// Each statement takes its rows as two JSON documents: the server
// parses each once, and here they are serialised natively (pg would
// escape every element of a text array in JavaScript).
const importSql = (s: string) => `
WITH t AS (
  INSERT INTO ${s}.tickets (${TICKET_COLUMNS})
  SELECT site_id, id, ref, version, status, team_id, assignee_id,
    requester_id, priority, category, created_at, updated_at, due_at,
    setweight(to_tsvector('simple', subject), 'A') ||
      setweight(to_tsvector('simple', description), 'B'),
    body
  FROM json_to_recordset($1::json) AS x(${TICKET_FIELDS.join(', ')})
  RETURNING 1
),
locked AS (
  SELECT pg_advisory_xact_lock($3::int, $4::int) AS l
  FROM (SELECT count(*) FROM t) AS written
),
e AS (
  INSERT INTO ${s}.events (id, site_id, ticket_id, version, origin, body)
  SELECT y.id, y.site_id, y.ticket_id, y.version, $5::text, y.body
  FROM locked, ROWS FROM (json_to_recordset($2::json) AS (id text,
    site_id text, ticket_id text, version int, body text))
    WITH ORDINALITY AS y(id, site_id, ticket_id, version, body, n)
  ORDER BY y.n
  RETURNING seq
)
SELECT count(*)::int AS events, max(seq) AS last FROM e`;

/** The rows of a batch as the two JSON documents of {@link importSql}. */
function documents(items: ImportItem[]): [string, string] {
  const tickets: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (const { ticket, events: history } of items) {
    const values = ticketParams(ticket);
    const row: Record<string, unknown> = {};
    TICKET_KEYS.forEach((key, i) => {
      row[key] = values[i];
    });
    tickets.push(row);
    for (const event of history) {
      events.push({
        id: event.id,
        site_id: event.siteId,
        ticket_id: event.ticketId,
        version: event.version,
        body: JSON.stringify(event),
      });
    }
  }
  return [JSON.stringify(tickets), JSON.stringify(events)];
}

/**
 * Writes many tickets with their events in one transaction, a thousand
 * rows per statement. For loading history into a store: all or nothing,
 * a ticket that exists already fails the whole call, and no change
 * notifications are sent (followers see the rows at their next read).
 */
export async function importTickets(
  ctx: StoreContext,
  items: ImportItem[],
): Promise<ImportResult> {
  const parsed = importSchema.safeParse(items);
  if (!parsed.success) throw validationError('import', parsed.error.issues);
  const sql = importSql(ctx.s);
  const run = async (db: PgQueryable) => {
    const result: ImportResult = { tickets: 0, events: 0, lastSeq: 0 };
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      const params = [...documents(batch), ...ctx.feedLock, ctx.origin];
      const { rows } = await db.query(sql, params);
      const row = rows[0] as { events: number; last: string | null };
      result.tickets += batch.length;
      result.events += row.events;
      if (row.last !== null) result.lastSeq = Number(row.last);
    }
    return result;
  };
  if (items.length === 0) return { tickets: 0, events: 0, lastSeq: 0 };
  return items.length <= BATCH
    ? run({
        query: async (text, params) => ({
          rows: await ctx.driver.query(text, params),
        }),
      })
    : ctx.driver.transaction(run);
}
