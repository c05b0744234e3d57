import type { Submission } from '@ticketry/core/public';
import type { UploadInput } from './upload.js';

/** A submission waiting for the connection, stored in IndexedDB. */
export interface OutboxEntry {
  /** Its Idempotency-Key: a retry of the same entry makes one ticket. */
  key: string;
  /** The API it goes to. */
  endpoint: string;
  /** The submission, without attachment ids (the files get them). */
  submission: Submission;
  files: UploadInput[];
  /** When it was saved, ms since the epoch. */
  at: number;
}

const DB = 'ticketry-outbox';
const STORE = 'submissions';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () =>
    r.result.createObjectStore(STORE, { keyPath: 'key' });
  return request(r);
}

async function run<T>(
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  // A failed open is tried again at the next call.
  opened ??= open().catch((error) => {
    opened = null;
    throw error;
  });
  const db = await opened;
  return request(act(db.transaction(STORE, mode).objectStore(STORE)));
}

/**
 * The offline queue: submissions kept in IndexedDB (files as Blobs)
 * under their Idempotency-Key, so they survive a reload and a second
 * attempt is a replay, never a second ticket. Plain IndexedDB rather
 * than `idb`, to keep the widget small.
 */
export const outbox = {
  put: (entry: OutboxEntry) => run('readwrite', (s) => s.put(entry)),
  remove: (key: string) => run('readwrite', (s) => s.delete(key)),
  /** The entries for `endpoint`, oldest first. */
  async list(endpoint: string): Promise<OutboxEntry[]> {
    const all = (await run('readonly', (s) => s.getAll())) as OutboxEntry[];
    return all
      .filter((e) => e.endpoint === endpoint)
      .sort((a, b) => a.at - b.at);
  },
};
