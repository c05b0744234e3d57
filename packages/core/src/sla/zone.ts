/**
 * UTC offsets of IANA time zones, read from `Intl.DateTimeFormat` and
 * cached per zone and year as a list of transitions, so that a lookup
 * is a search in a short array instead of a call into Intl.
 */

const HOUR = 3_600_000;
const STEP = 12 * HOUR;
const FORMAT = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** A change of offset: from `at` on, wall clocks read UTC + `offset`. */
export interface Transition {
  at: number;
  offset: number;
}

interface YearRules {
  /** The offset in force at the start of the year. */
  start: number;
  transitions: Transition[];
}

/** The offsets of one zone; every method takes and gives epoch ms. */
export interface ZoneRules {
  readonly timeZone: string;
  /** Local wall time minus UTC, in ms, at an instant. */
  offsetAt(at: number): number;
  /** Offset changes in `[from, to)`, in order. */
  transitionsIn(from: number, to: number): Transition[];
  /**
   * The stretch of constant offset that holds `at`: its offset and where
   * it ends (the next change, or the next 1 January UTC, at the latest).
   */
  pieceAt(at: number): { offset: number; end: number };
}

/**
 * The canonical name of a zone Intl knows, or null. `UTC`, `Etc/GMT+2`
 * and region names such as `Europe/Berlin` are accepted.
 */
export function canonicalZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: name,
    }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function formatter(timeZone: string) {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/**
 * The offset at an instant, asked of Intl directly: slow (about 1.5 µs)
 * and exact to the second. The rules below cache what this answers.
 */
export function intlOffset(format: Intl.DateTimeFormat, at: number): number {
  const match = FORMAT.exec(format.format(at));
  if (!match) throw new RangeError(`cannot read ${format.format(at)}`);
  const [, mo, d, y, h, mi, s] = match.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h === 24 ? 0 : h!, mi!, s!);
  return wall - (at - (((at % 1000) + 1000) % 1000));
}

const cache = new Map<string, ZoneRules>();

/**
 * The cached offset rules of a zone. Throws a RangeError for a zone
 * Intl does not know; check names with {@link canonicalZone} first.
 *
 * @example
 * zoneRules('Europe/Berlin').offsetAt(Date.UTC(2024, 6, 1)); // 7_200_000
 */
export function zoneRules(timeZone: string): ZoneRules {
  let rules = cache.get(timeZone);
  if (!rules) {
    rules = buildRules(timeZone);
    cache.set(timeZone, rules);
  }
  return rules;
}

function yearOf(at: number): number {
  return new Date(at).getUTCFullYear();
}

function buildRules(timeZone: string): ZoneRules {
  const format = formatter(timeZone);
  const years = new Map<number, YearRules>();
  const ask = (at: number) => intlOffset(format, at);

  function firstChange(lo: number, hi: number, before: number): Transition {
    // Invariant: offset at lo is `before`, at hi it differs.
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (ask(mid) === before) lo = mid;
      else hi = mid;
    }
    return { at: hi, offset: ask(hi) };
  }

  function load(year: number): YearRules {
    let rules = years.get(year);
    if (rules) return rules;
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const transitions: Transition[] = [];
    const first = ask(start);
    let offset = first;
    for (let at = start; at < end; ) {
      const next = Math.min(at + STEP, end);
      const seen = ask(next);
      if (seen !== offset) {
        const change = firstChange(at, next, offset);
        if (change.at < end) transitions.push(change);
        offset = change.offset;
        at = change.at;
        continue;
      }
      at = next;
    }
    rules = { start: first, transitions };
    years.set(year, rules);
    return rules;
  }

  return {
    timeZone,
    offsetAt(at) {
      const rules = load(yearOf(at));
      let offset = rules.start;
      for (const t of rules.transitions) {
        if (t.at > at) break;
        offset = t.offset;
      }
      return offset;
    },
    transitionsIn(from, to) {
      const found: Transition[] = [];
      if (!(to > from)) return found;
      for (let y = yearOf(from); y <= yearOf(to); y++) {
        for (const t of load(y).transitions) {
          if (t.at >= from && t.at < to) found.push(t);
        }
      }
      return found;
    },
    pieceAt(at) {
      const year = yearOf(at);
      const rules = load(year);
      let offset = rules.start;
      for (const t of rules.transitions) {
        if (t.at > at) return { offset, end: t.at };
        offset = t.offset;
      }
      return { offset, end: Date.UTC(year + 1, 0, 1) };
    },
  };
}
