import {
  checkRecordAddress,
  checkRecordQuery,
  checkRecordWrite,
  keyMatches,
  type RecordMethods,
  recordConflict,
  type StoredRecord,
} from '@ticketry/core';
import type { Line } from './lines.js';

/** A record's place: site, kind and key as one JSON text, no separator. */
export const recordAddress = (siteId: string, kind: string, key: string) =>
  JSON.stringify([siteId, kind, key]);

/** How the store runs its calls: writes queued one at a time. */
export interface RecordCalls {
  write<T>(what: string, work: () => Promise<T>): Promise<T>;
  read<T>(what: string, work: () => T): Promise<T>;
  /** Appends a line and applies it to the indexes. */
  persist(line: Line): Promise<void>;
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * The record methods of the JSON Lines store. A write checks the
 * version in the in-memory index and appends its line before the next
 * write starts (the calls are queued), so a check and its write are
 * never split; one process owns the file.
 */
export function recordMethods(
  records: Map<string, StoredRecord>,
  calls: RecordCalls,
): RecordMethods {
  const find = (siteId: string, kind: string, key: string) =>
    records.get(recordAddress(siteId, kind, key));

  return {
    getRecord: (siteId, kind, key) =>
      calls.read('could not read record', () => {
        checkRecordAddress(siteId, kind, key);
        return copy(find(siteId, kind, key) ?? null);
      }),

    putRecord: (write) =>
      calls.write('could not save record', async () => {
        const w = checkRecordWrite(write);
        const current = find(w.siteId, w.kind, w.key)?.version ?? 0;
        if (current !== w.expectedVersion) {
          throw recordConflict(w, current || null);
        }
        const record: StoredRecord = {
          siteId: w.siteId,
          kind: w.kind,
          key: w.key,
          version: current + 1,
          value: w.value,
          updatedAt: w.at,
        };
        await calls.persist({ k: 'record', record });
        return copy(find(w.siteId, w.kind, w.key)!);
      }),

    listRecords: (siteId, kind, query) =>
      calls.read('could not list records', () => {
        checkRecordAddress(siteId, kind);
        const q = checkRecordQuery(query);
        const rows = [...records.values()].filter(
          (r) => r.siteId === siteId && r.kind === kind && keyMatches(r.key, q),
        );
        rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        return copy(rows.slice(0, q.limit));
      }),

    deleteRecord: (siteId, kind, key, expectedVersion) =>
      calls.write('could not delete record', async () => {
        checkRecordAddress(siteId, kind, key);
        const current = find(siteId, kind, key)?.version ?? 0;
        if (current === 0 || current !== expectedVersion) {
          const write = { kind, key, expectedVersion };
          throw recordConflict(write, current || null);
        }
        await calls.persist({ k: 'record-delete', siteId, kind, key });
      }),
  };
}
