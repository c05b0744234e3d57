import { describe, expect, it } from 'vitest';
import { describeRun, runFaults } from './fault-run.js';

const SUBMITS = 10_000;

describe('faults: 10,000 submits through a server that fails 10% of requests', () => {
  it('loses no acknowledged ticket and opens no duplicate', async () => {
    const run = await runFaults({
      submits: SUBMITS,
      concurrency: 32,
      seed: process.env.FAULT_SEED ?? 'issue-8',
      timeoutMs: 1_000,
      retries: 8,
    });
    // biome-ignore lint/suspicious/noConsole: issue 8 asks the fault suite to print its figures
    console.log(`fault suite: ${describeRun(run)}`);

    expect(run.failed).toEqual([]);
    expect(run.acknowledged).toBe(SUBMITS);
    expect(run.tickets).toBe(run.acknowledged);
    expect(run.duplicated).toBe(0);
    expect(run.missing).toBe(0);
    expect(run.unacknowledged).toBe(0);

    // About a tenth of the requests failed, every kind among them.
    const injected = Object.values(run.stats.faults).reduce((a, b) => a + b);
    expect(injected / run.stats.requests).toBeGreaterThan(0.08);
    expect(injected / run.stats.requests).toBeLessThan(0.12);
    for (const n of Object.values(run.stats.faults))
      expect(n).toBeGreaterThan(0);
    // Each submit whose work was done but whose answer was lost got a
    // replay of that ticket on a later try.
    expect(run.stats.lostWork).toBeGreaterThan(0);
    expect(run.replayed).toBeGreaterThanOrEqual(run.stats.lostWork);
    // Every Retry-After the client heard was waited out, none cut short.
    expect(run.retryAfterHonoured).toBeGreaterThan(0);
    expect(run.retryAfterKept).toBe(run.retryAfterHonoured);
    expect(run.retryAfterEarly).toBe(0);
  });
});
