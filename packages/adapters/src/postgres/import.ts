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

/**
 * Tickets per statement of `importTickets`: about two megabytes of
 * parameters, small enough that building the next statement overlaps
 * most of the server's work on this one.
 */
export const IMPORT_BATCH = 1000;

// The ticket columns sent as arrays, in the order of ticketParams; the
// search vector is made from subject and description on the server,
// and the bodies come as one text (see `joinBodies`).
const TICKET_ARRAYS = [
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
].map((f) => f.split(' ') as [string, string]);
const T = TICKET_ARRAYS.length;

/**
 * Every body is JSON.stringify output, which never holds a raw line
 * break (it escapes control characters), so the bodies of a batch
 * travel as one text joined by newlines: nothing to escape in
 * JavaScript, nothing to unescape on the server, which splits it with
 * `string_to_array`. The other columns go as typed arrays (`unnest`).
 */
const joinBodies = (bodies: string[]) => bodies.join('\n');

const ticketRows = TICKET_ARRAYS.map(
  ([, type], i) => `$${i + 1}::${type}[]`,
).join(', ');

// $1…$15 ticket columns, $16 ticket bodies; $17…$20 event id, site,
// ticket and version, $21 event bodies; $22/$23 the feed lock, $24 the
// origin. One statement writes a batch: the tickets with their search
// vectors, then, under the feed lock, the events in the order given.
const importSql = (s: string) => `
WITH t AS (
  INSERT INTO ${s}.tickets (${TICKET_COLUMNS})
  SELECT site_id, id, ref, version, status, team_id, assignee_id,
    requester_id, priority, category, created_at, updated_at, due_at,
    setweight(to_tsvector('simple', subject), 'A') ||
      setweight(to_tsvector('simple', description), 'B'),
    body
  FROM unnest(${ticketRows}, string_to_array($16::text, E'\\n'))
    AS x(${TICKET_ARRAYS.map(([name]) => name).join(', ')}, body)
  RETURNING 1
),
locked AS (
  SELECT pg_advisory_xact_lock($22::int, $23::int) AS l
  FROM (SELECT count(*) FROM t) AS written
),
e AS (
  INSERT INTO ${s}.events (id, site_id, ticket_id, version, origin, body)
  SELECT y.id, y.site_id, y.ticket_id, y.version, $24::text, y.body
  FROM locked, unnest($17::text[], $18::text[], $19::text[], $20::int[],
    string_to_array($21::text, E'\\n'))
    WITH ORDINALITY AS y(id, site_id, ticket_id, version, body, n)
  ORDER BY y.n
  RETURNING seq
)
SELECT count(*)::int AS events, max(seq) AS last FROM e`;

const ESCAPED = /[\\"]/g;

/**
 * A PostgreSQL array literal of text values (null: NULL). Built here
 * rather than by the driver, so that it happens while the statement
 * before runs, not when this one is sent.
 */
function textArray(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    out += v == null ? 'NULL' : `"${String(v).replace(ESCAPED, '\\$&')}"`;
  }
  return `${out}}`;
}

/** The parameters `$1 … $21` of {@link importSql} for a batch. */
function batchParams(items: ImportItem[]): string[] {
  const columns: unknown[][] = TICKET_ARRAYS.map(() => []);
  const bodies: string[] = [];
  const events: unknown[][] = [[], [], [], []];
  const eventBodies: string[] = [];
  for (const { ticket, events: history } of items) {
    const values = ticketParams(ticket);
    for (let i = 0; i < T; i++) columns[i]!.push(values[i]);
    bodies.push(values[T] as string);
    for (const event of history) {
      events[0]!.push(event.id);
      events[1]!.push(event.siteId);
      events[2]!.push(event.ticketId);
      events[3]!.push(event.version);
      eventBodies.push(JSON.stringify(event));
    }
  }
  return [
    ...columns.map(textArray),
    joinBodies(bodies),
    ...events.map(textArray),
    joinBodies(eventBodies),
  ];
}

type Pending = Promise<{ rows: unknown[] }>;

const noop = () => {};

/**
 * Writes many tickets with their events in one transaction, a thousand
 * tickets per statement. The next statement is built and sent while the
 * one before it runs (two in flight at most), so the server never waits
 * for this process between them. For loading history into a store: all
 * or nothing, a ticket that exists already fails the whole call, and no
 * change notifications are sent (followers see the rows at their next
 * read). Every index stays in place, so other processes keep reading
 * and writing the schema during a load.
 */
export async function importTickets(
  ctx: StoreContext,
  items: ImportItem[],
): Promise<ImportResult> {
  const parsed = importSchema.safeParse(items);
  if (!parsed.success) throw validationError('import', parsed.error.issues);
  const sql = importSql(ctx.s);
  const extra = [...ctx.feedLock, ctx.origin];
  const run = async (db: PgQueryable) => {
    const result: ImportResult = {
      tickets: items.length,
      events: 0,
      lastSeq: 0,
    };
    const settle = async (pending: Pending) => {
      const row = (await pending).rows[0] as {
        events: number;
        last: string | null;
      };
      result.events += row.events;
      if (row.last !== null) result.lastSeq = Number(row.last);
    };
    let previous: Pending | null = null;
    for (let i = 0; i < items.length; i += IMPORT_BATCH) {
      const params = batchParams(items.slice(i, i + IMPORT_BATCH));
      const sent = db.query(sql, [...params, ...extra]);
      // Settled below; after a failure it is only left to reject.
      sent.catch(noop);
      if (previous) await settle(previous);
      previous = sent;
    }
    if (previous) await settle(previous);
    return result;
  };
  if (items.length === 0) return { tickets: 0, events: 0, lastSeq: 0 };
  return items.length <= IMPORT_BATCH
    ? run({
        query: async (text, params) => ({
          rows: await ctx.driver.query(text, params),
        }),
      })
    : ctx.driver.transaction(run);
}
