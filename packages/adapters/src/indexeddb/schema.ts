import type {
  AccessToken,
  Agent,
  AuditEvent,
  Credential,
  Requester,
  StoredRecord,
  Team,
  Ticket,
} from '@ticketry/core';
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';

/** Object stores of the database, one per kind of record. */
export const STORES = [
  'tickets',
  'events',
  'idempotency',
  'counters',
  'requesters',
  'agents',
  'teams',
  'credentials',
  'tokens',
  'records',
] as const;

/** The name of one object store. */
export type StoreName = (typeof STORES)[number];

/**
 * A stored ticket: the ticket as given, its key, and `due`, the due
 * instant or {@link NO_DUE}. IndexedDB leaves a record out of an index
 * when a key part is null, so a null `dueAt` would drop the ticket from
 * the due-ordered lists; `NO_DUE` keeps it there, after every instant.
 */
export interface TicketRow {
  siteId: string;
  id: string;
  due: string;
  ticket: Ticket;
}

/** Sorts after every ISO instant: tickets without a due time come last. */
export const NO_DUE = '\uffff';

/** The stored form of a ticket. */
export const ticketRow = (ticket: Ticket): TicketRow => ({
  siteId: ticket.siteId,
  id: ticket.id,
  due: ticket.dueAt ?? NO_DUE,
  ticket,
});

/** A requester, agent or team, kept in the order it was first put. */
export interface PersonRow<T> {
  siteId: string;
  id: string;
  order: number;
  emailKey?: string;
  value: T;
}

/** An idempotency key and the ticket it created. */
export interface IdempotencyRow {
  siteId: string;
  key: string;
  fingerprint: string;
  ticketId: string;
  createdAt: string;
}

/** A stored event is the audit event; its `seq` is the store's key. */
export type EventRow = AuditEvent;

/** The key path of each sort order, inside a ticket row. */
export const SORT_PATHS = {
  createdAt: 'ticket.createdAt',
  updatedAt: 'ticket.updatedAt',
  dueAt: 'due',
} as const;

/** A sort order without its direction. */
export type SortField = keyof typeof SORT_PATHS;

/**
 * Filters that get their own indexes, with the orders each is indexed
 * in: a list with one of these filters walks only the matching tickets,
 * already sorted. Every write updates every index, so the due order is
 * kept only where timers need it (per site and per status, as for
 * `desk.tick`); a team's list by due time walks one of those instead.
 */
export const FILTER_PATHS = {
  site: null,
  status: 'ticket.status',
  team: 'ticket.teamId',
  assignee: 'ticket.assigneeId',
  requester: 'ticket.requesterId',
} as const;

/** A filter with list indexes of its own (`site`: none but the site). */
export type IndexedFilter = keyof typeof FILTER_PATHS;

const ALL_ORDERS: readonly SortField[] = ['createdAt', 'updatedAt', 'dueAt'];
const NO_DUE_ORDER: readonly SortField[] = ['createdAt', 'updatedAt'];

/** The sort orders each filter has an index for. */
export const INDEXED_ORDERS: Record<IndexedFilter, readonly SortField[]> = {
  site: ALL_ORDERS,
  status: ALL_ORDERS,
  team: NO_DUE_ORDER,
  assignee: NO_DUE_ORDER,
  requester: NO_DUE_ORDER,
};

/** The name of the index on (site, filter, sort value, id). */
export const listIndex = (filter: IndexedFilter, sort: SortField) =>
  `${filter}:${sort}`;

type Key2 = [string, string];
type PersonStore<T> = {
  key: Key2;
  value: PersonRow<T>;
  indexes: { order: [string, number]; email: [string, string, number] };
};

/** The database's stores, their keys, values and indexes, for idb. */
export interface TicketryDb extends DBSchema {
  tickets: {
    key: Key2;
    value: TicketRow;
    indexes: Record<string, IDBValidKey>;
  };
  events: {
    key: number;
    value: EventRow;
    indexes: { id: string; ticket: [string, string, number] };
  };
  idempotency: { key: Key2; value: IdempotencyRow };
  counters: { key: string; value: { siteId: string; value: number } };
  requesters: PersonStore<Requester>;
  agents: PersonStore<Agent>;
  teams: PersonStore<Team>;
  credentials: { key: string; value: Credential };
  tokens: { key: string; value: AccessToken };
  records: { key: [string, string, string]; value: StoredRecord };
}

/** An open database of this schema. */
export type Db = IDBPDatabase<TicketryDb>;

type UpgradeDb = IDBPDatabase<TicketryDb>;
type UpgradeTx = IDBPTransaction<TicketryDb, StoreName[], 'versionchange'>;

/** One numbered step of the schema; the database version is the count. */
export interface IndexedDbMigration {
  version: number;
  name: string;
  apply(db: UpgradeDb, tx: UpgradeTx): void;
}

function createTickets(db: UpgradeDb) {
  const tickets = db.createObjectStore('tickets', {
    keyPath: ['siteId', 'id'],
  });
  tickets.createIndex('ref', ['siteId', 'ticket.ref'], { unique: true });
  for (const [filter, path] of Object.entries(FILTER_PATHS)) {
    for (const sort of INDEXED_ORDERS[filter as IndexedFilter]) {
      const keyPath = ['siteId', path, SORT_PATHS[sort], 'id'].filter(
        (part): part is string => part !== null,
      );
      tickets.createIndex(listIndex(filter as IndexedFilter, sort), keyPath);
    }
  }
}

function createPeople(db: UpgradeDb) {
  const requesters = db.createObjectStore('requesters', {
    keyPath: ['siteId', 'id'],
  });
  requesters.createIndex('order', ['siteId', 'order']);
  requesters.createIndex('email', ['siteId', 'emailKey', 'order']);
  for (const name of ['agents', 'teams'] as const) {
    const store = db.createObjectStore(name, { keyPath: ['siteId', 'id'] });
    store.createIndex('order', ['siteId', 'order']);
  }
  db.createObjectStore('credentials', { keyPath: 'hash' });
  db.createObjectStore('tokens', { keyPath: 'hash' });
}

/** The schema history, oldest first. */
export const migrations: readonly IndexedDbMigration[] = [
  {
    version: 1,
    name: 'tickets with list indexes, events (the feed), keys, people',
    apply(db) {
      createTickets(db);
      const events = db.createObjectStore('events', {
        keyPath: 'seq',
        autoIncrement: true,
      });
      events.createIndex('id', 'id', { unique: true });
      events.createIndex('ticket', ['siteId', 'ticketId', 'version'], {
        unique: true,
      });
      db.createObjectStore('idempotency', { keyPath: ['siteId', 'key'] });
      db.createObjectStore('counters', { keyPath: 'siteId' });
      createPeople(db);
    },
  },
  {
    version: 2,
    name: 'versioned JSON records, keyed by site, kind and key',
    apply(db) {
      db.createObjectStore('records', { keyPath: ['siteId', 'kind', 'key'] });
    },
  },
];

/** The database version this package writes. */
export const SCHEMA_VERSION = migrations.length;

/** Applies the steps after `oldVersion`, inside the upgrade transaction. */
export function upgrade(db: UpgradeDb, oldVersion: number, tx: UpgradeTx) {
  for (const step of migrations) {
    if (step.version > oldVersion) step.apply(db, tx);
  }
}
