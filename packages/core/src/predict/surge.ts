import { localDay } from '../metrics/buckets.js';
import { zoneRules } from '../sla/zone.js';
import { weekdaySeasonal } from './model.js';
import { type Arrival, keyOf, type SeriesBy } from './series.js';

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
}

/** A possible incident: tickets of one group arriving faster than forecast. */
export interface SurgeAlert {
  id: string;
  by: string;
  key: string;
  /** When the test crossed its threshold, epoch ms (end of that hour). */
  at: number;
  /** When the excess began: the first hour the statistic left zero. */
  since: number;
  observed: number;
  expected: number;
  ticketIds: string[];
}

const HOUR = 3_600_000;

interface KeyState {
  days: Map<number, number>;
  s: number;
  since: number;
  observed: number;
  expected: number;
  tickets: string[];
  quietUntil: number;
  forecast: { day: number; value: number; dispersion: number } | null;
  /** Dispersion is re-estimated once a week. */
  dispersion: { week: number; value: number } | null;
}

/**
 * Watches arrivals for surges with a Poisson CUSUM on hourly counts per
 * group: each hour adds `x·ln(k) − (k − 1)·μ`, where μ is the day's
 * forecast for the group times the share of that hour in recent days
 * and k the shift looked for; above the threshold it raises an alert
 * that names the tickets since the excess began.
 */
export function createSurgeDetector(options: SurgeOptions = {}) {
  const zone = options.zone ?? 'UTC';
  const by = options.by ?? 'category';
  const h = options.threshold ?? 6;
  const k = options.shift ?? 2;
  const cooldown = (options.cooldownHours ?? 24) * HOUR;
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
      if (state.s === 0)
        Object.assign(state, {
          since: start,
          observed: 0,
          expected: 0,
          tickets: [],
        });
      const llr = ids.length * Math.log(k) - (k - 1) * mu;
      state.s = Math.max(0, state.s + llr / Math.sqrt(forecast.dispersion));
      state.observed += ids.length;
      state.expected += mu;
      state.tickets.push(...ids);
      if (state.s > h) raise(key, state, start + HOUR);
    }
    for (const ids of bucket.values()) hourly[hourOf(start)]! += ids.length;
    for (let i = 0; i < 24; i++) hourly[i]! *= 1 - 1 / (28 * 24);
    bucket = new Map();
  }

  function raise(key: string, state: KeyState, at: number) {
    alerts.push({
      id: `surge-${by}-${at}-${alerts.length}`,
      by,
      key,
      at,
      since: state.since,
      observed: state.observed,
      expected: Math.round(state.expected * 10) / 10,
      ticketIds: [...new Set(state.tickets)],
    });
    state.s = 0;
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
  s: 0,
  since: 0,
  observed: 0,
  expected: 0,
  tickets: [],
  quietUntil: 0,
  forecast: null,
  dispersion: null,
});
