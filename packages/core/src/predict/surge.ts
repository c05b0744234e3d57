import { localDay } from '../metrics/buckets.js';
import { zoneRules } from '../sla/zone.js';
import { weekdaySeasonal } from './model.js';
import { type Arrival, keyOf, NONE, type SeriesBy } from './series.js';

/** Options of {@link createSurgeDetector}. */
export interface SurgeOptions {
  /** IANA zone of days and hours. @default 'UTC' */
  zone?: string;
  /** What tickets are grouped by. @default 'category' */
  by?: Exclude<SeriesBy, 'all'>;
  /** CUSUM decision threshold (log-likelihood ratio). @default 6 */
  threshold?: number;
  /** The rate the test looks for, as a multiple of the forecast. @default 2 */
  shift?: number;
  /** Hours a key stays quiet after an alert. @default 24 */
  cooldownHours?: number;
  /** Days of history needed before a key is tested. @default 28 */
  warmupDays?: number;
  /**
   * The longest run of hours the evidence is summed over: a burst
   * shorter than this counts whole, a slow rise over days (which the
   * forecast follows within a week or two) does not add up. @default 6
   */
  windowHours?: number;
}

/** A possible incident: tickets of one group arriving faster than forecast. */
export interface SurgeAlert {
  id: string;
  by: string;
  key: string;
  /** When the test crossed its threshold, epoch ms (end of that hour). */
  at: number;
  /** When the excess began: the first hour of the run that crossed. */
  since: number;
  observed: number;
  expected: number;
  ticketIds: string[];
}

const HOUR = 3_600_000;

/** One closed hour of a key: its evidence, arrivals and expected count. */
interface Hour {
  start: number;
  llr: number;
  mu: number;
  ids: string[];
}

interface KeyState {
  days: Map<number, number>;
  /** The hours of the best window ending now (at most `windowHours`). */
  recent: Hour[];
  s: number;
  quietUntil: number;
  forecast: { day: number; value: number; dispersion: number } | null;
  /** Dispersion is re-estimated once a week. */
  dispersion: { week: number; value: number } | null;
}

/**
 * The best window of `hours` ending at the last one: the largest sum of
 * their evidence over the runs of latest hours, and where it starts.
 */
function bestWindow(hours: readonly Hour[]): { s: number; from: number } {
  let best = 0;
  let from = hours.length;
  let sum = 0;
  for (let i = hours.length - 1; i >= 0; i--) {
    sum += hours[i]!.llr;
    if (sum > best) [best, from] = [sum, i];
  }
  return { s: best, from };
}

/**
 * Watches arrivals for surges with a Poisson likelihood-ratio scan on
 * hourly counts per group: each hour's evidence is `x·ln(k) − (k − 1)·μ`,
 * where μ is the day's forecast for the group times the share of that
 * hour in recent days and k the shift looked for. The statistic is the
 * largest sum over the runs of latest hours up to `windowHours` (a
 * CUSUM whose memory is capped); above the threshold it raises an
 * alert that names the tickets of that run.
 */
