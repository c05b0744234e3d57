import type { MemoryData } from '../store/memory-store.js';
import { keyMatches, type StoredRecord } from '../store/records.js';
import type { TicketStore } from '../store/types.js';

type Breakage = (store: TicketStore, data: MemoryData) => Partial<TicketStore>;

// Lets other calls in flight run, as a driver's round trip would.
const roundTrip = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const address = (siteId: string, kind: string, key: string) =>
  `${siteId}\u0000${kind}\u0000${key}`;

/** Breakages of the versioned records. */
export const RECORD_BREAKAGES: Record<string, Breakage> = {
  /** Writes whatever version it is given, as a plain upsert would. */
  'record version ignored': (store) => ({
    async putRecord(write) {
      const { siteId, kind, key } = write;
      const current = await store.getRecord(siteId, kind, key);
      return store.putRecord({
        ...write,
        expectedVersion: current?.version ?? 0,
      });
    },
  }),
  /**
   * Reads the version, then writes after a round trip: a lone stale
   * write is refused, but concurrent writers overwrite each other.
   */
  'record version check split from the write': (store, data) => ({
    async putRecord(write) {
      const { siteId, kind, key } = write;
      const before = data.records.get(address(siteId, kind, key));
      if ((before?.version ?? 0) !== write.expectedVersion) {
        return store.putRecord(write);
      }
      await roundTrip();
      const now = data.records.get(address(siteId, kind, key));
      return store.putRecord({ ...write, expectedVersion: now?.version ?? 0 });
    },
  }),
  /** Deletes whatever version is there. */
  'record delete ignores the version': (store) => ({
    async deleteRecord(siteId, kind, key, expectedVersion) {
      const current = await store.getRecord(siteId, kind, key);
      const version = current?.version ?? expectedVersion;
      return store.deleteRecord(siteId, kind, key, version);
    },
  }),
  /** Keeps one record per kind and key, whatever the site. */
  'records shared between sites': (store) => ({
    putRecord: (write) => store.putRecord({ ...write, siteId: 'site-a' }),
    getRecord: (_siteId, kind, key) => store.getRecord('site-a', kind, key),
    listRecords: (_siteId, kind, query) =>
      store.listRecords('site-a', kind, query),
  }),
  /** Lists records in the order they were first written. */
  'records listed in write order': (store, data) => ({
    async listRecords(siteId, kind, query) {
      await store.listRecords(siteId, kind, query);
      const rows: StoredRecord[] = [...data.records.values()].filter(
        (r) =>
          r.siteId === siteId &&
          r.kind === kind &&
          keyMatches(r.key, query ?? {}),
      );
      return rows.slice(0, query?.limit ?? 100).map((r) => ({ ...r }));
    },
  }),
  /** Answers every record of a kind, whatever the limit. */
  'record list limit ignored': (store) => ({
    listRecords: (siteId, kind, query) =>
      store.listRecords(siteId, kind, { ...query, limit: 1000 }),
  }),
  /** Stores whatever value it is given, JSON or not. */
  'record values not validated': (store, data) => ({
    async putRecord(write) {
      const { siteId, kind, key } = write;
      const at = address(siteId, kind, key);
      const current = data.records.get(at);
      if (current || write.value !== undefined) return store.putRecord(write);
      const stored = { ...write, version: 1, updatedAt: write.at };
      data.records.set(at, stored as unknown as StoredRecord);
      return stored as unknown as StoredRecord;
    },
  }),
};
