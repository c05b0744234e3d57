import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketIndex, bucketsBetween, dayStart, localDay } from './buckets.js';

const H = 3_600_000;
const hours = (b: { start: number; end: number }) => (b.end - b.start) / H;

describe('time-zone buckets', () => {
  it('gives Berlin a 23-hour day when clocks go forward and a 25-hour one when they go back', () => {
    const spring = bucketsBetween(
      'Europe/Berlin',
      Date.parse('2024-03-30T12:00Z'),
      Date.parse('2024-04-01T12:00Z'),
      'day',
    );
    expect(spring.map((b) => [b.key, hours(b)])).toEqual([
      ['2024-03-30', 24],
      ['2024-03-31', 23],
      ['2024-04-01', 24],
    ]);
    const autumn = bucketsBetween(
      'Europe/Berlin',
      Date.parse('2024-10-27T00:00Z'),
      Date.parse('2024-10-27T01:00Z'),
      'day',
    );
    expect(autumn.map((b) => [b.key, hours(b)])).toEqual([['2024-10-27', 25]]);
    expect(new Date(autumn[0]!.start).toISOString()).toBe(
      '2024-10-26T22:00:00.000Z',
    );
  });

  it('starts weeks on Monday at local midnight', () => {
    // Sunday 2024-03-31 in New York falls in the week of Monday 25 March.
    const weeks = bucketsBetween(
      'America/New_York',
      Date.parse('2024-03-31T12:00Z'),
      Date.parse('2024-04-02T00:00Z'),
      'week',
    );
    expect(weeks.map((w) => w.key)).toEqual(['2024-03-25', '2024-04-01']);
    expect(new Date(weeks[1]!.start).toISOString()).toBe(
      '2024-04-01T04:00:00.000Z',
    );
    // The week of 2024-03-04 ends on the spring-forward Sunday: 167 hours.
    const dst = bucketsBetween(
      'America/New_York',
      Date.parse('2024-03-06T00:00Z'),
      Date.parse('2024-03-07T00:00Z'),
      'week',
    );
    expect(dst.map((w) => [w.key, hours(w)])).toEqual([['2024-03-04', 167]]);
  });

  it('starts a day whose midnight is skipped when the clocks jump', () => {
    // São Paulo moved clocks from 00:00 to 01:00 on 2018-11-04.
    const start = dayStart(
      'America/Sao_Paulo',
      Date.parse('2018-11-04') / (24 * H),
    );
    expect(new Date(start).toISOString()).toBe('2018-11-04T03:00:00.000Z');
  });

  it('covers any period with contiguous days of 23 to 25 hours, each instant in the day of its wall clock', () => {
    const zones = fc.constantFrom(
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Sydney',
      'Asia/Kolkata',
    );
    const instant = fc.integer({
      min: Date.UTC(2015, 0, 1),
      max: Date.UTC(2030, 0, 1),
    });
    fc.assert(
      fc.property(
        zones,
        instant,
        fc.integer({ min: 1, max: 40 * 24 * H }),
        (zone, from, span) => {
          const days = bucketsBetween(zone, from, from + span, 'day');
          expect(days[0]!.start).toBeLessThanOrEqual(from);
          expect(days.at(-1)!.end).toBeGreaterThanOrEqual(from + span);
          days.forEach((d, i) => {
            expect([23, 24, 25]).toContain(hours(d));
            if (i > 0) expect(d.start).toBe(days[i - 1]!.end);
          });
          const at = from + Math.floor(span / 2);
          const day = days[bucketIndex(days, at)]!;
          const wall = new Intl.DateTimeFormat('en-CA', {
            timeZone: zone,
          }).format(at);
          expect(day.key).toBe(wall);
          expect(localDay(zone, day.start)).toBe(localDay(zone, at));
        },
      ),
      { numRuns: 200 },
    );
  });
});
