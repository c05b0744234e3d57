import type { DeskCore } from '../desk/desk-types.js';
import { STATUSES } from '../public/vocabulary.js';
import type { Ticket } from '../schemas/ticket.js';
import { FINISHED } from './kinds.js';
import { shapeOf, similarity } from './similarity.js';

/** How intake looks for duplicates. */
export interface DuplicateOptions {
  /** Lowest subject similarity offered. @default 0.5 */
  threshold?: number;
  /** How far back to look, in ms. @default 7 days */
  windowMs?: number;
  /** At most this many suggestions, best first. @default 5 */
  limit?: number;
  /**
   * At most this many of the requester's newest open tickets are
   * compared, so a requester with thousands open (a monitoring system
   * mailing in) keeps intake fast. @default 200
   */
  maxScanned?: number;
}

/** One possible duplicate: an open ticket of the same requester. */
export interface DuplicateSuggestion {
  ticketId: string;
  ref: string;
  subject: string;
  /** Subject similarity, 0 to 1, rounded to 3 decimals. */
  score: number;
  createdAt: string;
}

const OPEN = STATUSES.filter((s) => !FINISHED.has(s));

/** The defaults of {@link DuplicateOptions}. */
export const DUPLICATE_DEFAULTS = {
  threshold: 0.5,
  windowMs: 7 * 86_400_000,
  limit: 5,
  maxScanned: 200,
} as const;

/**
 * Open tickets of the same requester, created within the window before
 * this one, whose subjects are alike: suggestions for an agent to link
 * as `duplicate_of` (or merge), never acted on by themselves. Tickets
 * already linked to this one are left out.
 */
export async function findDuplicates(
  core: DeskCore,
  t: Ticket,
  options: DuplicateOptions = {},
): Promise<DuplicateSuggestion[]> {
  const { threshold, windowMs, limit, maxScanned } = {
    ...DUPLICATE_DEFAULTS,
    ...options,
  };
  const since = Date.parse(t.createdAt) - windowMs;
  const shape = shapeOf(t.subject);
  const found: DuplicateSuggestion[] = [];
  let cursor: string | null = null;
  let scanned = 0;
  do {
    const page = await core.store.listTickets(core.siteId, {
      requesterId: t.requesterId,
      status: [...OPEN],
      sort: '-createdAt',
      limit: 100,
      cursor,
    });
    for (const other of page.items) {
      if (Date.parse(other.createdAt) < since) return rank(found, limit);
      if (++scanned > maxScanned) return rank(found, limit);
      if (other.id === t.id || other.createdAt > t.createdAt) continue;
      if (t.links.some((l) => l.ticketId === other.id)) continue;
      const score = similarity(shape, shapeOf(other.subject));
      if (score >= threshold) found.push(suggestion(other, score));
    }
    cursor = page.nextCursor;
  } while (cursor);
  return rank(found, limit);
}

const suggestion = (t: Ticket, score: number): DuplicateSuggestion => ({
  ticketId: t.id,
  ref: t.ref,
  subject: t.subject,
  score: Math.round(score * 1000) / 1000,
  createdAt: t.createdAt,
});

const rank = (found: DuplicateSuggestion[], limit: number) =>
  found.sort((a, b) => b.score - a.score).slice(0, limit);
