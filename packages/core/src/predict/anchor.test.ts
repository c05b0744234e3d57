import { describe, expect, it } from 'vitest';
import { anchorOf } from './anchor.js';
import type { Arrival } from './series.js';

const DAY = 86_400_000;
const START = Date.UTC(2016, 2, 1, 9); // 2016-03-01 09:00

/** `perDay` arrivals a day for `days` days from `from`. */
function history(from: number, days: number, perDay: number): Arrival[] {
  return Array.from({ length: days * perDay }, (_, i) => ({
    ticketId: `t${from}-${i}`,
    at: from + Math.floor(i / perDay) * DAY + (i % perDay) * 60_000,
    category: null,
    teamId: null,
  }));
}

const busy = history(START, 90, 10); // 2016-03-01 … 2016-05-29
const NOW = Date.UTC(2026, 11, 5, 12);

describe('the instant predictions are made as of', () => {
  it("is the clock's now unless asked for 'auto'", () => {
    expect(anchorOf(busy, 'UTC', NOW, 'now')).toEqual({
      at: NOW,
      basis: 'now',
    });
  });

  it('is the day after the last busy day of an old history', () => {
    const straggler = history(Date.UTC(2016, 7, 10, 9), 1, 1);
    const anchor = anchorOf([...busy, ...straggler], 'UTC', NOW, 'auto');
    expect(anchor.basis).toBe('history');
    expect(new Date(anchor.at).toISOString()).toBe('2016-05-30T00:00:00.000Z');
  });

  it('stays at the history end when a few new tickets come in', () => {
    const today = history(NOW - 3 * DAY, 3, 8);
    const anchor = anchorOf([...busy, ...today], 'UTC', NOW, 'auto');
    expect(new Date(anchor.at).toISOString()).toBe('2016-05-30T00:00:00.000Z');
  });

  it('is now again once the last four weeks hold a busy month of their own', () => {
    const recent = history(NOW - 28 * DAY, 28, 3);
    expect(anchorOf([...busy, ...recent], 'UTC', NOW, 'auto')).toEqual({
      at: NOW,
      basis: 'now',
    });
  });

  it('is now on a desk in use and on an empty one', () => {
    const inUse = history(NOW - 90 * DAY, 90, 10);
    expect(anchorOf(inUse, 'UTC', NOW, 'auto').basis).toBe('now');
    expect(anchorOf([], 'UTC', NOW, 'auto').basis).toBe('now');
  });

  it('counts days in the zone given', () => {
    const anchor = anchorOf(busy, 'Europe/Rome', NOW, 'auto');
    // Midnight in Rome (CEST, UTC+2) after the last busy day.
    expect(new Date(anchor.at).toISOString()).toBe('2016-05-29T22:00:00.000Z');
  });
});
