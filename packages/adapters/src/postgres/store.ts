import {
  StorageError,
  type StoreCapabilities,
  type Ticket,
  TicketryError,
  type TicketStore,
} from '@ticketry/core';
import { guardedPeople } from '../people-methods.js';
import { guardedRecords } from '../record-methods.js';
import {
  type ChangeListener,
  changeFeed,
  type SubscribeOptions,
} from './changes.js';
import { type StoreContext, storeContext } from './context.js';
import { type PgDriver, pgliteDriver, poolDriver } from './driver.js';
import { type ClaimOptions, extraOps } from './extras.js';
import { type ImportItem, type ImportResult, importTickets } from './import.js';
import { migratePostgres } from './migrations.js';
import {
  type PostgresStoreOptions,
  resolvePostgresOptions,
} from './options.js';
import { peopleOps } from './people.js';
import { type OriginEvent, readOps } from './reads.js';
import { recordOps } from './records.js';
import { writeOps } from './writes.js';

/**
 * What the PostgreSQL store can do; every flag is on.
 *
 * - `transactions`: each write is one statement, so ticket, event and
 *   idempotency key commit together or not at all.
 * - `changeNotifications`: every write NOTIFYs on commit, and
 *   `store.subscribe` hears the writes of every process.
 * - `fullText`: subject and description are indexed (tsvector, GIN,
 *   the `simple` configuration); search with `store.searchTickets`.
 *   The contract's `TicketQuery` has no text filter yet.
 * - `sharedAccess`: any number of processes may use one schema; the
 *   database's constraints and locks keep every guarantee between them.
 */
export const POSTGRES_CAPABILITIES: StoreCapabilities = Object.freeze({
  transactions: true,
  changeNotifications: true,
  fullText: true,
  sharedAccess: true,
});

const BACKEND = 'postgres';
// Expired idempotency keys are purged at most this often, after a write.
const PURGE_EVERY_MS = 3_600_000;

