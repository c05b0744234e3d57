import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreProbe } from '@ticketry/core/testing';
import Database from 'better-sqlite3';

/** A temp folder for database files, removed with everything in it. */
export function tempFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'ticketry-sqlite-'));
  let count = 0;
  return {
    dir,
    /** A fresh file name in the folder; the file is not created. */
    file: (name = 'store') => join(dir, `${name}-${++count}.sqlite`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Reads a store's file over its own read-only connection with raw SQL,
 * so it sees what was committed, not what the store's reads return.
 * The row's columns override the JSON body, so a column the store
 * forgot to update shows up as a wrong value.
 */
export function sqliteProbe(filename: string): StoreProbe & {
  close(): void;
} {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  return {
    async readTicket(siteId, id) {
      const row = db
        .prepare(
          'SELECT version, status, ref, body FROM tickets WHERE site_id = ? AND id = ?',
        )
        .get(siteId, id) as
        | { version: number; status: string; ref: string; body: string }
        | undefined;
      if (!row) return null;
      const { version, status, ref } = row;
      return { ...JSON.parse(row.body), version, status, ref };
    },
    async countEvents(siteId, ticketId) {
      const row = db
        .prepare(
          'SELECT count(*) AS n FROM events WHERE site_id = ? AND ticket_id = ?',
        )
        .get(siteId, ticketId) as { n: number };
      return row.n;
    },
    close: () => db.close(),
  };
}
