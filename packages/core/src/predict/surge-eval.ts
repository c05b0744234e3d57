import type { Arrival } from './series.js';
import {
  createSurgeDetector,
  type SurgeAlert,
  type SurgeOptions,
} from './surge.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONTH = 30.44 * 24 * HOUR;

/** A spike added to a real log: `count` tickets of `category` over `hours`. */
export interface Injection {
  category: string;
  at: number;
  count: number;
  hours: number;
}

/** Runs the detector over arrivals (in time order) and answers its alerts. */
export function runSurges(
  arrivals: readonly Arrival[],
  options: SurgeOptions = {},
): SurgeAlert[] {
  const detector = createSurgeDetector(options);
  for (const a of arrivals) detector.add(a);
  const last = arrivals[arrivals.length - 1];
  if (last) detector.flush(last.at + 24 * HOUR);
  return detector.alerts;
}

/** The arrivals with an injected spike, evenly spread, in time order. */
export function inject(
  arrivals: readonly Arrival[],
  spike: Injection,
  tag: string,
): Arrival[] {
  const extra = Array.from({ length: spike.count }, (_, i) => ({
    ticketId: `${tag}-${i}`,
    at: spike.at + Math.floor(((i + 0.5) * spike.hours * HOUR) / spike.count),
    category: spike.category,
    teamId: null,
  }));
  return [...arrivals, ...extra].sort((a, b) => a.at - b.at);
}

/** False alarms on a real log, and detection of spikes injected into it. */
export interface SurgeEvaluation {
  months: number;
  /** Alerts on the log as it is, per month (all counted as false). */
  alarmsPerMonth: number;
  spikes: number;
  detected: number;
  /** Hours from each detected spike's start to its alert. */
  delays: number[];
  medianDelayHours: number | null;
  maxDelayHours: number | null;
}

/**
 * Measures the detector on a real log: alarms per month without
 * injection, then each spike injected alone and detected when an alert
 * on its category that includes one of its tickets comes within
 * `withinHours` of its start.
 */
export function evaluateSurges(
  arrivals: readonly Arrival[],
  spikes: readonly Injection[],
  options: SurgeOptions & { withinHours?: number } = {},
): SurgeEvaluation {
  const within = (options.withinHours ?? 24) * HOUR;
  const first = arrivals[0]?.at ?? 0;
  const last = arrivals[arrivals.length - 1]?.at ?? 0;
  const warm = first + (options.warmupDays ?? 28) * 24 * HOUR;
  const months = Math.max(last - warm, 0) / MONTH;
  const base = runSurges(arrivals, options);
  const delays: number[] = [];
  spikes.forEach((spike, n) => {
    const tag = `injected-${n}`;
    const alerts = runSurges(inject(arrivals, spike, tag), options);
    const hit = alerts.find(
      (a) =>
        a.key === spike.category &&
        a.at <= spike.at + within &&
        a.ticketIds.some((id) => id.startsWith(`${tag}-`)),
    );
    if (hit) delays.push((hit.at - spike.at) / HOUR);
  });
  const sorted = [...delays].sort((a, b) => a - b);
  return {
    months,
    alarmsPerMonth: months ? base.length / months : 0,
    spikes: spikes.length,
    detected: delays.length,
    delays,
    medianDelayHours: sorted.length ? sorted[sorted.length >> 1]! : null,
    maxDelayHours: sorted.length ? sorted[sorted.length - 1]! : null,
  };
}

/**
 * Spikes for a log: in its busiest categories, on weekday mornings
 * after the warm-up, each `size` times the category's working-hour
 * rate over the four weeks before it (arrivals taken to fall in nine
 * working hours a weekday), for three hours and at least `min`
 * tickets, spaced evenly through the log.
 */
export function plannedSpikes(
  arrivals: readonly Arrival[],
  options: {
    count?: number;
    size?: number;
    min?: number;
    warmupDays?: number;
  } = {},
): Injection[] {
  const { count = 12, size = 3, min = 10, warmupDays = 28 } = options;
  const first = arrivals[0]?.at ?? 0;
  const last = arrivals[arrivals.length - 1]?.at ?? 0;
  const perCategory = new Map<string, number>();
  for (const a of arrivals) {
    if (!a.category) continue;
    perCategory.set(a.category, (perCategory.get(a.category) ?? 0) + 1);
  }
  const top = [...perCategory].sort((a, b) => b[1] - a[1]).slice(0, 4);
  const start = first + (warmupDays + 7) * DAY;
  const step = (last - start) / (count + 1);
  return Array.from({ length: count }, (_, i) => {
    const category = top[i % top.length]![0];
    let at = Math.floor((start + step * (i + 1)) / DAY) * DAY;
    while ([0, 6].includes(new Date(at).getUTCDay())) at += DAY;
    const recent = arrivals.filter(
      (a) => a.category === category && a.at >= at - 28 * DAY && a.at < at,
    ).length;
    const rate = recent / (20 * 9); // 20 weekdays of 9 working hours
    return {
      category,
      at: at + 9 * HOUR,
      count: Math.max(min, Math.round(size * rate * 3)),
      hours: 3,
    };
  });
}
