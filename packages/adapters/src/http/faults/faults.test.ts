import { describe, expect, it } from 'vitest';
import { FAULT_MIX } from './fault-handler.js';
import { runFaults } from './fault-run.js';

describe('the HTTP client against a server that fails 10% of requests', () => {
  it('fails about a tenth of requests, in every kind', () => {
    const total = Object.values(FAULT_MIX).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(0.1, 10);
  });

  it('opens exactly one ticket per acknowledged submit (400 submits)', async () => {
    const run = await runFaults({
      submits: 400,
      concurrency: 16,
      seed: 'unit',
      timeoutMs: 1_000,
      retries: 8,
    });
    expect(run.failed).toEqual([]);
    expect(run.acknowledged).toBe(400);
    expect(run.tickets).toBe(400);
    expect(run.duplicated).toBe(0);
    expect(run.missing).toBe(0);
    expect(run.unacknowledged).toBe(0);
    // The faults happened and were survived, not skipped.
    const injected = Object.values(run.stats.faults).reduce((a, b) => a + b);
    expect(injected).toBeGreaterThan(20);
    expect(run.replayed).toBeGreaterThan(0);
    expect(run.retries.timeout).toBeGreaterThan(0);
    // Every Retry-After the client heard was waited out, none cut short.
    expect(run.retryAfterHonoured).toBeGreaterThan(0);
    expect(run.retryAfterKept).toBe(run.retryAfterHonoured);
    expect(run.retryAfterEarly).toBe(0);
  }, 90_000);
});
