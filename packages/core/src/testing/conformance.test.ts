import { describe, expect, it } from 'vitest';
import {
  BROKEN_STORES,
  brokenUnderTest,
  describeStoreConformance,
  memoryUnderTest,
  runConformance,
} from './index.js';

describeStoreConformance('memory', { create: async () => memoryUnderTest() });

describe('the conformance suite', () => {
  it('passes the memory store outside a test runner too', async () => {
    expect(
      await runConformance({ create: async () => memoryUnderTest() }),
    ).toEqual([]);
  });

  const expected: Record<string, RegExp> = {
    'no version check': /stale version is a conflict|exactly one wins/,
    'no idempotency': /same key/,
    'ticket and event not written together': /cannot be written/,
  };

  for (const name of Object.keys(BROKEN_STORES)) {
    it(`fails a store with ${name}`, async () => {
      const failures = await runConformance({
        create: async () => brokenUnderTest(name),
      });
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.map((f) => f.name).join('\n')).toMatch(expected[name]!);
    });
  }
});
