import type { RecordMethods } from '@ticketry/core';
import type { GuardedRun } from './people-methods.js';

/** A backend's own record operations: sync (SQLite) or async. */
export type RecordOps = {
  [K in keyof RecordMethods]: (
    ...args: Parameters<RecordMethods[K]>
  ) => Awaited<ReturnType<RecordMethods[K]>> | ReturnType<RecordMethods[K]>;
};

/**
 * The record methods of a SQL store: each backend call guarded by the
 * store's `run`, with a message that names the record.
 */
export function guardedRecords(ops: RecordOps, run: GuardedRun): RecordMethods {
  return {
    getRecord: (siteId, kind, key) =>
      run(`could not read record ${kind}/${key}`, async () =>
        ops.getRecord(siteId, kind, key),
      ),
    putRecord: (write) =>
      run(`could not save record ${write?.kind}/${write?.key}`, async () =>
        ops.putRecord(write),
      ),
    listRecords: (siteId, kind, query) =>
      run(`could not list ${kind} records`, async () =>
        ops.listRecords(siteId, kind, query),
      ),
    deleteRecord: (siteId, kind, key, expectedVersion) =>
      run(`could not delete record ${kind}/${key}`, async () =>
        ops.deleteRecord(siteId, kind, key, expectedVersion),
      ),
  };
}