export function createSurgeDetector(options: SurgeOptions = {}) {
  const zone = options.zone ?? 'UTC';
  const by = options.by ?? 'category';
  const h = options.threshold ?? 6;
  const k = options.shift ?? 2;
  const cooldown = (options.cooldownHours ?? 24) * HOUR;
  const window = Math.max(1, Math.round(options.windowHours ?? 6));
  const warmup = options.warmupDays ?? 28;
  const rules = zoneRules(zone);
  const model = weekdaySeasonal();
  const keys = new Map<string, KeyState>();
  // Arrivals per hour of the day, fading over about four weeks; a small
  // even prior until the first days are in.
  const hourly = new Array<number>(24).fill(0.1);
  const hourOf = (at: number) =>
    new Date(at + rules.offsetAt(at)).getUTCHours();
  let current = Number.NaN;
  let firstDay = Number.NaN;
  let bucket = new Map<string, string[]>();
  const alerts: SurgeAlert[] = [];

  function dailyForecast(state: KeyState, day: number) {
    if (state.forecast?.day === day) return state.forecast;
    const y: number[] = [];
    // Days before the log began are unknown, not quiet.
    for (let d = Math.max(day - 84, firstDay); d < day; d++) {
      y.push(state.days.get(d) ?? 0);
    }
    state.forecast = {
      day,
      value: model(y, y.length, 1),
      dispersion: weeklyDispersion(state, day, y),
    };
    return state.forecast;
  }

  function weeklyDispersion(state: KeyState, day: number, y: number[]) {
    const week = Math.floor(day / 7);
    if (state.dispersion?.week !== week) {
      state.dispersion = { week, value: dispersionOf(y) };
    }
    return state.dispersion.value;
  }

  /**
   * How much more the key's days spread than Poisson counts would
   * (at least 1): bursty groups need more evidence before an alert.
   * The excess is shrunk toward 1 for small counts, where the days'
   * spread says more about the forecast's own noise than about bursts.
   */
  function dispersionOf(y: readonly number[]): number {
    let squares = 0;
    let expected = 0;
    let n = 0;
    for (let t = Math.max(7, y.length - 28); t < y.length; t++) {
      const f = model(y, t, 1);
      squares += (y[t]! - f) ** 2;
      expected += Math.max(f, 0.5);
      n++;
    }
    if (expected === 0) return 1;
    const excess = Math.max(0, squares / expected - 1);
    const mean = expected / n;
    return 1 + (excess * mean) / (mean + 5);
  }

  function closeHour(start: number) {
    const day = localDay(zone, start);
    const total = hourly.reduce((a, b) => a + b, 0);
    const share = hourly[hourOf(start)]! / total;
    for (const [key, state] of keys) {
      const ids = bucket.get(key) ?? [];
      if (ids.length === 0 && state.s === 0) continue;
      if (day - firstDay < warmup || start < state.quietUntil) continue;
      const forecast = dailyForecast(state, day);
      const mu = Math.max(forecast.value * share, 0.02);
      const llr = ids.length * Math.log(k) - (k - 1) * mu;
      const weighed = llr / Math.sqrt(forecast.dispersion);
      state.recent.push({ start, llr: weighed, mu, ids });
      if (state.recent.length > window) state.recent.shift();
      const best = bestWindow(state.recent);
      state.s = best.s;
      state.recent = state.recent.slice(best.from);
      if (state.s > h) raise(key, state, start + HOUR);
    }
    for (const ids of bucket.values()) hourly[hourOf(start)]! += ids.length;
    for (let i = 0; i < 24; i++) hourly[i]! *= 1 - 1 / (28 * 24);
    bucket = new Map();
  }

  function raise(key: string, state: KeyState, at: number) {
    const run = state.recent;
    alerts.push({
      id: `surge-${by}-${at}-${alerts.length}`,
      by,
      key,
      at,
      since: run[0]!.start,
      observed: run.reduce((n, r) => n + r.ids.length, 0),
      expected: Math.round(run.reduce((n, r) => n + r.mu, 0) * 10) / 10,
      ticketIds: [...new Set(run.flatMap((r) => r.ids))],
    });
    state.s = 0;
    state.recent = [];
    state.quietUntil = at + cooldown;
  }

  /** Closes every hour that ends at or before `at`. */
  function advance(at: number) {
    if (Number.isNaN(current)) return;
    while (current + HOUR <= at) {
      closeHour(current);
      current += HOUR;
    }
  }

  return {
    alerts,
    /** Adds one arrival; arrivals must come in time order. Answers new alerts. */
    add(arrival: Arrival): SurgeAlert[] {
      const before = alerts.length;
      if (Number.isNaN(current)) {
        current = Math.floor(arrival.at / HOUR) * HOUR;
        firstDay = localDay(zone, arrival.at);
      }
      advance(arrival.at);
      const key = keyOf(arrival, by);
      // Tickets not yet classified are no one category or team: a burst
      // of them is not "one kind of problem", so they are not scanned.
      if (key === NONE) return alerts.slice(before);
      const state = keys.get(key) ?? newState();
      keys.set(key, state);
      const day = localDay(zone, arrival.at);
      state.days.set(day, (state.days.get(day) ?? 0) + 1);
      bucket.set(key, [...(bucket.get(key) ?? []), arrival.ticketId]);
      return alerts.slice(before);
    },
    /** Closes the hours up to `at` (a clock tick); answers new alerts. */
    flush(at: number): SurgeAlert[] {
      const before = alerts.length;
      advance(at);
      return alerts.slice(before);
    },
  };
}

const newState = (): KeyState => ({
  days: new Map(),
  recent: [],
  s: 0,
  quietUntil: 0,
  forecast: null,
  dispersion: null,
});
