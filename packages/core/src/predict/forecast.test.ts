import { describe, expect, it } from 'vitest';
import { forecastSeries } from './forecast.js';

/** Sixteen weeks of weekday-shaped counts with some noise, seeded. */
function series(): number[] {
  let seed = 7;
  const noise = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const shape = [3, 14, 13, 12, 12, 10, 2];
  return Array.from({ length: 16 * 7 }, (_, i) =>
    Math.round(shape[i % 7]! * (0.6 + 0.8 * noise())),
  );
}

const datesFrom = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.UTC(2016, 5, 1 + i)).toISOString().slice(0, 10),
  );

describe('the volume forecast', () => {
  it('gives a day the same forecast and interval whatever the days asked', () => {
    const y = series();
    const asked = [1, 7, 14, 28].map((n) => forecastSeries(y, datesFrom(n)));
    const first = asked.map((f) => f.days[0]);
    for (const day of first) expect(day).toEqual(first[0]);
    expect(first[0]!.high).toBeGreaterThan(first[0]!.low);
    // Every day the shorter answers hold is the same in the longer ones.
    for (let i = 0; i < 14; i++) {
      expect(asked[3]!.days[i]).toEqual(asked[2]!.days[i]);
    }
    const weeks = asked.map((f) => f.week);
    for (const week of weeks) expect(week).toEqual(weeks[0]);
    expect(new Set(asked.map((f) => f.errors)).size).toBe(1);
  });
});
