import type { Ticket } from '../schemas/ticket.js';
import type { TicketSort, TicketStore } from '../store/types.js';
import { check, checkEqual } from './assert.js';
import { sampleEvent, sampleTicket } from './fixtures.js';
import type { ConformanceCheck } from './harness.js';

// Minutes after a fixed instant, so equal numbers are equal instants.
const at = (minutes: number) =>
  new Date(Date.UTC(2024, 3, 1) + minutes * 60_000).toISOString();

/**
 * Tickets whose sort values tie in groups, whose ids do not follow
 * their creation, and whose updatedAt order is not their createdAt
 * order. `X3`, `x-2` and `x_1` tie on every sort: a binary collation
 * orders them `X3 < x-2 < x_1`, a locale collation does not.
 * Columns: id, createdAt, updatedAt, dueAt (null: none).
 */
const SPEC: [string, number, number, number | null][] = [
  ['t-07', 1, 9, 3],
  ['t-02', 1, 4, null],
  ['t-11', 2, 9, 3],
  ['t-05', 3, 3, 1],
  ['t-09', 3, 7, null],
  ['X3', 4, 12, 6],
  ['x-2', 4, 5, 6],
  ['x_1', 4, 10, 6],
  ['t-01', 5, 5, 8],
  ['t-12', 5, 7, 1],
  ['t-03', 6, 12, null],
  ['t-08', 7, 8, 8],
  ['t-04', 8, 8, 3],
  ['t-10', 9, 11, 5],
  ['t-06', 9, 12, null],
];

/**
 * The order each sort must give SPEC, written out: the sort value, then
 * the id in the same direction, tickets without a dueAt last.
 */
const ORDER_TEXT: Record<TicketSort, string> = {
  createdAt:
    't-02 t-07 t-11 t-05 t-09 X3 x-2 x_1 t-01 t-12 t-03 t-08 t-04 t-06 t-10',
  '-createdAt':
    't-10 t-06 t-04 t-08 t-03 t-12 t-01 x_1 x-2 X3 t-09 t-05 t-11 t-07 t-02',
  updatedAt:
    't-05 t-02 t-01 x-2 t-09 t-12 t-04 t-08 t-07 t-11 x_1 t-10 X3 t-03 t-06',
  '-updatedAt':
    't-06 t-03 X3 t-10 x_1 t-11 t-07 t-08 t-04 t-12 t-09 x-2 t-01 t-02 t-05',
  dueAt:
    't-05 t-12 t-04 t-07 t-11 t-10 X3 x-2 x_1 t-01 t-08 t-02 t-03 t-06 t-09',
};

const EXPECTED_ORDER = Object.entries(ORDER_TEXT).map(
  ([sort, ids]) => [sort as TicketSort, ids.split(' ')] as const,
);

function orderTickets(): Ticket[] {
  return SPEC.map(([id, created, updated, due]) =>
    sampleTicket({
      id,
      createdAt: at(created),
      updatedAt: at(updated),
      dueAt: due === null ? null : at(100 + due),
    }),
  );
}

async function pagedIds(store: TicketStore, sort: TicketSort, limit: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await store.listTickets('site-a', { sort, limit, cursor });
    seen.push(...page.items.map((t) => t.id));
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error(`${sort}: more than 50 pages of ${limit} for 15 tickets`);
}

/** Order: each sort's exact order, in one page and across pages. */
export const orderChecks: ConformanceCheck[] = [
  {
    area: 'queries',
    name: 'every sort orders by its value, then id the same way, tickets without dueAt last',
    async run({ store }) {
      for (const ticket of orderTickets()) {
        await store.createTicket({ ticket, event: sampleEvent(ticket) });
      }
      for (const [sort, expected] of EXPECTED_ORDER) {
        const page = await store.listTickets('site-a', { sort, limit: 100 });
        checkEqual(
          page.items.map((t) => t.id),
          expected,
          `${sort} order`,
        );
        check(
          page.nextCursor === null,
          `${sort}: a cursor after the last page`,
        );
        for (const limit of [1, 4]) {
          checkEqual(
            await pagedIds(store, sort, limit),
            expected,
            `${sort} in pages of ${limit}`,
          );
        }
      }
    },
  },
];
