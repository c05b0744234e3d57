import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { wrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { indexedDbStore, migrations, SCHEMA_VERSION } from './index.js';
import { openRaw } from './test-support.js';

/** A database as version 1 of this package left it, with a counter. */
function openAtVersion1(factory: IDBFactory, name: string) {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      migrations[0]!.apply(
        wrap(request.result) as never,
        wrap(request.transaction!) as never,
      );
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('indexeddb records store', () => {
  it('is added by an upgrade from version 1, which keeps the data there', async () => {
    const factory = new IDBFactory();
    const old = await openAtVersion1(factory, 'desk');
    expect(old.objectStoreNames.contains('records')).toBe(false);
    await new Promise<void>((resolve, reject) => {
      const tx = old.transaction('counters', 'readwrite');
      tx.objectStore('counters').put({ siteId: 'site-a', value: 1041 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    old.close();

    const store = indexedDbStore({
      name: 'desk',
      indexedDB: factory,
      IDBKeyRange,
    });
    expect(await store.nextRef('site-a')).toBe(1042);
    const put = await store.putRecord({
      siteId: 'site-a',
      kind: 'routing.cursor',
      key: 'net',
      value: { next: 'ada' },
      expectedVersion: 0,
      at: '2024-01-01T09:00:00.000Z',
    });
    expect(put.version).toBe(1);
    await store.close();

    const raw = await openRaw(factory, 'desk');
    expect(raw.version).toBe(SCHEMA_VERSION);
    const row = await new Promise((resolve) => {
      const get = raw
        .transaction('records')
        .objectStore('records')
        .get(['site-a', 'routing.cursor', 'net']);
      get.onsuccess = () => resolve(get.result);
    });
    raw.close();
    expect(row).toEqual(put);
  });
});
