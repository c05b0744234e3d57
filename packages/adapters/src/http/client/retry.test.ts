import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  createRetryPolicy,
  type Failure,
  type Outcome,
  parseRetryAfter,
  RETRY_STATUSES,
  type RetryEnv,
} from './retry.js';
import type { RetryEvent } from './types.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');

/** A clock that only moves when the policy sleeps, and fixed draws. */
function fakeEnv(draws: number[] = [0.5]) {
  const slept: number[] = [];
  let now = NOW;
  let i = 0;
  const env: RetryEnv = {
    random: () => draws[i++ % draws.length]!,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    now: () => now,
  };
  return { env, slept };
}

/** Tries that give each outcome in turn, then the last one for ever. */
function tries<T>(...outcomes: Outcome<T>[]) {
  let n = 0;
  const attempt = async () => outcomes[Math.min(n++, outcomes.length - 1)]!;
  return { attempt, count: () => n };
}

const lost: Failure = { kind: 'network', error: new TypeError('lost') };
const status = (code: number, retryAfter?: string): Failure => ({
  kind: 'status',
  response: new Response(null, {
    status: code,
    headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
  }),
});
const call = { method: 'GET', path: '/tickets/x', retry: true };

describe('parseRetryAfter', () => {
  it('reads whole seconds', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
  });

  it('reads the three HTTP date forms, as a wait from now', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:05 GMT', NOW)).toBe(5000);
    expect(parseRetryAfter('Monday, 02-Mar-26 10:00:07 GMT', NOW)).toBe(7000);
    expect(parseRetryAfter('Mon Mar  2 10:01:00 2026', NOW)).toBe(60_000);
  });

  it('waits nothing for a date that has passed', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:59:00 GMT', NOW)).toBe(0);
  });

  it('ignores values that are neither', () => {
    for (const value of ['', '1.5', '-1', 'soon', '2026-03-02', null]) {
      expect(parseRetryAfter(value, NOW), String(value)).toBeNull();
    }
  });
});

describe('backoffMs', () => {
  const settings = { retryDelayMs: 100, maxRetryDelayMs: 1000 };

  it('doubles the ceiling each retry up to the cap', () => {
    const full = { ...settings, jitter: 'full' as const };
    expect([1, 2, 3, 4, 5].map((r) => backoffMs(r, full, () => 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(backoffMs(3, full, () => 0)).toBe(0);
  });

  it('keeps half the ceiling with equal jitter', () => {
    const equal = { ...settings, jitter: 'equal' as const };
    expect(backoffMs(3, equal, () => 0)).toBe(200);
    expect(backoffMs(3, equal, () => 1)).toBe(400);
  });

  it('always lands between its floor and its capped ceiling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.constantFrom('full' as const, 'equal' as const),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, retryDelayMs, maxRetryDelayMs, jitter, draw) => {
          const s = { retryDelayMs, maxRetryDelayMs, jitter };
          const cap = Math.min(
            maxRetryDelayMs,
            retryDelayMs * 2 ** (retry - 1),
          );
          const wait = backoffMs(retry, s, () => draw);
          const floor = jitter === 'equal' ? cap / 2 : 0;
          expect(wait).toBeGreaterThanOrEqual(Math.floor(floor));
          expect(wait).toBeLessThanOrEqual(Math.ceil(cap));
        },
      ),
      { seed: 8, numRuns: 500 },
    );
  });
});

