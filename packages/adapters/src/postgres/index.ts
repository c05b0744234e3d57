/**
 * The PostgreSQL ticket store, over a node-postgres pool (`pg`, a peer
 * dependency) or PGlite: import this subpath only where one is
 * installed.
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * import { postgresStore } from '@ticketry/adapters/postgres';
 * const store = await postgresStore({ pglite: new PGlite() });
 *
 * @packageDocumentation
 */
export type {
  ChangeListener,
  PostgresChange,
  SubscribeOptions,
} from './changes.js';
export type {
  PgClientLike,
  PgliteLike,
  PgPoolLike,
  PgQueryable,
} from './driver.js';
export type { ClaimOptions } from './extras.js';
export { type FollowedDesk, followChanges } from './follow.js';
export type { ImportItem, ImportResult } from './import.js';
export {
  type PostgresMigration,
  postgresMigrations,
} from './migrations.js';
export type { PostgresStoreOptions } from './options.js';
export type { OriginEvent } from './reads.js';
export {
  POSTGRES_CAPABILITIES,
  type PostgresStore,
  postgresStore,
} from './store.js';
