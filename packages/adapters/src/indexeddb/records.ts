import {
  checkRecordAddress,
  checkRecordQuery,
  checkRecordWrite,
  type RecordQuery,
  type RecordWrite,
  recordConflict,
  type StoredRecord,
} from '@ticketry/core';
import type { Session } from './connection.js';

/**
 * Versioned records in the `records` object store, keyed by
 * `[siteId, kind, key]`: IndexedDB orders string keys by UTF-16 code
 * unit, as JavaScript does. The version check and the write share one
 * read-write transaction, and IndexedDB runs read-write transactions
 * on one store one at a time, in every tab.
 */
export function recordOps(session: Session) {
  /** The keys of a kind from where a query starts, to the kind's end. */
  const range = (siteId: string, kind: string, q: RecordQuery) => {
    const prefix = q.prefix ?? '';
    const end = [siteId, kind, []];
    if (q.after !== undefined && q.after >= prefix) {
      return session.range.bound([siteId, kind, q.after], end, true);
    }
    return session.range.bound([siteId, kind, prefix], end);
  };

  return {
    async getRecord(siteId: string, kind: string, key: string) {
      checkRecordAddress(siteId, kind, key);
      const row = await session.read(['records'], (tx) =>
        tx.objectStore('records').get([siteId, kind, key]),
      );
      return row ?? null;
    },

    async putRecord(write: RecordWrite): Promise<StoredRecord> {
      const w = checkRecordWrite(write);
      const row: StoredRecord = {
        siteId: w.siteId,
        kind: w.kind,
        key: w.key,
        version: w.expectedVersion + 1,
        value: w.value,
        updatedAt: w.at,
      };
      await session.write(['records'], async (tx) => {
        const store = tx.objectStore('records');
        const current = await store.get([w.siteId, w.kind, w.key]);
        const version = current?.version ?? 0;
        if (version !== w.expectedVersion) {
          throw recordConflict(w, current ? version : null);
        }
        await store.put(row);
      });
      return structuredClone(row);
    },

    async listRecords(siteId: string, kind: string, query?: RecordQuery) {
      checkRecordAddress(siteId, kind);
      const q = checkRecordQuery(query);
      const rows = await session.read(['records'], (tx) =>
        tx.objectStore('records').getAll(range(siteId, kind, q), q.limit),
      );
      // Keys with the prefix come first in the range, one run of them.
      const prefix = q.prefix ?? '';
      const end = rows.findIndex((row) => !row.key.startsWith(prefix));
      return end === -1 ? rows : rows.slice(0, end);
    },

    async deleteRecord(
      siteId: string,
      kind: string,
      key: string,
      expectedVersion: number,
    ) {
      checkRecordAddress(siteId, kind, key);
      await session.write(['records'], async (tx) => {
        const store = tx.objectStore('records');
        const current = await store.get([siteId, kind, key]);
        if (!current || current.version !== expectedVersion) {
          const write = { kind, key, expectedVersion };
          throw recordConflict(write, current?.version ?? null);
        }
        await store.delete([siteId, kind, key]);
      });
    },
  };
}
