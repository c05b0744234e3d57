import {
  DAY,
  type WeekTemplate,
  weekdayOf,
  weekInverse,
  weekMeasure,
} from './week.js';

/**
 * Holidays as sorted local day numbers with the working time each one
 * removes and its prefix sums: the working time lost to holidays before
 * any wall instant is one binary search.
 */
export interface HolidayIndex {
  days: number[];
  names: (string | null)[];
  /** Working ms removed by the holidays before index i. */
  removed: number[];
}

/** Builds the index; `days` may be unsorted and repeat. */
export function createHolidayIndex(
  week: WeekTemplate,
  holidays: { day: number; name: string | null }[],
): HolidayIndex {
  const byDay = new Map<number, string | null>();
  for (const h of holidays) {
    const known = byDay.get(h.day);
    byDay.set(h.day, known ?? h.name);
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const removed = [0];
  for (const day of days) {
    const lost = week.dayTotals[weekdayOf(day)]!;
    removed.push(removed[removed.length - 1]! + lost);
  }
  return { days, names: days.map((d) => byDay.get(d)!), removed };
}

/** Index of the first holiday on or after local day `day`. */
export function firstHolidayFrom(h: HolidayIndex, day: number): number {
  let lo = 0;
  let hi = h.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (h.days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Working ms lost to holidays before wall time `x`. */
export function holidayMeasure(
  h: HolidayIndex,
  w: WeekTemplate,
  x: number,
): number {
  const day = Math.floor(x / DAY);
  const j = firstHolidayFrom(h, day);
  let lost = h.removed[j]!;
  if (h.days[j] === day) lost += weekMeasure(w, x) - weekMeasure(w, day * DAY);
  return lost;
}

/** Working ms before wall time `x`, holidays taken out. */
export function businessMeasure(
  h: HolidayIndex,
  w: WeekTemplate,
  x: number,
): number {
  return weekMeasure(w, x) - holidayMeasure(h, w, x);
}

/**
 * The smallest wall time `x` with `businessMeasure(x) >= target`. The
 * holiday it falls before is found by binary search over the holidays'
 * start times, then the week template is inverted in the holiday-free
 * stretch: O(log holidays × log segments).
 */
export function businessInverse(
  h: HolidayIndex,
  w: WeekTemplate,
  target: number,
): number {
  let lo = 0;
  let hi = h.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = h.days[mid]! * DAY;
    if (weekMeasure(w, start) - h.removed[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return weekInverse(w, target + h.removed[lo]!);
}
