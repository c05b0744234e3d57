import {
  checkRecordAddress,
  checkRecordQuery,
  checkRecordWrite,
  type RecordQuery,
  type RecordWrite,
  recordConflict,
  type StoredRecord,
} from '@ticketry/core';
import type { StoreContext } from './context.js';

const C = 'text COLLATE "C"';

/**
 * The `records` table: versioned JSON beside the tickets. The value is
 * JSON text, not jsonb, so it comes back as written: jsonb would drop
 * the order of keys and refuse `\u0000` inside a string.
 */
export const recordsTable = (s: string) => [
  `CREATE TABLE ${s}.records (
    site_id ${C} NOT NULL,
    kind ${C} NOT NULL,
    key ${C} NOT NULL,
    version bigint NOT NULL,
    value text NOT NULL,
    updated_at ${C} NOT NULL,
    PRIMARY KEY (site_id, kind, key)
  )`,
];

const WHERE = 'site_id = $1 AND kind = $2 AND key = $3';

interface RecordRow {
  key: string;
  // bigint: a string over pg, a bigint or number over PGlite
  version: string | number | bigint;
  value: string;
  updated_at: string;
}

const toRecord = (
  siteId: string,
  kind: string,
  row: RecordRow,
): StoredRecord => ({
  siteId,
  kind,
  key: row.key,
  version: Number(row.version),
  value: JSON.parse(row.value) as unknown,
  updatedAt: row.updated_at,
});

/**
 * Versioned records. Each write is one statement that checks the
 * version it was given: an INSERT … ON CONFLICT DO NOTHING for a new
 * record, an UPDATE … WHERE version = $n otherwise. A second writer at
 * the same version waits on the first one's row lock, then finds the
 * version moved and writes nothing.
 */
export function recordOps({ driver, s }: StoreContext) {
  const current = async (siteId: string, kind: string, key: string) => {
    const [row] = await driver.query<{ version: string }>(
      `SELECT version FROM ${s}.records WHERE ${WHERE}`,
      [siteId, kind, key],
      true,
    );
    return row ? Number(row.version) : null;
  };

  const create = `
    INSERT INTO ${s}.records (site_id, kind, key, version, value, updated_at)
    VALUES ($1, $2, $3, 1, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`;
  const update = `
    UPDATE ${s}.records SET version = version + 1, value = $4,
      updated_at = $5
    WHERE ${WHERE} AND version = $6::bigint RETURNING 1`;
  // A prefix is a range that starts at the prefix; `left` keeps the keys
  // inside it. LIKE would read `_` and `%` in a prefix as wildcards.
  const list = `
    SELECT key, version, value, updated_at FROM ${s}.records
    WHERE site_id = $1 AND kind = $2 AND key > $3 AND key >= $4
      AND left(key, length($4)) = $4
    ORDER BY key LIMIT $5`;

  return {
    async getRecord(siteId: string, kind: string, key: string) {
      checkRecordAddress(siteId, kind, key);
      const [row] = await driver.query<RecordRow>(
        `SELECT key, version, value, updated_at FROM ${s}.records
         WHERE ${WHERE}`,
        [siteId, kind, key],
        true,
      );
      return row ? toRecord(siteId, kind, row) : null;
    },

    async putRecord(write: RecordWrite): Promise<StoredRecord> {
      const w = checkRecordWrite(write);
      const text = JSON.stringify(w.value);
      const params = [w.siteId, w.kind, w.key, text, w.at];
      const rows =
        w.expectedVersion === 0
          ? await driver.query(create, params, true)
          : await driver.query(update, [...params, w.expectedVersion], true);
      if (rows.length !== 1) {
        throw recordConflict(w, await current(w.siteId, w.kind, w.key));
      }
      return toRecord(w.siteId, w.kind, {
        key: w.key,
        version: w.expectedVersion + 1,
        value: text,
        updated_at: w.at,
      });
    },

    async listRecords(siteId: string, kind: string, query?: RecordQuery) {
      checkRecordAddress(siteId, kind);
      const q = checkRecordQuery(query);
      // Every key has at least one character, so every key is after ''.
      const rows = await driver.query<RecordRow>(
        list,
        [siteId, kind, q.after ?? '', q.prefix ?? '', q.limit],
        true,
      );
      return rows.map((row) => toRecord(siteId, kind, row));
    },

    async deleteRecord(
      siteId: string,
      kind: string,
      key: string,
      expectedVersion: number,
    ) {
      checkRecordAddress(siteId, kind, key);
      const rows = await driver.query(
        `DELETE FROM ${s}.records WHERE ${WHERE} AND version = $4::bigint
         RETURNING 1`,
        [siteId, kind, key, expectedVersion],
        true,
      );
      if (rows.length !== 1) {
        const write = { kind, key, expectedVersion };
        throw recordConflict(write, await current(siteId, kind, key));
      }
    },
  };
}
