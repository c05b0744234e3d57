import {
  compareTickets,
  matchesQuery,
  type Ticket,
  type TicketPage,
  type TicketQuery,
  TicketryError,
  type TicketStore,
} from '@ticketry/core';
import { z } from 'zod';
import type { RouteContext } from './route.js';
import { listQuerySchema } from './schemas.js';

/** How many of the newest tickets a store without full-text search scans. */
export const SEARCH_SCAN_LIMIT = 5000;

/** How many best matches a store's own search returns (PostgreSQL: at most 200). */
export const STORE_SEARCH_LIMIT = 200;

/** Tickets read per store call while scanning. */
const SCAN_PAGE = 500;

/** How many results a search returns when the query names no `limit`. */
const SEARCH_DEFAULT_LIMIT = 50;

/** A store with its own full-text search (the PostgreSQL store has one). */
type SearchableStore = TicketStore & {
  searchTickets(
    siteId: string,
    text: string,
    limit?: number,
  ): Promise<Ticket[]>;
};

/**
 * The list query of `GET /tickets` plus `q`: 1–200 characters of
 * text, no control characters.
 */
export const searchQuerySchema = listQuerySchema.extend({
  q: z
    .string()
    .min(1)
    .max(200)
    .regex(/^\P{Cc}*$/u, 'q may hold no control characters')
    .refine((v) => v.trim().length > 0, 'q must hold more than spaces')
    .optional()
    .describe(
      'Full-text search over subject, description and ref; filters apply to the matches, cursor is refused and nextCursor is null',
    ),
});

function canSearch(store: TicketStore): store is SearchableStore {
  return (
    store.capabilities.fullText &&
    typeof (store as Partial<SearchableStore>).searchTickets === 'function'
  );
}

/** True when `ticket` holds every word of `text` (case-insensitive). */
export function textMatches(ticket: Ticket, text: string): boolean {
  const haystack =
    `${ticket.subject}\n${ticket.description}\n${ticket.ref}`.toLowerCase();
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The newest {@link SEARCH_SCAN_LIMIT} tickets of `filters` holding `text`. */
async function scan(
  ctx: RouteContext,
  filters: TicketQuery,
  text: string,
): Promise<Ticket[]> {
  const found: Ticket[] = [];
  let cursor: string | null = null;
  let seen = 0;
  while (seen < SEARCH_SCAN_LIMIT) {
    const limit = Math.min(SCAN_PAGE, SEARCH_SCAN_LIMIT - seen);
    const page: TicketPage = await ctx.desk.list({
      ...filters,
      sort: '-createdAt',
      limit,
      cursor,
    });
    seen += page.items.length;
    found.push(...page.items.filter((t) => textMatches(t, text)));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return found;
}

/**
 * One page of search results for `GET /tickets?q=`: the store's own
 * full-text search when it has one, else a scan of the newest
 * {@link SEARCH_SCAN_LIMIT} tickets that pass the filters; a ticket
 * whose ref is `q` always counts (store searches skip refs). Results are
 * sorted by `sort` when given (else best match / newest first) and cut
 * at `limit`; there is no next page.
 */
export async function searchTickets(
  ctx: RouteContext,
  query: z.output<typeof searchQuerySchema> & { q: string },
): Promise<TicketPage> {
  const { q, sort, limit, cursor, ...filters } = query;
  if (cursor) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      'cursor cannot page a search (q): narrow the words or filters instead',
    );
  }
  const store = ctx.desk.core.store;
  const found = canSearch(store)
    ? (
        await store.searchTickets(ctx.desk.core.siteId, q, STORE_SEARCH_LIMIT)
      ).filter((t) => matchesQuery(t, filters))
    : await scan(ctx, filters, q);
  const byRef = await ctx.desk.getByRef(q.trim());
  if (
    byRef &&
    matchesQuery(byRef, filters) &&
    !found.some((t) => t.id === byRef.id)
  ) {
    found.unshift(byRef);
  }
  if (sort) found.sort((a, b) => compareTickets(a, b, sort));
  return {
    items: found.slice(0, limit ?? SEARCH_DEFAULT_LIMIT),
    nextCursor: null,
  };
}
