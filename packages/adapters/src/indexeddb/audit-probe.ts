/**
 * Raw changes to stored events with the plain IndexedDB API, as any
 * script on the page's origin could make them: IndexedDB has no
 * triggers, so nothing refuses them and `verifyAudit` must find them.
 * Nothing here imports Node modules.
 */
import type { AuditEvent } from '@ticketry/core';
import type { AuditProbe } from '@ticketry/core/testing';

function ask<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The audit probe of a database `name` opened through `factory`. */
export function indexedDbAuditProbe(
  factory: IDBFactory,
  name: string,
): AuditProbe {
  async function withEvents<T>(
    work: (events: IDBObjectStore) => Promise<T>,
  ): Promise<T> {
    const db = await ask(factory.open(name));
    try {
      const tx = db.transaction('events', 'readwrite');
      const result = await work(tx.objectStore('events'));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      return result;
    } finally {
      db.close();
    }
  }

  const find = async (
    events: IDBObjectStore,
    key: [string, string, number],
  ) => {
    const event = (await ask(events.index('ticket').get(key))) as
      | AuditEvent
      | undefined;
    if (!event) throw new Error(`no event ${key[1]} v${key[2]}`);
    return event;
  };

  return {
    refusesEventChanges: false,
    editEvent: (siteId, ticketId, version, edit) =>
      withEvents(async (events) => {
        const event = await find(events, [siteId, ticketId, version]);
        edit(event);
        await ask(events.put(event));
      }),
    deleteEvent: (siteId, ticketId, version) =>
      withEvents(async (events) => {
        const event = await find(events, [siteId, ticketId, version]);
        await ask(events.delete(event.seq));
      }),
  };
}
