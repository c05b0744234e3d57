import { sqliteStore } from '@ticketry/adapters/sqlite';
import { describe, expect, it } from 'vitest';
import { replayFile } from './replay-file.ts';
import { replayDesk, SERVICENOW_SAMPLE } from './test-support.ts';

describe('replaying into SQLite', () => {
  it('gives the same figures as the memory store', async () => {
    const store = sqliteStore({ filename: ':memory:' });
    try {
      const onSqlite = await replayFile(
        replayDesk({ store }).desk,
        SERVICENOW_SAMPLE,
      );
      const inMemory = await replayFile(replayDesk().desk, SERVICENOW_SAMPLE);
      const { timings: _a, ...a } = onSqlite;
      const { timings: _b, ...b } = inMemory;
      // Cases run in the same order on both stores, so even the ticket
      // references quoted in refusal examples agree.
      expect(a).toEqual(b);
    } finally {
      await store.close();
    }
  });
});
