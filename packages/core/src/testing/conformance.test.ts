import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.js';
import {
  BROKEN_STORES,
  brokenUnderTest,
  capabilityReport,
  describeStoreConformance,
  MEMORY_CAPABILITY_REASONS,
  memoryHarness,
  memoryUnderTest,
  runConformance,
} from './index.js';

describeStoreConformance('memory', memoryHarness());

describe('the conformance suite', () => {
  it('passes the memory store outside a test runner too', async () => {
    expect(await runConformance(memoryHarness())).toEqual([]);
  });

  const expected: Record<string, RegExp> = {
    'no version check':
      /stale version is a conflict|exactly one wins|lose no update/,
    'no idempotency': /same key/,
    'ticket and event not written together': /cannot be written/,
    'idempotency check split from the write': /duplicate submits/,
    'version check split from the write': /exactly one wins|lose no update/,
    'text normalised on write': /never normalised|combining marks/,
  };

  it('knows what each broken store should fail', () => {
    expect(Object.keys(expected).sort()).toEqual(
      Object.keys(BROKEN_STORES).sort(),
    );
  });

  for (const name of Object.keys(BROKEN_STORES)) {
    it(`fails a store with ${name}`, async () => {
      const failures = await runConformance({
        create: async () => brokenUnderTest(name),
        capabilityReasons: MEMORY_CAPABILITY_REASONS,
      });
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.map((f) => f.name).join('\n')).toMatch(expected[name]!);
    });
  }

  it('fails the idempotency race only when submits run concurrently', async () => {
    const failures = await runConformance({
      create: async () =>
        brokenUnderTest('idempotency check split from the write'),
      capabilityReasons: MEMORY_CAPABILITY_REASONS,
    });
    expect(failures.map((f) => f.name)).toEqual([
      '1000 duplicate submits, 16 at a time, make one ticket',
    ]);
  });

  it('fails a store that turns capabilities off without a reason', async () => {
    const failures = await runConformance({
      create: async () => memoryUnderTest(),
    });
    expect(failures.map((f) => f.message)).toEqual([
      'changeNotifications is off with no reason: give one in capabilityReasons',
      'fullText is off with no reason: give one in capabilityReasons',
    ]);
  });

  it('fails a reason given for a capability that is on', async () => {
    const failures = await runConformance({
      create: async () => memoryUnderTest(),
      capabilityReasons: {
        ...MEMORY_CAPABILITY_REASONS,
        transactions: 'not really',
      },
    });
    expect(failures.map((f) => f.name)).toEqual([
      'transactions is off: not really',
    ]);
  });

  it('reports each capability with the reason it is off', () => {
    expect(
      capabilityReport(createMemoryStore(), MEMORY_CAPABILITY_REASONS),
    ).toEqual([
      'transactions: on',
      `changeNotifications: off (${MEMORY_CAPABILITY_REASONS.changeNotifications})`,
      `fullText: off (${MEMORY_CAPABILITY_REASONS.fullText})`,
    ]);
  });
});
