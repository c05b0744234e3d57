import { describe, expect, it } from 'vitest';
import type { MemoryData } from '../store/memory-store.js';
import { auditChecks, auditProbeOf } from './checks-audit.js';
import type { StoreUnderTest } from './harness.js';
import { memoryAuditProbe } from './memory-audit.js';
import { memoryUnderTest } from './memory-harness.js';

const tamperCheck = auditChecks.find((c) => c.name.includes('behind'))!;

/** A memory store whose probe can also reach its events. */
function withAuditProbe(
  change: (probe: ReturnType<typeof memoryAuditProbe>) => object = (p) => p,
): StoreUnderTest {
  const subject = memoryUnderTest();
  const data = (subject.store as unknown as { data: MemoryData }).data;
  return {
    ...subject,
    probe: { ...subject.probe, ...change(memoryAuditProbe(data)) },
  };
}

describe('the audit conformance checks', () => {
  it('pass the memory store, with and without an audit probe', async () => {
    for (const check of auditChecks) {
      await check.run(memoryUnderTest());
      await check.run(withAuditProbe());
    }
    expect(auditProbeOf(memoryUnderTest().probe)).toBeNull();
    expect(auditProbeOf(withAuditProbe().probe)).not.toBeNull();
  });

  it('fail a store that claims to refuse changes to events but takes them', async () => {
    const subject = withAuditProbe((p) => ({
      ...p,
      refusesEventChanges: true,
    }));
    await expect(tamperCheck.run(subject)).rejects.toThrow(
      /edit and delete refused/,
    );
  });

  it('fail when a change made behind the store goes unnoticed', async () => {
    const subject = withAuditProbe((p) => ({
      ...p,
      editEvent: async () => {},
      deleteEvent: async () => {},
    }));
    await expect(tamperCheck.run(subject)).rejects.toThrow(/the edited event/);
  });
});
