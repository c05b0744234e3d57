/**
 * The working week as a template in wall-clock time. "Wall time" here is
 * a number of ms since 1970-01-01T00:00 local, so a local day is
 * `[d * DAY, (d + 1) * DAY)` whatever the zone; the calendar maps
 * instants to wall time piece by piece between offset changes.
 */

/** One minute, one day and one week of wall time, in ms. */
export const MINUTE = 60_000;
/** @see MINUTE */
export const DAY = 86_400_000;
/** @see MINUTE */
export const WEEK = 7 * DAY;
/** Wall time of Monday 1970-01-05 00:00, the first Monday after the epoch. */
export const MONDAY = 4 * DAY;

/** Monday is 0, Sunday 6, for a local day number (days since the epoch). */
export const weekdayOf = (day: number): number => (((day - 4) % 7) + 7) % 7;

/**
 * Working segments of a week, sorted and merged, with prefix sums, so
 * that the working time before any wall instant is a binary search.
 */
export interface WeekTemplate {
  /** Segment starts and ends, ms after Monday 00:00. */
  starts: number[];
  ends: number[];
  /** Working ms in the week before each segment. */
  before: number[];
  /** Working ms in a whole week. */
  total: number;
  /** Working ms of each weekday, Monday first. */
  dayTotals: number[];
  /** Segments of each weekday, ms after that day's midnight. */
  days: [number, number][][];
}

/** Builds the template from per-weekday segments in ms after midnight. */
export function createWeek(days: [number, number][][]): WeekTemplate {
  const flat: [number, number][] = [];
  days.forEach((segments, i) => {
    for (const [s, e] of segments) flat.push([i * DAY + s, i * DAY + e]);
  });
  flat.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of flat) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const before: number[] = [];
  let total = 0;
  for (const [s, e] of merged) {
    before.push(total);
    total += e - s;
  }
  return {
    starts: merged.map((m) => m[0]),
    ends: merged.map((m) => m[1]),
    before,
    total,
    dayTotals: days.map((segs) => segs.reduce((n, [s, e]) => n + e - s, 0)),
    days,
  };
}

/** Working ms from Monday 00:00 to `pos` ms into the week. */
function within(w: WeekTemplate, pos: number): number {
  let lo = 0;
  let hi = w.starts.length - 1;
  let i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (w.starts[mid]! <= pos) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (i < 0) return 0;
  return w.before[i]! + Math.min(pos - w.starts[i]!, w.ends[i]! - w.starts[i]!);
}

/**
 * Working ms from the epoch's first Monday to wall time `x` (negative
 * before it); differences of two calls give the working time between.
 */
export function weekMeasure(w: WeekTemplate, x: number): number {
  const rel = x - MONDAY;
  const k = Math.floor(rel / WEEK);
  return k * w.total + within(w, rel - k * WEEK);
}

/**
 * The smallest wall time `x` with `weekMeasure(w, x) >= y`: the end of
 * the working ms numbered `y`. A target reached exactly at a closing
 * time answers the closing time, not the next opening.
 */
export function weekInverse(w: WeekTemplate, y: number): number {
  const k = Math.floor((y - 1) / w.total);
  const rem = y - k * w.total;
  let lo = 0;
  let hi = w.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const end = w.before[mid]! + w.ends[mid]! - w.starts[mid]!;
    if (end >= rem) hi = mid;
    else lo = mid + 1;
  }
  return MONDAY + k * WEEK + w.starts[lo]! + (rem - w.before[lo]!);
}
