import type { StoreCapabilities, TicketStore } from '@ticketry/core';
import { createSession } from './connection.js';
import { BACKEND, toStorageError } from './errors.js';
import {
  type ImportRecord,
  type ImportResult,
  importTickets,
} from './import.js';
import { listTickets } from './list.js';
import { type IndexedDbStoreOptions, resolveOptions } from './options.js';
import { peopleOps } from './people.js';
import { recordOps } from './records.js';
import { ticketOps } from './tickets.js';

/**
 * What the IndexedDB store can do: a ticket, its event and its
 * idempotency key are written in one read-write transaction; see
 * {@link INDEXEDDB_CAPABILITY_REASONS} for what it does not do.
 */
export const INDEXEDDB_CAPABILITIES: StoreCapabilities = Object.freeze({
  transactions: true,
  changeNotifications: false,
  fullText: false,
  sharedAccess: true,
});

/** Why each capability the IndexedDB store lacks is off. */
export const INDEXEDDB_CAPABILITY_REASONS: Readonly<
  Partial<Record<keyof StoreCapabilities, string>>
> = Object.freeze({
  changeNotifications:
    'IndexedDB tells other tabs nothing when data changes; poll ' +
    'readFeed, whose positions are handed out inside the writing ' +
    'transaction, so a poller never skips an event',
  fullText:
    'the store contract has no text query yet, and IndexedDB has no ' +
    'text index; it would need a token index of its own',
});

/** A TicketStore in IndexedDB, with a bulk import and an eager open. */
export type IndexedDbStore = TicketStore & {
  /** The database name given in the options. */
  readonly name: string;
  /**
   * Opens (and upgrades) the database now instead of on the first
   * call; rejects with the same typed errors the first call would.
   */
  ready(): Promise<void>;
  /** Many tickets with their events, all in one transaction. */
  importTickets(records: readonly ImportRecord[]): Promise<ImportResult>;
};

/**
 * A ticket store in the browser's IndexedDB, through idb: the same
 * contract as the other stores, for drafts and a local cache. The
 * database opens on the first call; every failure is a StorageError
 * (`backend: 'indexeddb'`) whose `details.reason` says what went wrong,
 * from `unavailable` (private mode, no IndexedDB) to `quota`. Throws a
 * ValidationError at once for bad options.
 *
 * @example
 * import { createDesk } from '@ticketry/core';
 * import { indexedDbStore } from '@ticketry/adapters/indexeddb';
 *
 * const desk = createDesk({ store: indexedDbStore({ name: 'helpdesk' }) });
 */
export function indexedDbStore(options: IndexedDbStoreOptions): IndexedDbStore {
  const resolved = resolveOptions(options);
  const session = createSession(resolved);
  const tickets = ticketOps(session);
  const people = peopleOps(session);
  const records = recordOps(session);

  const run =
    <A extends unknown[], T>(
      what: (...args: NoInfer<A>) => string,
      work: (...args: A) => Promise<T>,
    ) =>
    async (...args: A): Promise<T> => {
      try {
        return await work(...args);
      } catch (error) {
        throw toStorageError(what(...args), error);
      }
    };

  return {
    backend: BACKEND,
    capabilities: INDEXEDDB_CAPABILITIES,
    name: resolved.name,

    ready: run(
      () => `could not open ${resolved.name}`,
      async () => {
        await session.read(['counters'], async () => undefined);
      },
    ),
    importTickets: run(
      () => 'could not import tickets',
      (records: readonly ImportRecord[]) => importTickets(session, records),
    ),

    createTicket: run(
      (w) => `could not create ticket ${w.ticket.id}`,
      tickets.create,
    ),
    commit: run(
      (w) => `could not commit ticket ${w.ticket.id}`,
      tickets.commit,
    ),
    getTicket: run((_s, id) => `could not read ticket ${id}`, tickets.get),
    getTicketByRef: run(
      (_s, ref) => `could not read ticket ${ref}`,
      tickets.getByRef,
    ),
    listTickets: run(
      () => 'could not list tickets',
      (siteId: string, query) => listTickets(session, siteId, query),
    ),
    listEvents: run(
      (_s, ticketId) => `could not read the events of ${ticketId}`,
      tickets.events,
    ),
    readFeed: run(() => 'could not read the feed', tickets.feed),
    nextRef: run(() => 'could not number a ticket', tickets.nextRef),
    findIdempotency: run(
      () => 'could not read an idempotency key',
      tickets.findIdempotency,
    ),

    putRequester: run(
      (r) => `could not save requester ${r.id}`,
      people.putRequester,
    ),
    getRequester: run(
      (_s, id) => `could not read requester ${id}`,
      people.getRequester,
    ),
    findRequesterByEmail: run(
      () => 'could not look up a requester',
      people.findRequesterByEmail,
    ),
    putAgent: run((a) => `could not save agent ${a.id}`, people.putAgent),
    getAgent: run((_s, id) => `could not read agent ${id}`, people.getAgent),
    listAgents: run(() => 'could not list agents', people.listAgents),
    putTeam: run((t) => `could not save team ${t.id}`, people.putTeam),
    getTeam: run((_s, id) => `could not read team ${id}`, people.getTeam),
    listTeams: run(() => 'could not list teams', people.listTeams),
    putCredential: run(
      () => 'could not save a credential',
      people.putCredential,
    ),
    findCredential: run(
      () => 'could not look up a credential',
      people.findCredential,
    ),
    putAccessToken: run(
      () => 'could not save an access token',
      people.putAccessToken,
    ),
    findAccessToken: run(
      () => 'could not look up an access token',
      people.findAccessToken,
    ),

    getRecord: run(
      (_s, kind, key) => `could not read record ${kind}/${key}`,
      records.getRecord,
    ),
    putRecord: run(
      (w) => `could not save record ${w?.kind}/${w?.key}`,
      records.putRecord,
    ),
    listRecords: run(
      (_s, kind, _query?) => `could not list ${kind} records`,
      records.listRecords,
    ),
    deleteRecord: run(
      (_s, kind, key, _version) => `could not delete record ${kind}/${key}`,
      records.deleteRecord,
    ),

    async close() {
      session.close();
    },
  };
}