function wrap(what: string, error: unknown): TicketryError {
  if (error instanceof TicketryError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StorageError(BACKEND, `${what}: ${reason}`, error);
}

/** A TicketStore on PostgreSQL, with what only PostgreSQL offers. */
export type PostgresStore = TicketStore & {
  /** The schema that holds the tables. */
  readonly schema: string;
  /** Hears every committed write, from any process; resolves when listening. */
  subscribe(
    listener: ChangeListener,
    options?: SubscribeOptions,
  ): Promise<() => Promise<void>>;
  /** Full-text search over subject and description, best match first. */
  searchTickets(
    siteId: string,
    text: string,
    limit?: number,
  ): Promise<Ticket[]>;
  /** Claims due tickets no other process holds (FOR UPDATE SKIP LOCKED). */
  claimDue(
    siteId: string,
    now: Date,
    limit: number,
    options?: ClaimOptions,
  ): Promise<Ticket[]>;
  /** Writes tickets with their history in one transaction. */
  importTickets(items: ImportItem[]): Promise<ImportResult>;
  /** Deletes idempotency keys past their retention; answers how many. */
  purgeIdempotencyKeys(now?: Date): Promise<number>;
  /** The feed with the id of the store that wrote each event. */
  readFeedWithOrigin(after: number, limit: number): Promise<OriginEvent[]>;
  /** The last feed position written (0: none). */
  feedHead(): Promise<number>;
  /** This store's id, as `local` changes and `OriginEvent.origin` carry it. */
  readonly origin: string;
};

/**
 * A ticket store in a PostgreSQL schema, over a node-postgres pool or
 * PGlite. Opening creates the schema and applies pending migrations.
 * Any number of stores, in one process or many, may share a schema:
 * versions, idempotency keys, ticket numbers and the feed order hold
 * across all of them.
 *
 * Throws a ValidationError for bad options and a StorageError when the
 * database cannot be reached or migrated.
 *
 * @example
 * import pg from 'pg';
 * import { createDesk } from '@ticketry/core';
 * import { postgresStore } from '@ticketry/adapters/postgres';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const desk = createDesk({ store: await postgresStore({ pool }) });
 */
export async function postgresStore(
  options: PostgresStoreOptions,
): Promise<PostgresStore> {
  const resolved = resolvePostgresOptions(options);
  const driver: PgDriver = resolved.pool
    ? poolDriver(resolved.pool)
    : pgliteDriver(resolved.pglite!);
  try {
    await migratePostgres(driver, resolved.schema);
  } catch (error) {
    throw wrap(`could not migrate schema ${resolved.schema}`, error);
  }
  const ctx = storeContext(
    driver,
    resolved.schema,
    resolved.clock,
    resolved.idempotencyRetentionMs,
  );
  return openStore(ctx, resolved.onError ?? (() => {}));
}

function openStore(ctx: StoreContext, onError: (e: Error) => void) {
  const writes = writeOps(ctx);
  const reads = readOps(ctx);
  const people = peopleOps(ctx);
  const records = recordOps(ctx);
  const extras = extraOps(ctx);
  const feed = changeFeed(ctx, onError);
  let closed = false;
  let lastPurge = 0;

  async function run<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (closed) throw new StorageError(BACKEND, 'the store is closed');
    try {
      return await work();
    } catch (error) {
      throw wrap(what, error);
    }
  }

  function purgeNow() {
    const now = ctx.clock.now();
    if (now.getTime() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = now.getTime();
    extras.purgeIdempotencyKeys(now).catch((error) => {
      onError(wrap('could not purge idempotency keys', error));
    });
  }

  const store: PostgresStore = {
    backend: BACKEND,
    capabilities: POSTGRES_CAPABILITIES,
    schema: ctx.schema,
    origin: ctx.origin,

    createTicket: (write) =>
      run(`could not create ticket ${write.ticket.id}`, async () => {
        const result = await writes.create(write);
        if (write.idempotency) purgeNow();
        return result;
      }),
    commit: (write) =>
      run(`could not commit ticket ${write.ticket.id}`, () =>
        writes.commit(write),
      ),
    getTicket: (siteId, id) =>
      run(`could not read ticket ${id}`, () => reads.get(siteId, id)),
    getTicketByRef: (siteId, ref) =>
      run(`could not read ticket ${ref}`, () => reads.getByRef(siteId, ref)),
    listTickets: (siteId, query) =>
      run('could not list tickets', () => reads.list(siteId, query)),
    listEvents: (siteId, ticketId) =>
      run(`could not read the events of ${ticketId}`, () =>
        reads.events(siteId, ticketId),
      ),
    readFeed: (after, limit) =>
      run('could not read the feed', () => reads.feed(after, limit)),
    nextRef: (siteId) =>
      run('could not number a ticket', () => reads.nextRef(siteId)),
    findIdempotency: (siteId, key) =>
      run('could not read an idempotency key', () =>
        reads.findIdempotency(siteId, key),
      ),

    ...guardedPeople(people, run),
    ...guardedRecords(records, run),

    subscribe: (listener, options) =>
      run('could not listen for changes', () =>
        feed.subscribe(listener, options),
      ),
    searchTickets: (siteId, text, limit = 20) =>
      run('could not search tickets', () => extras.search(siteId, text, limit)),
    claimDue: (siteId, now, limit, options) =>
      run('could not claim due tickets', () =>
        extras.claimDue(siteId, now, limit, options),
      ),
    importTickets: (items) =>
      run('could not import tickets', () => importTickets(ctx, items)),
    purgeIdempotencyKeys: (now) =>
      run('could not purge idempotency keys', () =>
        extras.purgeIdempotencyKeys(now),
      ),
    readFeedWithOrigin: (after, limit) =>
      run('could not read the feed', () => reads.feedWithOrigin(after, limit)),
    feedHead: () => run('could not read the feed', () => reads.head()),

    async close() {
      if (closed) return;
      closed = true;
      try {
        await feed.close();
      } catch (error) {
        throw wrap('could not stop listening', error);
      }
    },
  };
  return store;
}
