/**
 * The storage conformance suite: one set of checks every adapter runs,
 * ours and third parties'.
 *
 * @example
 * import { describeStoreConformance } from '@ticketry/core/testing';
 * describeStoreConformance('my store', {
 *   async create() {
 *     const store = await openMyStore();
 *     return { store, probe: myRawProbe(store) };
 *   },
 *   capabilityReasons: { fullText: 'the backend has no text index' },
 * });
 *
 * @packageDocumentation
 */
import { capabilityChecks } from './capabilities.js';
import { concurrencyChecks } from './checks-concurrency.js';
import { dataChecks } from './checks-data.js';
import { readChecks } from './checks-read.js';
import { unicodeChecks } from './checks-unicode.js';
import { writeChecks } from './checks-write.js';
import type {
  ConformanceCheck,
  StoreHarness,
  StoreUnderTest,
} from './harness.js';

export * from './assert.js';
export * from './broken-stores.js';
export * from './capabilities.js';
export { UNICODE_SAMPLES } from './checks-unicode.js';
export * from './fixtures.js';
export * from './harness.js';

/** Every check of the storage contract but the capability checks. */
export const conformanceChecks: readonly ConformanceCheck[] = [
  ...writeChecks,
  ...concurrencyChecks,
  ...readChecks,
  ...unicodeChecks,
  ...dataChecks,
];

/** The checks a harness runs: the contract, then its capabilities. */
function checksFor(harness: StoreHarness): ConformanceCheck[] {
  return [...conformanceChecks, ...capabilityChecks(harness.capabilityReasons)];
}

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
  for (const c of checksFor(harness)) {
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

/**
 * vitest, when this module runs under it. Loaded lazily so that
 * `runConformance` also works where vitest cannot load: in a browser
 * under another test runner, or in a plain script.
 */
const vitest = await import('vitest').catch(() => null);

/** Registers every check as a vitest test under `describe(name)`. */
export function describeStoreConformance(name: string, harness: StoreHarness) {
  if (!vitest) {
    throw new Error(
      'describeStoreConformance needs vitest; elsewhere call runConformance',
    );
  }
  const { afterEach, describe, it } = vitest;
  describe(`${name} store conformance`, () => {
    let subject: StoreUnderTest | undefined;
    afterEach(async () => {
      await closeQuietly(subject);
      subject = undefined;
    });
    for (const c of checksFor(harness)) {
      it(
        `${c.area}: ${c.name}`,
        async () => {
          subject = await harness.create();
          await c.run(subject);
        },
        c.timeoutMs,
      );
    }
  });
}
