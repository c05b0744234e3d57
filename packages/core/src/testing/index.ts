/**
 * The storage conformance suite: one set of checks every adapter runs,
 * ours and third parties'.
 *
 * @example
 * import { describeStoreConformance } from '@ticketry/core/testing';
 * import { myProbe, myStore } from './my-store.js';
 *
 * let count = 0;
 * describeStoreConformance('my store', {
 *   async create() {
 *     // A new, empty database for every check; the probe opens the
 *     // same file over a connection of its own, never through the store.
 *     const path = `/tmp/my-store-${process.pid}-${++count}.db`;
 *     const open = async () => ({
 *       store: await myStore({ path }),
 *       probe: myProbe(path),
 *     });
 *     return { ...(await open()), reopen: open };
 *   },
 *   capabilityReasons: { fullText: 'the backend has no text index' },
 * });
 *
 * @packageDocumentation
 */
import { capabilityChecks } from './capabilities.js';
import { auditChecks } from './checks-audit.js';
import { concurrencyChecks } from './checks-concurrency.js';
import { dataChecks } from './checks-data.js';
import { closeChecks, REOPEN_CHECK, reopenCheck } from './checks-lifecycle.js';
import { orderChecks } from './checks-order.js';
import { readChecks } from './checks-read.js';
import { recordChecks } from './checks-records.js';
import { recordRaceChecks, recordSharedCheck } from './checks-records-race.js';
import { recordRefusalChecks } from './checks-records-refusals.js';
import { refusalChecks } from './checks-refusals.js';
import { secretChecks } from './checks-secrets.js';
import { sharedAccessCheck } from './checks-shared.js';
import { unicodeChecks } from './checks-unicode.js';
import { writeChecks } from './checks-write.js';
import type {
  ConformanceCheck,
  ConformanceOptions,
  StoreHarness,
  StoreUnderTest,
} from './harness.js';

export * from './assert.js';
export * from './broken-stores.js';
export * from './capabilities.js';
export { type AuditProbe, auditChecks, auditProbeOf } from './checks-audit.js';
export { UNICODE_SAMPLES } from './checks-unicode.js';
export * from './fixtures.js';
export * from './harness.js';
export * from './memory-audit.js';
export * from './memory-harness.js';
export * from './people-flows.js';
export * from './relation-flows.js';

/**
 * Every check of the storage contract but the capability checks and
 * the shared access check, which depend on what the store declares.
 */
export const conformanceChecks: readonly ConformanceCheck[] = [
  ...writeChecks,
  ...refusalChecks,
  ...concurrencyChecks,
  ...readChecks,
  ...orderChecks,
  ...unicodeChecks,
  ...dataChecks,
  ...secretChecks,
  ...recordChecks,
  ...recordRefusalChecks,
  ...recordRaceChecks,
  reopenCheck(),
  ...closeChecks,
  ...auditChecks,
];

/** How long a check may run under `runConformance` unless told. */
export const DEFAULT_CHECK_TIMEOUT_MS = 120_000;

/**
 * The checks a harness runs: the contract (the reopen check carrying
 * its opt-out reason, if any), two stores on one data when the store
 * shares, then its capabilities.
 */
export function checksFor(harness: StoreHarness): ConformanceCheck[] {
  const reasons = harness.capabilityReasons ?? {};
  const reopenReason = reasons.reopen?.trim();
  const contract = conformanceChecks.map((c) =>
    c.name === REOPEN_CHECK ? reopenCheck(reopenReason) : c,
  );
  // Off with a reason: the capability check prints it. A harness that
  // cannot reopen cannot open a second store either.
  const shares = !reasons.sharedAccess?.trim() && !reopenReason;
  return [
    ...contract,
    ...(shares ? [sharedAccessCheck, recordSharedCheck] : []),
    ...capabilityChecks(reasons),
  ];
}

async function closeQuietly(subject: StoreUnderTest | undefined) {
  try {
    await subject?.store.close();
  } catch {
    // a check may have closed it already
  }
}

/** Runs `work`, or rejects once `ms` have passed without an answer. */
async function within<T>(work: () => Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `no answer within ${ms} ms: the check was abandoned (a store that hangs?)`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs every check outside a test runner, one after another, each on a
 * new store that it then closes; answers the names of the checks that
 * failed with their messages. A check that has not finished after
 * `timeoutMs` (120 s unless told) fails, and the run goes on.
 */
export async function runConformance(
  harness: StoreHarness,
  options: ConformanceOptions = {},
): Promise<{ name: string; message: string }[]> {
  const ms = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const failures: { name: string; message: string }[] = [];
  for (const c of checksFor(harness)) {
    let subject: StoreUnderTest | undefined;
    try {
      await within(async () => {
        subject = await harness.create();
        await c.run(subject);
      }, ms);
    } catch (error) {
      failures.push({ name: c.name, message: (error as Error).message });
    } finally {
      await within(() => closeQuietly(subject), ms).catch(() => undefined);
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
