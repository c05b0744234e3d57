import { dayStart, localDay } from '../metrics/buckets.js';
import type { AuditEvent } from '../schemas/event.js';
import { foldRisk, type Queues, type RiskFacts } from './risk-facts.js';
import type { Arrival } from './series.js';

/**
 * What predictions are made as of: `'now'`, the desk's clock; `'auto'`,
 * now while the desk is in use, else the end of its stored history
 * (see {@link anchorOf}).
 */
export type AsOfMode = 'now' | 'auto';

/** The instant predictions are made as of, and why. */
export interface Anchor {
  /** Epoch ms. */
  at: number;
  /**
   * `'now'`: the clock. `'history'`: the end of the stored history,
   * because the last four weeks before now hold too few tickets to
   * forecast from (an old log replayed into a new desk).
   */
  basis: 'now' | 'history';
}

const WINDOW = 28;

/**
 * The instant to predict as of. With `'auto'`, when the four weeks
 * before today hold less than a quarter of the busiest four weeks of
 * the history, it is the start of the day after the history's last
 * busy day: a day with at least a quarter of the busiest four weeks'
 * daily mean whose four weeks (itself included) hold at least a
 * quarter of the busiest. A few new tickets on an old history do not
 * move it; a desk whose volume comes back does.
 */
export function anchorOf(
  arrivals: readonly Arrival[],
  zone: string,
  now: number,
  mode: AsOfMode,
): Anchor {
  const here: Anchor = { at: now, basis: 'now' };
  if (mode === 'now' || arrivals.length === 0) return here;
  const today = localDay(zone, now);
  const first = Math.min(localDay(zone, arrivals[0]!.at), today);
  const counts = new Array<number>(today - first + 1).fill(0);
  for (const a of arrivals) {
    const i = localDay(zone, a.at) - first;
    if (i >= 0 && i < counts.length) counts[i]!++;
  }
  // sums[i]: arrivals of the four weeks ending with day i (inclusive).
  const sums: number[] = [];
  let running = 0;
  counts.forEach((n, i) => {
    running += n - (i >= WINDOW ? counts[i - WINDOW]! : 0);
    sums.push(running);
  });
  const peak = Math.max(...sums);
  const recent = sums.length > 1 ? sums[sums.length - 2]! : 0;
  if (peak === 0 || 4 * recent >= peak) return here;
  for (let i = counts.length - 2; i >= 0; i--) {
    const busyDay = 4 * WINDOW * counts[i]! >= peak;
    if (busyDay && 4 * sums[i]! >= peak) {
      return { at: dayStart(zone, first + i + 1), basis: 'history' };
    }
  }
  return here;
}

/** What {@link createAsOf} reads: the predictor's own logs. */
export interface AsOfSources {
  zone: string;
  mode: AsOfMode;
  now: () => number;
  arrivals: { readonly size: number; list(): Arrival[] };
  /** The site's audit events, in feed order. */
  events: readonly AuditEvent[];
}

/**
 * The predictor's view of time: `anchor()` (cached per day and arrival
 * count) and `stateAt(at)`, the tickets and queues as they stood at an
 * instant, folded again from the events (cached until the next event).
 */
export function createAsOf(sources: AsOfSources) {
  const { zone, mode, now, arrivals, events } = sources;
  let cached: { key: string; anchor: Anchor } | null = null;
  let past: {
    key: string;
    tickets: Map<string, RiskFacts>;
    queues: Queues;
  } | null = null;
  return {
    anchor(): Anchor {
      const at = now();
      const key = `${arrivals.size}:${localDay(zone, at)}`;
      if (cached?.key !== key) {
        cached = { key, anchor: anchorOf(arrivals.list(), zone, at, mode) };
      }
      return cached.anchor.basis === 'now'
        ? { at, basis: 'now' }
        : cached.anchor;
    },
    stateAt(at: number) {
      const key = `${at}:${events.length}`;
      if (past?.key !== key) {
        past = { key, tickets: new Map(), queues: new Map() };
        for (const e of events) {
          if (Date.parse(e.at) <= at) foldRisk(past.tickets, past.queues, e);
        }
      }
      return past;
    },
  };
}