describe('createRetryPolicy: run', () => {
  it('tries 1 + retries times, sleeping the jittered backoff between', async () => {
    const { env, slept } = fakeEnv([0.5]);
    const policy = createRetryPolicy({ retries: 3, retryDelayMs: 100 }, env);
    const t = tries<string>(lost);
    const { last, unsure } = await policy.run(t.attempt, call);
    expect(last).toBe(lost);
    expect(unsure).toBe(true);
    expect(t.count()).toBe(4);
    expect(slept).toEqual([50, 100, 200]);
  });

  it('returns the value as soon as a try succeeds', async () => {
    const { env, slept } = fakeEnv();
    const policy = createRetryPolicy({}, env);
    const t = tries<string>(status(502), { value: 'ok' });
    expect(await policy.run(t.attempt, call)).toEqual({
      last: { value: 'ok' },
      unsure: true,
    });
    expect(slept).toHaveLength(1);
  });

  it('never repeats a call that may not be repeated', async () => {
    const { env, slept } = fakeEnv();
    const policy = createRetryPolicy({ retries: 5 }, env);
    const t = tries<string>(lost);
    await policy.run(t.attempt, { ...call, retry: false });
    expect(t.count()).toBe(1);
    expect(slept).toEqual([]);
  });

  it('waits a Retry-After in seconds on 503, plus at most retryDelayMs', async () => {
    const { env, slept } = fakeEnv([0.5]);
    const events: RetryEvent[] = [];
    const policy = createRetryPolicy(
      { retryDelayMs: 100, onRetry: (e) => events.push(e) },
      env,
    );
    await policy.run(tries(status(503, '2'), { value: 1 }).attempt, call);
    expect(slept).toEqual([2050]);
    expect(events).toEqual([
      {
        retry: 1,
        reason: 'status',
        status: 503,
        retryAfterMs: 2000,
        delayMs: 2050,
        method: 'GET',
        path: '/tickets/x',
      },
    ]);
  });

  it('waits until a Retry-After date on 429', async () => {
    const { env, slept } = fakeEnv([0]);
    const policy = createRetryPolicy({}, env);
    const at = 'Mon, 02 Mar 2026 10:00:03 GMT';
    const { unsure } = await policy.run(
      tries(status(429, at), { value: 1 }).attempt,
      call,
    );
    expect(slept).toEqual([3000]);
    // A 429 says the server did nothing with the request.
    expect(unsure).toBe(false);
  });

  it('gives up when Retry-After asks for more than maxRetryDelayMs', async () => {
    const { env, slept } = fakeEnv();
    const events: RetryEvent[] = [];
    const policy = createRetryPolicy(
      { maxRetryDelayMs: 5000, onRetry: (e) => events.push(e) },
      env,
    );
    const t = tries<number>(status(503, '6'), { value: 1 });
    const { last } = await policy.run(t.attempt, call);
    expect(last).toMatchObject({ kind: 'status' });
    expect(t.count()).toBe(1);
    expect(slept).toEqual([]);
    expect(events).toEqual([]);
  });

  it('keeps a honoured wait under the cap', async () => {
    const { env, slept } = fakeEnv([0.99]);
    const policy = createRetryPolicy(
      { retryDelayMs: 1000, maxRetryDelayMs: 5000 },
      env,
    );
    await policy.run(tries(status(503, '5'), { value: 1 }).attempt, call);
    expect(slept).toEqual([5000]);
  });

  it('uses backoff where Retry-After does not apply or does not parse', async () => {
    const { env, slept } = fakeEnv([1]);
    const policy = createRetryPolicy({ retryDelayMs: 100 }, env);
    const t = tries(status(500, '30'), status(503, 'later'), { value: 1 });
    await policy.run(t.attempt, call);
    expect(slept).toEqual([100, 200]);
  });

  it('reports time-outs as their own reason', async () => {
    const { env } = fakeEnv();
    const reasons: string[] = [];
    const policy = createRetryPolicy(
      { onRetry: (e) => reasons.push(e.reason) },
      env,
    );
    const timeout: Failure = { kind: 'timeout', error: new Error('slow') };
    await policy.run(tries(timeout, lost, { value: 1 }).attempt, call);
    expect(reasons).toEqual(['timeout', 'network']);
  });
});

describe('RETRY_STATUSES', () => {
  it('holds the statuses worth another try, and no others', () => {
    expect([...RETRY_STATUSES].sort()).toEqual([
      408, 425, 429, 500, 502, 503, 504,
    ]);
  });
});
