import type Database from 'better-sqlite3';

/** Prepares SQL once per connection and hands back the statement. */
export type Prepare = (sql: string) => Database.Statement;

// Lists build their SQL from the filters given, so the cache is bounded
// rather than keyed by every shape a caller could invent.
const MAX_CACHED = 256;

/** A statement cache over one database connection. */
export function statementCache(db: Database.Database): Prepare {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= MAX_CACHED) cache.clear();
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
