import {
  type CalendarInput,
  calendarSchema,
  minutesOf,
  WEEKDAYS,
} from './calendar-schema.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The slow reference engine: answers for whole minutes only. */
export interface MinuteOracle {
  /** Working ms in `[from, to)`, both whole minutes. */
  elapsed(from: number, to: number): number;
  /** The instant `ms` working ms after `from`, both whole minutes. */
  add(from: number, ms: number): number;
  /** Whether the minute starting at `at` is working time. */
  isWorkingMinute(at: number): boolean;
}

const offsetsByZone = new Map<string, Map<number, number>>();

/**
 * A deliberately naive engine for tests and benchmarks: it looks at
 * every minute, asks Intl (through `formatToParts`, not the engine's
 * cached transitions) for the wall clock, and checks that reading
 * against the segments and holidays as written. Offsets are cached per
 * UTC hour, and an hour whose two ends disagree is read minute by
 * minute, so the oracle makes no assumption about where changes fall
 * within an hour. The cache is per zone and shared by all oracles.
 */
export function createMinuteOracle(input: CalendarInput): MinuteOracle {
  const c = calendarSchema.parse(input);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: c.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const holidays = new Set(
    c.holidays.map((h) => Date.parse(`${h.date}T00:00:00Z`) / DAY),
  );
  const segments = WEEKDAYS.map((d) =>
    c.hours === '24/7'
      ? [[0, 1440]]
      : (c.hours[d] ?? []).map(([s, e]) => [minutesOf(s), minutesOf(e)]),
  );
  let hourOffsets = offsetsByZone.get(c.timeZone);
  if (!hourOffsets) {
    hourOffsets = new Map();
    offsetsByZone.set(c.timeZone, hourOffsets);
  }
  const known = hourOffsets;

  function intlOffset(at: number): number {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(at)) {
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    }
    const wall = Date.UTC(
      parts.year!,
      parts.month! - 1,
      parts.day!,
      parts.hour! % 24,
      parts.minute!,
    );
    return wall - (at - (at % MINUTE));
  }

  function hourOffset(hour: number): number {
    let offset = known.get(hour);
    if (offset === undefined) {
      offset = intlOffset(hour);
      known.set(hour, offset);
    }
    return offset;
  }

  function offsetAt(at: number): number {
    const hour = at - (((at % HOUR) + HOUR) % HOUR);
    const first = hourOffset(hour);
    return first === hourOffset(hour + HOUR) ? first : intlOffset(at);
  }

  function isWorkingMinute(at: number): boolean {
    const wall = at + offsetAt(at);
    const day = Math.floor(wall / DAY);
    if (holidays.has(day)) return false;
    const weekday = (((day - 4) % 7) + 7) % 7;
    const minute = (wall - day * DAY) / MINUTE;
    return segments[weekday]!.some(([s, e]) => minute >= s! && minute < e!);
  }

  return {
    isWorkingMinute,
    elapsed(from, to) {
      let total = 0;
      for (let at = from; at < to; at += MINUTE) {
        if (isWorkingMinute(at)) total += MINUTE;
      }
      return total;
    },
    add(from, ms) {
      let at = from;
      for (let done = 0; done < ms; at += MINUTE) {
        if (isWorkingMinute(at)) done += MINUTE;
      }
      return at;
    },
  };
}
