import type { SlaRegistry } from './registry.js';
import type { SlaClock } from './state-schema.js';

/**
 * The first instant at which a clock's runs reach `thresholdMs` of
 * business time, or null when they do not (a paused clock short of
 * it). A closed run answers an instant in the past; the open run
 * extends into the future on its calendar.
 */
export function locate(
  registry: SlaRegistry,
  clock: SlaClock,
  thresholdMs: number,
): number | null {
  const first = clock.runs[0];
  if (!first) return null;
  if (thresholdMs <= 0) return Date.parse(first.from);
  let counted = 0;
  for (const run of clock.runs) {
    const calendar = registry.calendar(run.calendarId);
    const from = Date.parse(run.from);
    if (run.to === null) return calendar.add(from, thresholdMs - counted);
    const ms = run.ms ?? 0;
    if (counted + ms >= thresholdMs) {
      return calendar.add(from, thresholdMs - counted);
    }
    counted += ms;
  }
  return null;
}

/** Business ms a clock has counted by `at`. */
export function elapsedAt(
  registry: SlaRegistry,
  clock: SlaClock,
  at: number,
): number {
  const open = clock.runs[clock.runs.length - 1];
  if (!open || open.to !== null) return clock.elapsedMs;
  const calendar = registry.calendar(open.calendarId);
  return clock.elapsedMs + calendar.elapsed(Date.parse(open.from), at);
}

/** The run a clock is counting in, if it runs. */
export const openRun = (clock: SlaClock) => {
  const last = clock.runs[clock.runs.length - 1];
  return last && last.to === null ? last : null;
};
