import { zoneRules } from '../sla/zone.js';

const DAY = 86_400_000;

/** One calendar day or week in a zone: its local label and instants. */
export interface Bucket {
  /** The local date the bucket starts on, `2024-03-31`. */
  key: string;
  /** The instant of local midnight that opens it, epoch ms. */
  start: number;
  /** The instant that opens the next bucket; 23 or 25 h on DST days. */
  end: number;
}

/** Day or week buckets; weeks start on Monday. */
export type BucketSize = 'day' | 'week';

const dateOf = (dayNumber: number) =>
  new Date(dayNumber * DAY).toISOString().slice(0, 10);

/**
 * The local day number (days since 1970-01-01 on the wall clock of
 * `zone`) of an instant.
 */
export function localDay(zone: string, at: number): number {
  return Math.floor((at + zoneRules(zone).offsetAt(at)) / DAY);
}

/**
 * The instant at which local day `day` begins in `zone`: local midnight,
 * or the first instant after it when a change of clocks skips it.
 */
export function dayStart(zone: string, day: number): number {
  const rules = zoneRules(zone);
  const wall = day * DAY;
  let at = wall - rules.offsetAt(wall);
  // Twice: the offset at the guess can differ from the one at `wall`.
  at = wall - rules.offsetAt(at);
  at = wall - rules.offsetAt(at);
  if (localDay(zone, at) >= day) return at;
  // Midnight was skipped: the day begins when the clocks jump.
  const jump = rules.transitionsIn(at, at + DAY)[0];
  return jump ? jump.at : at;
}

/** Monday of the week that holds local day `day` (1970-01-01 was a Thursday). */
const mondayOf = (day: number) => day - ((((day + 3) % 7) + 7) % 7);

/**
 * The buckets that cover `[from, to)` in `zone`: whole local days or
 * Monday-based weeks, the first holding `from`, the last holding the
 * instant just before `to`.
 *
 * @example
 * bucketsBetween('Europe/Berlin', Date.parse('2024-03-30T12:00Z'),
 *   Date.parse('2024-04-01T00:00Z'), 'day');
 * // 2024-03-30 (24 h), 2024-03-31 (23 h)
 */
export function bucketsBetween(
  zone: string,
  from: number,
  to: number,
  size: BucketSize,
): Bucket[] {
  if (to <= from) return [];
  const step = size === 'day' ? 1 : 7;
  const first = localDay(zone, from);
  const last = localDay(zone, to - 1);
  let day = size === 'day' ? first : mondayOf(first);
  const out: Bucket[] = [];
  for (; day <= last; day += step) {
    out.push({
      key: dateOf(day),
      start: dayStart(zone, day),
      end: dayStart(zone, day + step),
    });
  }
  return out;
}

/**
 * The index of the bucket holding `at`, or -1 outside them all. Buckets
 * are sorted and contiguous, so this is a binary search.
 */
export function bucketIndex(buckets: readonly Bucket[], at: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = buckets[mid]!;
    if (at < b.start) hi = mid - 1;
    else if (at >= b.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
