import {
  compareTickets,
  encodeCursor,
  matchesQuery,
  PRIORITIES,
  readCursor,
  STATUSES,
  TICKET_SORTS,
  type Ticket,
  type TicketPage,
  type TicketQuery,
  validationError,
} from '@ticketry/core';
import * as z from 'zod/mini';
import type { ReadTx, Session } from './connection.js';
import {
  INDEXED_ORDERS,
  type IndexedFilter,
  listIndex,
  NO_DUE,
  type SortField,
} from './schema.js';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });
const text = z.string({ error: 'must be a string' });

const querySchema = z.object({
  status: z.optional(z.array(oneOf(STATUSES))),
  teamId: z.optional(text),
  assigneeId: z.optional(text),
  unassigned: z.optional(z.boolean({ error: 'must be true or false' })),
  requesterId: z.optional(text),
  priority: z.optional(z.array(oneOf(PRIORITIES))),
  category: z.optional(text),
  dueBefore: z.optional(text),
  sort: z._default(oneOf(TICKET_SORTS), '-createdAt'),
  limit: z._default(
    z
      .int({ error: 'must be a whole number' })
      .check(z.minimum(0, { error: 'must not be negative' })),
    50,
  ),
  cursor: z.optional(z.nullable(text)),
});

type Query = z.output<typeof querySchema>;

/** Which index a list walks, and the filter values it walks it for. */
interface Plan {
  filter: IndexedFilter;
  values: (string | null)[];
}

// The most selective filter with an index in the list's order leads;
// the rest are checked on each ticket the walk meets.
function plan(q: Query, field: SortField): Plan {
  const has = (filter: IndexedFilter) => INDEXED_ORDERS[filter].includes(field);
  if (q.assigneeId !== undefined && has('assignee')) {
    return { filter: 'assignee', values: [q.assigneeId] };
  }
  if (q.requesterId !== undefined && has('requester')) {
    return { filter: 'requester', values: [q.requesterId] };
  }
  if (q.teamId !== undefined && has('team')) {
    return { filter: 'team', values: [q.teamId] };
  }
  if (q.status) return { filter: 'status', values: [...new Set(q.status)] };
  return { filter: 'site', values: [null] };
}

/**
 * The key range of one walk: the site (and filter value), narrowed by
 * `dueBefore` on the due order and by the cursor. In IndexedDB's key
 * order an array sorts after every string, so `[...prefix, []]` is
 * past every key that starts with `prefix`. Null when nothing is left.
 */
function rangeOf(
  session: Session,
  prefix: IDBValidKey[],
  q: Query,
  field: SortField,
  after: { value: string | null; id: string } | null,
): IDBKeyRange | null {
  let lower: IDBValidKey = prefix;
  let upper: IDBValidKey = [...prefix, []];
  let lowerOpen = false;
  let upperOpen = false;
  if (field === 'dueAt' && q.dueBefore !== undefined) {
    upper = [...prefix, q.dueBefore, []];
  }
  if (after) {
    const at = [...prefix, after.value ?? NO_DUE, after.id];
    const desc = q.sort.startsWith('-');
    if (desc && session.cmp(at, upper) < 0) [upper, upperOpen] = [at, true];
    if (!desc && session.cmp(at, lower) > 0) [lower, lowerOpen] = [at, true];
  }
  const order = session.cmp(lower, upper);
  if (order > 0 || (order === 0 && (lowerOpen || upperOpen))) return null;
  return session.range.bound(lower, upper, lowerOpen, upperOpen);
}

async function walk(
  tx: ReadTx,
  index: string,
  range: IDBKeyRange,
  q: Query,
  want: number,
): Promise<Ticket[]> {
  const source = tx.objectStore('tickets').index(index);
  const found: Ticket[] = [];
  const direction = q.sort.startsWith('-') ? 'prev' : 'next';
  let cursor = await source.openCursor(range, direction);
  while (cursor && found.length < want) {
    const { ticket } = cursor.value;
    if (matchesQuery(ticket, q)) found.push(ticket);
    cursor = await cursor.continue();
  }
  return found;
}

/**
 * One page of a site's tickets, walked along an index that is already
 * in the page's order, from the cursor on, reading one ticket past the
 * page to learn whether another follows. A status list walks one range
 * per status and merges them. Throws a ValidationError for a malformed
 * query or a cursor of another sort.
 */
export async function listTickets(
  session: Session,
  siteId: string,
  query: TicketQuery,
): Promise<TicketPage> {
  const parsed = querySchema.safeParse(query ?? {});
  if (!parsed.success) {
    throw validationError('ticket query', parsed.error.issues);
  }
  const q = parsed.data;
  const after = q.cursor ? readCursor(q.cursor, q.sort) : null;
  const field = q.sort.replace('-', '') as SortField;
  const { filter, values } = plan(q, field);
  const want = q.limit + 1;

  const ranges = values
    .map((value) =>
      rangeOf(
        session,
        value === null ? [siteId] : [siteId, value],
        q,
        field,
        after,
      ),
    )
    .filter((range): range is IDBKeyRange => range !== null);
  const found = await session.read(['tickets'], (tx) =>
    Promise.all(
      ranges.map((range) => walk(tx, listIndex(filter, field), range, q, want)),
    ),
  );

  const rows = found.flat();
  if (found.length > 1) rows.sort((a, b) => compareTickets(a, b, q.sort));
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const more = rows.length > q.limit && last;
  return { items, nextCursor: more ? encodeCursor(last, q.sort) : null };
}
