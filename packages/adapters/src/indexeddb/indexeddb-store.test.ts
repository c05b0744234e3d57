import 'fake-indexeddb/auto';
import { describeStoreConformance } from '@ticketry/core/testing';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { indexedDbAuditProbe } from './audit-probe.js';
import { INDEXEDDB_CAPABILITY_REASONS, indexedDbStore } from './index.js';
import { indexedDbProbe } from './test-support.js';

describeStoreConformance('indexeddb (fake-indexeddb)', {
  capabilityReasons: INDEXEDDB_CAPABILITY_REASONS,
  async create() {
    // A factory of its own per check: an empty, private IndexedDB.
    const factory = new IDBFactory();
    const open = () => ({
      store: indexedDbStore({
        name: 'conformance',
        indexedDB: factory,
        IDBKeyRange,
      }),
      probe: {
        ...indexedDbProbe(factory, 'conformance', IDBKeyRange),
        ...indexedDbAuditProbe(factory, 'conformance'),
      },
    });
    return { ...open(), reopen: async () => open() };
  },
});
