import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.js';
import {
  capabilityReport,
  checkEqual,
  checksFor,
  MEMORY_CAPABILITY_REASONS,
  memoryUnderTest,
  runConformance,
  sampleTicket,
} from './index.js';

const REOPEN_REASON = 'the backend keeps nothing after close()';

describe('the conformance suite: opt-outs and timeouts', () => {
  it('fails a store that turns capabilities off without a reason', async () => {
    const failures = await runConformance({
      create: async () => memoryUnderTest(),
    });
    expect(failures.map((f) => f.message)).toEqual([
      'changeNotifications is off with no reason: give one in capabilityReasons',
      'fullText is off with no reason: give one in capabilityReasons',
      'sharedAccess is off with no reason: give one in capabilityReasons',
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
      `sharedAccess: off (${MEMORY_CAPABILITY_REASONS.sharedAccess})`,
    ]);
  });

  const withoutReopen = async () => {
    const { store, probe } = memoryUnderTest();
    return { store, probe };
  };

  it('fails a harness without reopen that gives no reason', async () => {
    const failures = await runConformance({
      create: withoutReopen,
      capabilityReasons: MEMORY_CAPABILITY_REASONS,
    });
    expect(failures).toEqual([
      {
        name: 'closing and reopening the store keeps every record',
        message:
          'the harness has no reopen: add one, or say why the store cannot be reopened in capabilityReasons.reopen',
      },
    ]);
  });

  it('prints the reason of a harness without reopen in the check name', async () => {
    const harness = {
      create: withoutReopen,
      capabilityReasons: {
        ...MEMORY_CAPABILITY_REASONS,
        reopen: REOPEN_REASON,
      },
    };
    const names = checksFor(harness).map((c) => c.name);
    expect(names).toContain(`reopen is not checked: ${REOPEN_REASON}`);
    expect(names).not.toContain(
      'closing and reopening the store keeps every record',
    );
    expect(await runConformance(harness)).toEqual([]);
  });

  it('fails a reopen reason given by a harness that has reopen', async () => {
    const failures = await runConformance({
      create: async () => memoryUnderTest(),
      capabilityReasons: { ...MEMORY_CAPABILITY_REASONS, reopen: 'none' },
    });
    expect(failures.map((f) => f.message)).toEqual([
      'the harness has reopen, but a reason for not checking it is given',
    ]);
  });

  it('runs the shared access check only for stores that share', () => {
    const names = (reasons: Record<string, string>) =>
      checksFor({
        create: async () => memoryUnderTest(),
        capabilityReasons: reasons,
      })
        .map((c) => c.name)
        .filter((n) => n.startsWith('two stores'));
    expect(names(MEMORY_CAPABILITY_REASONS as Record<string, string>)).toEqual(
      [],
    );
    expect(names({})).toEqual([
      'two stores open on the same data keep every guarantee between them',
    ]);
  });

  it('fails a check whose store never answers, and goes on', async () => {
    const failures = await runConformance(
      {
        async create() {
          const subject = memoryUnderTest();
          const store = {
            ...subject.store,
            getTicketByRef: () => new Promise<never>(() => {}),
          };
          return { ...subject, store };
        },
        capabilityReasons: MEMORY_CAPABILITY_REASONS,
      },
      { timeoutMs: 1_000 },
    );
    const roundTrip = failures.find((f) =>
      f.name.startsWith('a created ticket reads back equal'),
    );
    expect(roundTrip?.message).toMatch(/^no answer within 1000 ms/);
    const names = failures.map((f) => f.name);
    expect(names).not.toContain(
      'the same key with another body is refused and writes nothing',
    );
  });
});

describe('checkEqual', () => {
  it('names the first path where long values differ, and both values there', () => {
    const ticket = sampleTicket({ description: 'x'.repeat(2_000) });
    const read = { ...ticket, fields: { asset: 'L-43' } };
    expect(() =>
      checkEqual(read, { ...ticket, fields: { asset: 'L-42' } }, 'by id'),
    ).toThrow(
      /^by id: differs at \$\.fields\.asset: expected "L-42", got "L-43"/,
    );
  });

  it('names a key that one side lacks', () => {
    expect(() => checkEqual({ a: 1, b: null }, { a: 1 }, 'ticket')).toThrow(
      /ticket: differs at \$\.b: expected no such key, got null/,
    );
  });

  it('names an array element, and tells a bigint from a number', () => {
    expect(() => checkEqual([1, 2n], [1, 2], 'seqs')).toThrow(
      /seqs: differs at \$\[1\]: expected 2, got "2n"/,
    );
  });

  it('passes equal values whatever their key order', () => {
    expect(() =>
      checkEqual({ a: 1, b: [2] }, { b: [2], a: 1 }, 'x'),
    ).not.toThrow();
  });
});
