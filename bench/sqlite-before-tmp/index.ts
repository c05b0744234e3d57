/**
 * The SQLite ticket store, on better-sqlite3 (a peer dependency):
 * import this subpath only where SQLite is installed.
 *
 * @example
 * import { sqliteStore } from '@ticketry/adapters/sqlite';
 * const store = sqliteStore({ filename: 'desk.sqlite' });
 *
 * @packageDocumentation
 */
export { SQLITE_CAPABILITY_REASONS } from './capabilities.js';
export {
  IMPORT_LIMIT,
  type ImportItem,
  type ImportResult,
} from './import.js';
export {
  migrate,
  migrations,
  type SqliteMigration,
  schemaVersion,
} from './migrations.js';
export type { SqliteStoreOptions } from './options.js';
export { SQLITE_CAPABILITIES, type SqliteStore, sqliteStore } from './store.js';
