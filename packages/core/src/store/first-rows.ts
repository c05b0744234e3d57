import type { Ticket } from '../schemas/ticket.js';
import { compareKeys, sortValue } from './cursor.js';
import type { TicketSort } from './types.js';

type Position = { value: string | null; id: string };

/**
 * The first `limit` rows in sort order, and how many matched: a
 * bounded insertion instead of sorting every match, so a page of a
 * million tickets costs one pass.
 */
export function firstRows(
  rows: Iterable<Ticket>,
  keep: (t: Ticket, position: Position) => boolean,
  sort: TicketSort,
  limit: number,
) {
  const best: { t: Ticket; position: Position }[] = [];
  let matched = 0;
  for (const t of rows) {
    const position = { value: sortValue(t, sort), id: t.id };
    if (!keep(t, position)) continue;
    matched++;
    const full = best.length > limit;
    if (full && compareKeys(position, best[limit]!.position, sort) >= 0) {
      continue;
    }
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareKeys(best[mid]!.position, position, sort) < 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, { t, position });
    if (best.length > limit + 1) best.pop();
  }
  return { rows: best.slice(0, limit).map((b) => b.t), matched };
}
