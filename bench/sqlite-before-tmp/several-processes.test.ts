import { afterAll, describe, expect, it } from 'vitest';
import { tempFiles } from './test-support.js';
import { inspectFile, prepareFile, startWriter } from './writers.js';

const files = tempFiles();
afterAll(() => files.remove());

const PROCESSES = 4;
const WRITES = 250;
const SHARED = 3;

describe('several writer processes on one sqlite file', () => {
  it('lose no acknowledged write, no counter update, and keep every version equal to its event count', async () => {
    const filename = files.file('processes');
    const shared = await prepareFile(filename, SHARED);
    const writers = Array.from({ length: PROCESSES }, (_, i) =>
      startWriter({
        filename,
        name: `p${i + 1}`,
        writes: WRITES,
        shared,
        waitForGo: true,
      }),
    );
    // tsx takes a second or more to load; release them all at once so
    // their writes overlap instead of running one after another.
    await Promise.all(writers.map((w) => w.loaded));
    for (const writer of writers) writer.go();
    const exits = await Promise.all(writers.map((w) => w.exited));

    const stderr = writers.flatMap((w) => w.errors).join('\n');
    expect(exits, stderr).toEqual(
      writers.map(() => ({ code: 0, signal: null })),
    );
    const acks = writers.flatMap((w) => w.acks);
    expect(acks).toHaveLength(PROCESSES * WRITES);
    const conflicts = writers.reduce((sum, w) => sum + w.conflicts, 0);
    expect(conflicts).toBeGreaterThan(0);

    const report = inspectFile(filename, acks, shared);
    expect(report.integrity).toBe('ok');
    expect(report.uneven).toEqual([]);
    expect(report.lost).toEqual([]);
    expect(report.events).toBe(acks.length + SHARED);
    for (const { id, counter, updates } of report.counters) {
      const acked = acks.filter((a) => a.ticketId === id).length;
      expect(acked).toBeGreaterThan(0);
      expect({ id, counter, updates }).toEqual({
        id,
        counter: acked,
        updates: acked,
      });
    }
  }, 60_000);
});
