import type { Ticket } from '../schemas/ticket.js';
import {
  compareKeys,
  encodeCursor,
  readCursor,
  sortValue,
} from '../store/cursor.js';
import type { MemoryData } from '../store/memory-store.js';
import { matchesQuery, parseTicketQuery } from '../store/query.js';
import type { TicketSort, TicketStore } from '../store/types.js';

type Breakage = (store: TicketStore, data: MemoryData) => Partial<TicketStore>;

/**
 * Lists with `actual` in place of each sort named in `swaps`. Pages
 * and cursors agree with one another; only the order is wrong.
 */
const sortSwapped =
  (swaps: Partial<Record<TicketSort, TicketSort>>): Breakage =>
  (store) => ({
    listTickets(siteId, query) {
      const sort = query.sort ?? '-createdAt';
      return store.listTickets(siteId, { ...query, sort: swaps[sort] ?? sort });
    },
  });

/** Orders by the sort value, then by id the other way. */
function reversedTie(a: Ticket, b: Ticket, sort: TicketSort): number {
  return compareKeys(
    { value: sortValue(a, sort), id: b.id },
    { value: sortValue(b, sort), id: a.id },
    sort,
  );
}

/** Breakages of list order. */
export const ORDER_BREAKAGES: Record<string, Breakage> = {
  /** `-createdAt` lists oldest first. */
  '-createdAt ascends': sortSwapped({ '-createdAt': 'createdAt' }),
  /** `updatedAt` sorts read the creation time. */
  'updatedAt sorts by createdAt': sortSwapped({
    updatedAt: 'createdAt',
    '-updatedAt': '-createdAt',
  }),
  /** `-updatedAt` lists the least recently updated first. */
  '-updatedAt ascends': sortSwapped({ '-updatedAt': 'updatedAt' }),
  /** Equal sort values are broken by id in the opposite direction. */
  'ties broken by id the other way': (_store, data) => ({
    async listTickets(siteId, query) {
      const q = parseTicketQuery(query);
      const rows = [...data.tickets.values()]
        .filter((t) => t.siteId === siteId && matchesQuery(t, q))
        .sort((a, b) => reversedTie(a, b, q.sort));
      let start = 0;
      if (q.cursor) {
        const { id } = readCursor(q.cursor, q.sort);
        start = rows.findIndex((t) => t.id === id) + 1;
      }
      const items = rows.slice(start, start + q.limit).map((t) => ({ ...t }));
      const last = items.at(-1);
      const more = start + q.limit < rows.length && last;
      return { items, nextCursor: more ? encodeCursor(last, q.sort) : null };
    },
  }),
};
