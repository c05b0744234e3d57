/**
 * The storage conformance suite: one set of checks every adapter runs,
 * ours and third parties'.
 *
 * @example
 * import { describeStoreConformance } from '@ticketry/core/testing';
 * describeStoreConformance('memory', {
 *   async create() {
 *     const store = createMemoryStore();
 *     return { store, probe: memoryProbe(store) };
 *   },
 * });
 *
 * @packageDocumentation
 */
import { afterEach, describe, it } from 'vitest';
import { dataChecks } from './checks-data.js';
import { readChecks } from './checks-read.js';
import { writeChecks } from './checks-write.js';
import type {
  ConformanceCheck,
  StoreHarness,
  StoreUnderTest,
} from './harness.js';

export * from './assert.js';
export * from './broken-stores.js';
export * from './fixtures.js';
export * from './harness.js';

/** Every check of the storage contract. */
export const conformanceChecks: readonly ConformanceCheck[] = [
  ...writeChecks,
  ...readChecks,
  ...dataChecks,
];

async function closeQuietly(subject: StoreUnderTest | undefined) {
  try {
    await subject?.store.close();
  } catch {
    // a check may have closed it already
  }
}

/**
 * Runs every check outside a test runner; answers the names of the
 * checks that failed with their messages.
 */
export async function runConformance(
  harness: StoreHarness,
): Promise<{ name: string; message: string }[]> {
  const failures: { name: string; message: string }[] = [];
  for (const c of conformanceChecks) {
    const subject = await harness.create();
    try {
      await c.run(subject);
    } catch (error) {
      failures.push({ name: c.name, message: (error as Error).message });
    } finally {
      await closeQuietly(subject);
    }
  }
  return failures;
}

/** Registers every check as a vitest test under `describe(name)`. */
export function describeStoreConformance(name: string, harness: StoreHarness) {
  describe(`${name} store conformance`, () => {
    let subject: StoreUnderTest | undefined;
    afterEach(async () => {
      await closeQuietly(subject);
      subject = undefined;
    });
    for (const c of conformanceChecks) {
      it(`${c.area}: ${c.name}`, async () => {
        subject = await harness.create();
        await c.run(subject);
      });
    }
  });
}
