import { describe, expect, it } from 'vitest';
import { addressKey } from './client-address.js';
import { createMemoryRateLimitStore, takeTokens } from './rate-limit.js';

const rule = { limit: 3, windowMs: 60_000 }; // one token every 20 s
const T0 = 1_700_000_000_000;

describe('the token bucket', () => {
  it('lets a burst of `limit` through, then refuses with the wait for one token', () => {
    const store = createMemoryRateLimitStore();
    const states = [1, 2, 3, 4].map(() => store.take('k', rule, T0, 1));
    expect(states.map((s) => s.allowed)).toEqual([true, true, true, false]);
    expect(states.map((s) => s.remaining)).toEqual([2, 1, 0, 0]);
    expect(states[3]!.retryAfterMs).toBe(20_000);
    expect(states[2]!.resetMs).toBe(60_000);
  });

  it('refills evenly: one token per window/limit, never above the limit', () => {
    const store = createMemoryRateLimitStore();
    for (let i = 0; i < 3; i++) store.take('k', rule, T0, 1);
    const early = store.take('k', rule, T0 + 19_999, 1);
    expect(early.allowed).toBe(false);
    expect(early.retryAfterMs).toBe(1);
    expect(store.take('k', rule, T0 + 20_000, 1).allowed).toBe(true);
    // Idle for an hour: full again, not 180 tokens.
    const later = store.take('k', rule, T0 + 3_600_000, 1);
    expect(later.remaining).toBe(2);
  });

  it('leaves a refused bucket as it was, and a look (cost 0) takes nothing', () => {
    const store = createMemoryRateLimitStore();
    expect(store.take('k', rule, T0, 0).remaining).toBe(3);
    for (let i = 0; i < 3; i++) store.take('k', rule, T0, 1);
    for (let i = 0; i < 5; i++) store.take('k', rule, T0 + 10_000, 1);
    const look = store.take('k', rule, T0 + 20_000, 0);
    expect(look).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('keeps keys apart', () => {
    const store = createMemoryRateLimitStore();
    for (let i = 0; i < 3; i++) store.take('a', rule, T0, 1);
    expect(store.take('a', rule, T0, 1).allowed).toBe(false);
    expect(store.take('b', rule, T0, 1)).toMatchObject({
      allowed: true,
      remaining: 2,
    });
  });

  it('is plain arithmetic a shared store can run: takeTokens', () => {
    const first = takeTokens(undefined, rule, T0, 1);
    expect(first.entry).toEqual({ tokens: 2, at: T0, fullAt: T0 + 20_000 });
    const again = takeTokens(first.entry, rule, T0 + 10_000, 1);
    expect(again.entry.tokens).toBeCloseTo(1.5);
    // A clock that steps back refills nothing.
    const back = takeTokens(again.entry, rule, T0, 0);
    expect(back.entry.tokens).toBeCloseTo(1.5);
  });
});

describe('the memory store', () => {
  it('stays within maxKeys, evicting the least recently used', () => {
    const store = createMemoryRateLimitStore({ maxKeys: 100 });
    for (let i = 0; i < 5_000; i++) store.take(`k${i}`, rule, T0, 1);
    expect(store.size).toBe(100);
    // The newest survived with its count; the oldest start full again.
    expect(store.take('k4999', rule, T0, 1).remaining).toBe(1);
    expect(store.take('k0', rule, T0, 1).remaining).toBe(2);
  });

  it('drops idle buckets (full again) as soon as it sees them', () => {
    const store = createMemoryRateLimitStore();
    for (let i = 0; i < 50; i++) store.take(`idle${i}`, rule, T0, 1);
    expect(store.size).toBe(50);
    store.take('fresh', rule, T0 + 20_000, 1);
    expect(store.size).toBe(1);
  });

  it('keeps nothing for a look at a full bucket', () => {
    const store = createMemoryRateLimitStore();
    for (let i = 0; i < 100; i++) store.take(`look${i}`, rule, T0, 0);
    expect(store.size).toBe(0);
  });

  it('refuses a maxKeys that is not a positive whole number', () => {
    expect(() => createMemoryRateLimitStore({ maxKeys: 0 })).toThrow(/maxKeys/);
  });
});

describe('client address keys', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['[2001:db8::1]:443', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s is limited as %s', (raw, key) => {
    expect(addressKey(raw)).toBe(key);
  });

  it.each(['unknown', '999.1.1.1', '1.2.3', '2001:db8::1::2', '12345::', ''])(
    '%j is no address',
    (raw) => {
      expect(addressKey(raw)).toBeNull();
    },
  );
});
