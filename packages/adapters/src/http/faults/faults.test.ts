import { describe, expect, it } from 'vitest';
import { FAULT_MIX, type FaultKind, withFaults } from './fault-handler.js';
import { runFaults } from './fault-run.js';

/** Sends `n` first tries through the wrapper; answers what each got. */
async function sample(seed: string, n: number) {
  const inner = async () => Response.json({ ok: true }, { status: 201 });
  const faulty = withFaults(inner, seed);
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const request = new Request('http://127.0.0.1/api/v1/tickets', {
      method: 'POST',
      headers: { 'idempotency-key': `key-${i}` },
      // Hung tries end at once: the client has already left.
      signal: AbortSignal.abort(),
    });
    statuses.push((await faulty.handler(request)).status);
  }
  return { statuses, stats: faulty.stats };
}

describe('withFaults', () => {
  it('fails about 10% of requests, each kind near its share', async () => {
    const { stats } = await sample('mix', 10_000);
    const total = Object.values(stats.faults).reduce((a, b) => a + b);
    expect(total / 10_000).toBeGreaterThan(0.09);
    expect(total / 10_000).toBeLessThan(0.11);
    for (const [kind, share] of Object.entries(FAULT_MIX)) {
      const seen = stats.faults[kind as FaultKind] / 10_000;
      expect(Math.abs(seen - share), kind).toBeLessThan(share / 3);
    }
  });

  it('fails the same tries for the same seed, others for another', async () => {
    const a = await sample('one', 2_000);
    const b = await sample('one', 2_000);
    const c = await sample('two', 2_000);
    expect(b.statuses).toEqual(a.statuses);
    expect(c.statuses).not.toEqual(a.statuses);
  });
});

describe('the HTTP client against a server that fails 10% of requests', () => {
  it('opens exactly one ticket per acknowledged submit (300 submits)', async () => {
    const run = await runFaults({
      submits: 300,
      concurrency: 16,
      seed: 'unit',
      timeoutMs: 1_000,
      retries: 8,
    });
    expect(run.failed).toEqual([]);
    expect(run.acknowledged).toBe(300);
    expect(run.tickets).toBe(300);
    expect(run.duplicated).toBe(0);
    expect(run.missing).toBe(0);
    expect(run.unacknowledged).toBe(0);
    // The faults happened and were survived, not skipped.
    const injected = Object.values(run.stats.faults).reduce((a, b) => a + b);
    expect(injected).toBeGreaterThan(20);
    expect(run.stats.lostWork).toBeGreaterThan(0);
    expect(run.replayed).toBeGreaterThanOrEqual(run.stats.lostWork);
    expect(run.retries.timeout).toBeGreaterThan(0);
    // Every Retry-After the client heard was waited out, none cut short.
    expect(run.retryAfterHonoured).toBeGreaterThan(0);
    expect(run.retryAfterKept).toBe(run.retryAfterHonoured);
    expect(run.retryAfterEarly).toBe(0);
  }, 90_000);
});
