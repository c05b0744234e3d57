/**
 * Test helpers shared by the Node (fake-indexeddb) and Chromium tests:
 * a raw probe and factories that fail the ways browsers do. Nothing
 * here imports Node modules.
 */
import type { StoreProbe } from '@ticketry/core/testing';
import type { TicketRow } from './schema.js';

/**
 * Reads what a store persisted over a connection of its own, with the
 * plain IndexedDB API. The row's key overrides the ticket's own ids,
 * so a row stored under the wrong key shows up as a wrong value. It
 * never creates a database: a missing one reads as empty.
 */
export function indexedDbProbe(
  factory: IDBFactory,
  name: string,
  range: typeof IDBKeyRange,
): StoreProbe {
  const withDb = <T>(empty: T, work: (db: IDBDatabase) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const request = factory.open(name);
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = (event) => {
        event.preventDefault();
        resolve(empty);
      };
      request.onsuccess = () => {
        const db = request.result;
        work(db)
          .then(resolve, reject)
          .finally(() => db.close());
      };
    });
  const ask = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  return {
    readTicket: (siteId, id) =>
      withDb(null, async (db) => {
        const store = db.transaction('tickets').objectStore('tickets');
        const row = (await ask(store.get([siteId, id]))) as
          | TicketRow
          | undefined;
        if (!row) return null;
        return { ...row.ticket, siteId: row.siteId, id: row.id };
      }),
    countEvents: (siteId, ticketId) =>
      withDb(0, (db) => {
        const events = db.transaction('events').objectStore('events');
        const key = range.bound([siteId, ticketId], [siteId, ticketId, []]);
        return ask(events.index('ticket').count(key));
      }),
  };
}

function later(run: () => void) {
  setTimeout(run, 0);
}

/** A request that never answers, or fails with `error` soon. */
function fakeOpenRequest(error?: DOMException): IDBOpenDBRequest {
  const request = new EventTarget() as EventTarget & Record<string, unknown>;
  request.error = null;
  if (error) {
    later(() => {
      request.error = error;
      request.dispatchEvent(new Event('error', { cancelable: true }));
    });
  }
  return request as unknown as IDBOpenDBRequest;
}

/**
 * IndexedDB factories that fail the ways browsers do, around a real
 * one (for `cmp`): an open that errors (Firefox's private mode used to
 * answer InvalidStateError), an open that throws at once (a sandboxed
 * frame's SecurityError), and an open that never answers (a Safari
 * bug). Each is a plain object, as a browser's factory is.
 */
export const brokenFactories = (real: IDBFactory) => {
  const make = (open: () => IDBOpenDBRequest): IDBFactory => ({
    open,
    deleteDatabase: () => fakeOpenRequest(),
    databases: async () => [],
    cmp: (a, b) => real.cmp(a, b),
  });
  return {
    openFails: make(() =>
      fakeOpenRequest(
        new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        ),
      ),
    ),
    openThrows: make(() => {
      throw new DOMException(
        'access is denied for this document',
        'SecurityError',
      );
    }),
    openHangs: make(() => fakeOpenRequest()),
  };
};

/**
 * A factory that hands every connection it opens to `opened` too, so
 * a test can close it the way a browser would.
 */
export function spyFactory(real: IDBFactory) {
  const opened: IDBDatabase[] = [];
  const factory: IDBFactory = {
    open(name, version) {
      const request = real.open(name, version);
      request.addEventListener('success', () => opened.push(request.result));
      return request;
    },
    deleteDatabase: (name) => real.deleteDatabase(name),
    databases: () => real.databases(),
    cmp: (a, b) => real.cmp(a, b),
  };
  return { factory, opened };
}

/** Opens a database with the plain API, creating it when missing. */
export function openRaw(
  factory: IDBFactory,
  name: string,
  version?: number,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves with how it settled, or `'pending'` after `ms`. */
export function settleWithin<T>(promise: Promise<T>, ms: number) {
  return Promise.race([
    promise.then(
      (value) => ({ state: 'resolved' as const, value }),
      (error: unknown) => ({ state: 'rejected' as const, error }),
    ),
    new Promise<{ state: 'pending' }>((resolve) =>
      setTimeout(() => resolve({ state: 'pending' }), ms),
    ),
  ]);
}
