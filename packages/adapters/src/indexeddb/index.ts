/**
 * The IndexedDB ticket store, on idb (a peer dependency): for browsers,
 * to keep drafts and a local cache with the same contract as the
 * server's stores.
 *
 * @example
 * import { indexedDbStore } from '@ticketry/adapters/indexeddb';
 * const store = indexedDbStore({ name: 'helpdesk' });
 *
 * @packageDocumentation
 */
export { failureOf, type IndexedDbFailure } from './errors.js';
export type { ImportRecord, ImportResult } from './import.js';
export type { IndexedDbStoreOptions } from './options.js';
export {
  type IndexedDbMigration,
  migrations,
  SCHEMA_VERSION,
} from './schema.js';
export {
  INDEXEDDB_CAPABILITIES,
  INDEXEDDB_CAPABILITY_REASONS,
  type IndexedDbStore,
  indexedDbStore,
} from './store.js';
