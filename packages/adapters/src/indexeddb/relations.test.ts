import 'fake-indexeddb/auto';
import { RELATION_FLOWS } from '@ticketry/core/testing';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, it } from 'vitest';
import { indexedDbStore } from './index.js';

describe('relations on the indexeddb store (fake-indexeddb)', () => {
  for (const flow of RELATION_FLOWS) {
    it(flow.name, async () => {
      // A factory of its own per flow: an empty, private IndexedDB.
      const store = indexedDbStore({
        name: 'relations',
        indexedDB: new IDBFactory(),
        IDBKeyRange,
      });
      try {
        await flow.run(store);
      } finally {
        await store.close();
      }
    });
  }
});
