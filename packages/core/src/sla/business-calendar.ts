import { validationError } from '../errors.js';
import {
  type Calendar,
  type CalendarInput,
  calendarSchema,
  minutesOf,
  WEEKDAYS,
} from './calendar-schema.js';
import {
  businessInverse,
  businessMeasure,
  createHolidayIndex,
  firstHolidayFrom,
  type HolidayIndex,
} from './holiday-index.js';
import {
  createWeek,
  DAY,
  MINUTE,
  type WeekTemplate,
  weekdayOf,
} from './week.js';
import { type ZoneRules, zoneRules } from './zone.js';

/** The longest span the engine walks before it gives up: 400 years. */
const HORIZON = 400 * 366 * DAY;

/**
 * A compiled calendar: business time between instants and deadlines,
 * in epoch milliseconds. An instant is working time when the wall clock
 * of the calendar's zone reads a time inside a working segment of a
 * date that is not a holiday (see docs/sla.md for what that means on
 * days when clocks change).
 */
export interface BusinessCalendar {
  readonly id: string;
  readonly name: string | null;
  readonly timeZone: string;
  readonly alwaysOpen: boolean;
  /** The definition it was compiled from, validated. */
  readonly definition: Calendar;
  /** Business ms in `[from, to)`; 0 when `to <= from`. */
  elapsed(from: number, to: number): number;
  /**
   * The first instant at which `ms` of business time have passed since
   * `from`; `from` itself for 0. On a closing boundary this is the
   * closing time.
   */
  add(from: number, ms: number): number;
  /** Whether `at` is working time. */
  isWorking(at: number): boolean;
  /** Wall-clock reading at an instant, `2024-03-31T02:30`. */
  wallTime(at: number): string;
  /** Working intervals inside `[from, to)`, at most `limit` of them. */
  workingIntervals(
    from: number,
    to: number,
    limit?: number,
  ): [number, number][];
  /** Holidays whose local date meets `[from, to)`. */
  holidaysBetween(from: number, to: number): { date: string; name: string }[];
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function weekOf(c: Calendar): WeekTemplate {
  if (c.hours === '24/7') return createWeek(WEEKDAYS.map(() => [[0, DAY]]));
  const hours = c.hours;
  return createWeek(
    WEEKDAYS.map((d) =>
      (hours[d] ?? []).map(
        ([s, e]) =>
          [minutesOf(s) * MINUTE, minutesOf(e) * MINUTE] as [number, number],
      ),
    ),
  );
}

/**
 * Validates a calendar and compiles it. Throws `VALIDATION_FAILED` with
 * zod's issues for a bad definition.
 *
 * @example
 * const office = compileCalendar({
 *   id: 'berlin-office',
 *   timeZone: 'Europe/Berlin',
 *   hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] },
 *   holidays: [{ date: '2024-12-25', name: 'Christmas' }],
 * });
 * office.elapsed(Date.parse('2024-03-04T08:00Z'), Date.parse('2024-03-04T10:00Z'));
 */
export function compileCalendar(input: CalendarInput): BusinessCalendar {
  const parsed = calendarSchema.safeParse(input);
  if (!parsed.success) throw validationError('calendar', parsed.error.issues);
  const c = parsed.data;
  const week = weekOf(c);
  const holidays = createHolidayIndex(
    week,
    c.holidays.map((h) => ({ day: dayNumber(h.date), name: h.name ?? null })),
  );
  return createEngine(c, week, holidays, zoneRules(c.timeZone));
}

function createEngine(
  c: Calendar,
  week: WeekTemplate,
  holidays: HolidayIndex,
  zone: ZoneRules,
): BusinessCalendar {
  const measure = (x: number) => businessMeasure(holidays, week, x);
  const isHoliday = (day: number) =>
    holidays.days[firstHolidayFrom(holidays, day)] === day;

  function elapsed(from: number, to: number): number {
    let total = 0;
    for (let at = from; at < to; ) {
      const { offset, end } = zone.pieceAt(at);
      const stop = Math.min(end, to);
      total += measure(stop + offset) - measure(at + offset);
      at = stop;
    }
    return total;
  }

  function add(from: number, ms: number): number {
    let need = ms;
    let at = from;
    while (need > 0) {
      if (at - from > HORIZON) {
        throw new RangeError(`no working time within 400 years of ${from}`);
      }
      const { offset, end } = zone.pieceAt(at);
      const start = measure(at + offset);
      const avail = measure(end + offset) - start;
      if (avail >= need)
        return businessInverse(holidays, week, start + need) - offset;
      need -= avail;
      at = end;
    }
    return at;
  }

  function workingIntervals(from: number, to: number, limit = 10_000) {
    const found: [number, number][] = [];
    for (let at = from; at < to && found.length < limit; ) {
      const { offset, end } = zone.pieceAt(at);
      const stop = Math.min(end, to);
      const a = at + offset;
      const b = stop + offset;
      for (let day = Math.floor(a / DAY); day * DAY < b; day++) {
        if (isHoliday(day)) continue;
        for (const [s, e] of week.days[weekdayOf(day)]!) {
          const lo = Math.max(a, day * DAY + s);
          const hi = Math.min(b, day * DAY + e);
          if (hi <= lo) continue;
          const last = found[found.length - 1];
          if (last && last[1] === lo - offset) last[1] = hi - offset;
          else if (found.length < limit) found.push([lo - offset, hi - offset]);
        }
      }
      at = stop;
    }
    return found;
  }

  return {
    id: c.id,
    name: c.name ?? null,
    timeZone: c.timeZone,
    alwaysOpen: c.hours === '24/7' && c.holidays.length === 0,
    definition: c,
    elapsed,
    add,
    isWorking: (at) => elapsed(at, at + 1) === 1,
    wallTime: (at) =>
      new Date(at + zone.offsetAt(at)).toISOString().slice(0, 16),
    workingIntervals,
    holidaysBetween(from, to) {
      if (!(to > from)) return [];
      const first = Math.floor((from + zone.offsetAt(from)) / DAY);
      const last = Math.floor((to - 1 + zone.offsetAt(to - 1)) / DAY);
      const out: { date: string; name: string }[] = [];
      for (
        let i = firstHolidayFrom(holidays, first);
        i < holidays.days.length;
        i++
      ) {
        const day = holidays.days[i]!;
        if (day > last) break;
        out.push({ date: dateOf(day), name: holidays.names[i] ?? 'Holiday' });
      }
      return out;
    },
  };
}

/** The calendar every SLA falls back on: 24/7 in UTC, no holidays. */
export const ALWAYS_OPEN: BusinessCalendar = compileCalendar({
  id: '24x7',
  name: 'Around the clock',
  timeZone: 'UTC',
  hours: '24/7',
});
