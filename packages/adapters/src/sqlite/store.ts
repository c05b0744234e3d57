import {
  StorageError,
  type StoreCapabilities,
  TicketryError,
  type TicketStore,
} from '@ticketry/core';
import type Database from 'better-sqlite3';
import { guardedPeople } from '../people-methods.js';
import { guardedRecords } from '../record-methods.js';
import { type ImportItem, type ImportResult, importOps } from './import.js';
import { migrate } from './migrations.js';
import {
  openDatabase,
  resolveOptions,
  type SqliteStoreOptions,
} from './options.js';
import { peopleOps } from './people.js';
import { recordOps } from './records.js';
import { statementCache } from './statements.js';
import { ticketOps } from './tickets.js';

/**
 * What the SQLite store can do.
 *
 * - `transactions`: a ticket and its event (and an idempotency key)
 *   are written in one SQLite transaction.
 * - `changeNotifications: false`: SQLite pushes nothing to other
 *   connections, so writes made by another process never reach this
 *   one's listeners. Readers poll `readFeed(after, limit)`; the feed
 *   position is the event's `seq`, handed out under the write lock, so
 *   a poller never skips an event committed after its last read.
 * - `fullText: false`: the store contract has no text query yet; an
 *   FTS5 index on subject and description would come as a migration
 *   together with that query.
 * - `sharedAccess`: stores in several processes may open one file;
 *   SQLite's write lock keeps every guarantee between them.
 */
export const SQLITE_CAPABILITIES: StoreCapabilities = Object.freeze({
  transactions: true,
  changeNotifications: false,
  fullText: false,
  sharedAccess: true,
});

const BACKEND = 'sqlite';

function wrap(what: string, error: unknown): TicketryError {
  if (error instanceof TicketryError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StorageError(BACKEND, `${what}: ${reason}`, error);
}

/** A TicketStore on SQLite, with its connection for backups and probes. */
export type SqliteStore = TicketStore & {
  /** The open connection; use it to read, back up or inspect. */
  readonly database: Database.Database;
  /**
   * Writes tickets with their whole histories in one transaction, all
   * or nothing; much faster than one `createTicket` per ticket.
   */
  importTickets(items: readonly ImportItem[]): Promise<ImportResult>;
};

/**
 * A ticket store in one SQLite file (or in memory), through
 * better-sqlite3. Opening applies any pending schema migrations.
 * Several stores, in one process or many, may share a file: version
 * checks and idempotency keys hold across all of them.
 *
 * Throws a ValidationError for bad options and a StorageError when the
 * database cannot be opened or migrated.
 *
 * @example
 * import { createDesk } from '@ticketry/core';
 * import { sqliteStore } from '@ticketry/adapters/sqlite';
 *
 * const desk = createDesk({ store: sqliteStore({ filename: 'desk.sqlite' }) });
 */
export function sqliteStore(options: SqliteStoreOptions): SqliteStore {
  const resolved = resolveOptions(options);
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(resolved);
  } catch (error) {
    throw wrap('could not open the database', error);
  }
  const { db, owned } = opened;
  try {
    migrate(db);
  } catch (error) {
    if (owned) db.close();
    throw wrap('could not migrate the database', error);
  }

  const prepare = statementCache(db);
  const tickets = ticketOps(db, prepare);
  const people = peopleOps(prepare);
  const records = recordOps(prepare);
  const importTickets = importOps(db, prepare);
  let closed = false;

  async function run<T>(what: string, work: () => T | Promise<T>): Promise<T> {
    if (closed) throw new StorageError(BACKEND, 'the store is closed');
    try {
      return await work();
    } catch (error) {
      throw wrap(what, error);
    }
  }

  return {
    backend: BACKEND,
    capabilities: SQLITE_CAPABILITIES,
    database: db,

    createTicket: (write) =>
      run(`could not create ticket ${write.ticket.id}`, () =>
        tickets.create(write),
      ),
    commit: (write) =>
      run(`could not commit ticket ${write.ticket.id}`, () =>
        tickets.commit(write),
      ),
    getTicket: (siteId, id) =>
      run(`could not read ticket ${id}`, () => tickets.get(siteId, id)),
    getTicketByRef: (siteId, ref) =>
      run(`could not read ticket ${ref}`, () => tickets.getByRef(siteId, ref)),
    listTickets: (siteId, query) =>
      run('could not list tickets', () => tickets.list(siteId, query)),
    listEvents: (siteId, ticketId) =>
      run(`could not read the events of ${ticketId}`, () =>
        tickets.events(siteId, ticketId),
      ),
    readFeed: (after, limit) =>
      run('could not read the feed', () => tickets.feed(after, limit)),
    nextRef: (siteId) =>
      run('could not number a ticket', () => tickets.nextRef(siteId)),
    findIdempotency: (siteId, key) =>
      run('could not read an idempotency key', () =>
        tickets.findIdempotency(siteId, key),
      ),
    importTickets: (items) =>
      run('could not import tickets', () => importTickets(items)),

    ...guardedPeople(people, run),
    ...guardedRecords(records, run),

    async close() {
      if (closed) return;
      closed = true;
      try {
        if (owned) db.close();
      } catch (error) {
        throw wrap('could not close the database', error);
      }
    },
  };
}
