import { describe, expect, it } from 'vitest';
import type { Arrival } from './series.js';
import { createSurgeDetector } from './surge.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2024, 0, 1);

/** `perHour(day, hour)` arrivals of one category each hour, in order. */
function arrivals(
  days: number,
  perHour: (day: number, hour: number) => number,
): Arrival[] {
  const out: Arrival[] = [];
  for (let d = 0; d < days; d++) {
    for (let h = 0; h < 24; h++) {
      const n = perHour(d, h);
      for (let i = 0; i < n; i++) {
        out.push({
          ticketId: `t${d}-${h}-${i}`,
          at: START + d * DAY + h * HOUR + Math.floor((i * HOUR) / (n + 1)),
          category: 'network',
          teamId: null,
        });
      }
    }
  }
  return out;
}

/** Two tickets an hour in working hours (08–17), none at night. */
const working = (h: number) => (h >= 8 && h < 17 ? 2 : 0);

function run(list: Arrival[]) {
  const detector = createSurgeDetector({ threshold: 8, shift: 3 });
  for (const a of list) detector.add(a);
  detector.flush(list[list.length - 1]!.at + DAY);
  return detector.alerts;
}

describe('possible-incident alerts', () => {
  it('raise an alert within three hours of a burst, naming its tickets', () => {
    const list = arrivals(42, (d, h) =>
      d === 35 && h >= 9 && h < 12 ? 8 : working(h),
    );
    const [alert, ...rest] = run(list);
    expect(rest).toEqual([]);
    const burst = START + 35 * DAY + 9 * HOUR;
    expect(alert!.at - burst).toBeLessThanOrEqual(3 * HOUR);
    expect(alert!.since).toBeGreaterThanOrEqual(burst - 6 * HOUR);
    expect(alert!.ticketIds).toContain('t35-9-0');
    expect(alert!.observed).toBeGreaterThan(alert!.expected * 2);
  });

  it('stay quiet while a category doubles for days, as a level shift', () => {
    // Four tickets an hour instead of two from day 35: above the
    // forecast for a week or more, but never a burst. Evidence summed
    // without a cap (a plain CUSUM) raised three alerts here.
    const list = arrivals(49, (d, h) =>
      d >= 35 && working(h) ? 4 : working(h),
    );
    expect(run(list)).toEqual([]);
  });

  it('do not scan tickets with no category yet as one category', () => {
    const list = arrivals(42, (d, h) =>
      d === 35 && h >= 9 && h < 12 ? 8 : working(h),
    ).map((a) => ({ ...a, category: null }));
    expect(run(list)).toEqual([]);
  });
});
