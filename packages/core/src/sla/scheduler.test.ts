import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSlaScheduler } from './scheduler.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the SLA scheduler', () => {
  it('ticks every interval, one tick at a time, and stops cleanly', async () => {
    vi.useFakeTimers();
    let inFlight = 0;
    let most = 0;
    const tick = vi.fn(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 250));
      inFlight -= 1;
      return [1, 2];
    });
    const counts: number[] = [];
    const scheduler = createSlaScheduler({
      desk: { tick },
      everyMs: 100,
      onTick: (n) => counts.push(n),
    });
    scheduler.start();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1_000);
    const stopped = scheduler.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    await stopped;
    expect(tick.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(most).toBe(1);
    expect(counts.every((n) => n === 2)).toBe(true);
    const calls = tick.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(tick.mock.calls.length).toBe(calls);
    expect(scheduler.running).toBe(false);
  });

  it('reports a failed tick and keeps going', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let n = 0;
    const scheduler = createSlaScheduler({
      desk: {
        tick: async () => {
          n += 1;
          if (n === 1) throw new Error('store down');
          return [];
        },
      },
      everyMs: 10,
      onError: (e) => errors.push(e),
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(100);
    await scheduler.stop();
    expect(errors).toHaveLength(1);
    expect(n).toBeGreaterThan(1);
  });

  it('refuses intervals near setTimeout overflow and a missing desk', () => {
    const desk = { tick: async () => [] };
    expect(() =>
      createSlaScheduler({ desk, everyMs: 30 * 86_400_000 }),
    ).toThrow(/everyMs/);
    expect(() => createSlaScheduler({ desk, everyMs: 0 })).toThrow(/everyMs/);
    expect(() =>
      createSlaScheduler({} as Parameters<typeof createSlaScheduler>[0]),
    ).toThrow(/desk/);
  });
});
