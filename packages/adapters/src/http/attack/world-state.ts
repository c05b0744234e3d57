import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createMemoryAttachmentStore } from '../server/attachments/store.js';

/** A clock that can be moved back to make secrets that have already expired. */
export function offsetClock() {
  let offset = 0;
  return {
    clock: { now: () => new Date(Date.now() + offset) },
    back: async <T>(ms: number, work: () => Promise<T>): Promise<T> => {
      offset = -ms;
      try {
        return await work();
      } finally {
        offset = 0;
      }
    },
  };
}

/** A session's last-use time, inside a row serialised as JSON. */
const LAST_USED = /\\?"lastUsedAt\\?":\\?"[^"\\]*\\?"/g;

/** SHA-256 over every row of every table, and the ticket and event counts. */
function checksum(db: Database.Database) {
  const hash = createHash('sha256');
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .all() as { name: string }[];
  const count = (t: string) =>
    (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate()) {
      // A session's last use is bookkeeping of reading, not a write.
      hash.update(JSON.stringify(row).replace(LAST_USED, ''));
    }
  }
  return {
    sum: hash.digest('hex'),
    tickets: count('tickets'),
    events: count('events'),
  };
}

/**
 * {@link checksum}, computed again only when SQLite's count of changed
 * rows moved: every write goes through this one connection.
 */
export function cachedChecksum(db: Database.Database) {
  const changes = db.prepare('SELECT total_changes() AS n');
  let last: { changes: number; value: ReturnType<typeof checksum> } | null =
    null;
  return () => {
    const now = (changes.get() as { n: number }).n;
    if (last?.changes !== now) last = { changes: now, value: checksum(db) };
    return last.value;
  };
}

/** An attachment store that counts what is written to it. */
export function countedAttachments() {
  const inner = createMemoryAttachmentStore();
  let writes = 0;
  return {
    writes: () => writes,
    store: {
      ...inner,
      put: (...args: Parameters<typeof inner.put>) => {
        writes++;
        return inner.put(...args);
      },
      claim: (...args: Parameters<typeof inner.claim>) => {
        writes++;
        return inner.claim(...args);
      },
    },
  };
}
