import {
  checkRecordAddress,
  checkRecordQuery,
  checkRecordWrite,
  type RecordQuery,
  type RecordWrite,
  recordConflict,
  type StoredRecord,
} from '@ticketry/core';
import type { Prepare } from './statements.js';

/** The `records` table: versioned JSON beside the tickets. */
export const RECORDS_TABLE = `
CREATE TABLE records (
  site_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  version INTEGER NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (site_id, kind, key)
) WITHOUT ROWID;
`;

const WHERE = 'site_id = ? AND kind = ? AND key = ?';

const CREATE = `
INSERT INTO records (site_id, kind, key, version, value, updated_at)
VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING`;

// The version check and the write are one statement: SQLite runs it
// under its write lock, so of two writers at one version one matches.
const UPDATE = `
UPDATE records SET version = version + 1, value = ?, updated_at = ?
WHERE ${WHERE} AND version = ?`;

const DELETE = `DELETE FROM records WHERE ${WHERE} AND version = ?`;

// Keys compare as BINARY, so a prefix is a range that starts at the
// prefix, and `substr` keeps the keys inside it; LIKE would read `_`
// and `%` in a prefix as wildcards.
const LIST = `
SELECT key, version, value, updated_at FROM records
WHERE site_id = @site AND kind = @kind AND key > @after AND key >= @prefix
  AND substr(key, 1, length(@prefix)) = @prefix
ORDER BY key LIMIT @limit`;

interface RecordRow {
  key: string;
  version: number;
  value: string;
  updated_at: string;
}

const toRecord = (siteId: string, kind: string, row: RecordRow) => ({
  siteId,
  kind,
  key: row.key,
  version: row.version,
  value: JSON.parse(row.value) as unknown,
  updatedAt: row.updated_at,
});

/**
 * Versioned records over one connection. Each write is one statement
 * that checks the version it was given, so it needs no transaction.
 */
export function recordOps(prepare: Prepare) {
  const current = (siteId: string, kind: string, key: string) =>
    (
      prepare(`SELECT version FROM records WHERE ${WHERE}`).get(
        siteId,
        kind,
        key,
      ) as { version: number } | undefined
    )?.version ?? null;

  return {
    getRecord(siteId: string, kind: string, key: string): StoredRecord | null {
      checkRecordAddress(siteId, kind, key);
      const row = prepare(
        `SELECT key, version, value, updated_at FROM records WHERE ${WHERE}`,
      ).get(siteId, kind, key) as RecordRow | undefined;
      return row ? toRecord(siteId, kind, row) : null;
    },

    putRecord(write: RecordWrite): StoredRecord {
      const w = checkRecordWrite(write);
      const text = JSON.stringify(w.value);
      const { changes } =
        w.expectedVersion === 0
          ? prepare(CREATE).run(w.siteId, w.kind, w.key, text, w.at)
          : prepare(UPDATE).run(
              text,
              w.at,
              w.siteId,
              w.kind,
              w.key,
              w.expectedVersion,
            );
      if (changes !== 1) {
        throw recordConflict(w, current(w.siteId, w.kind, w.key));
      }
      return toRecord(w.siteId, w.kind, {
        key: w.key,
        version: w.expectedVersion + 1,
        value: text,
        updated_at: w.at,
      });
    },

    listRecords(siteId: string, kind: string, query?: RecordQuery) {
      checkRecordAddress(siteId, kind);
      const q = checkRecordQuery(query);
      const rows = prepare(LIST).all({
        site: siteId,
        kind,
        // Every key has at least one character, so every key is after ''.
        after: q.after ?? '',
        prefix: q.prefix ?? '',
        limit: q.limit,
      }) as RecordRow[];
      return rows.map((row) => toRecord(siteId, kind, row));
    },

    deleteRecord(
      siteId: string,
      kind: string,
      key: string,
      expectedVersion: number,
    ) {
      checkRecordAddress(siteId, kind, key);
      const { changes } = prepare(DELETE).run(
        siteId,
        kind,
        key,
        expectedVersion,
      );
      if (changes !== 1) {
        const write = { kind, key, expectedVersion };
        throw recordConflict(write, current(siteId, kind, key));
      }
    },
  };
}
