import type { IDBPTransaction } from 'idb';
import { storageError } from './errors.js';
import { type OpenOptions, openDatabase } from './open.js';
import type { Db, StoreName, TicketryDb } from './schema.js';

/** A read-only transaction over some stores. */
export type ReadTx = IDBPTransaction<TicketryDb, StoreName[], 'readonly'>;
/** A read-write transaction over some stores. */
export type WriteTx = IDBPTransaction<TicketryDb, StoreName[], 'readwrite'>;

/** How the store reaches its database: transactions, opened lazily. */
export interface Session {
  /** Key ranges of the same IndexedDB as the factory. */
  readonly range: typeof IDBKeyRange;
  /** IndexedDB's key order: negative when `a` sorts first. */
  cmp(a: IDBValidKey, b: IDBValidKey): number;
  read<T>(stores: StoreName[], work: (tx: ReadTx) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one read-write transaction and resolves once the
   * transaction has committed; when `work` throws, the transaction is
   * aborted and nothing it wrote stays.
   */
  write<T>(stores: StoreName[], work: (tx: WriteTx) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in a read-write transaction and resolves with its
   * result without waiting for the transaction to end, so that a write
   * issued while it is still active (in the same turn) joins it. Whoever
   * adds a write awaits `tx.done`; unused, it commits empty.
   */
  hold<T>(stores: StoreName[], work: (tx: WriteTx) => Promise<T>): Promise<T>;
  /** Closes the connection; later calls fail with reason `closed`. */
  close(): void;
}

/** What a session needs on top of the open options. */
export interface SessionOptions extends OpenOptions {
  durability: IDBTransactionDurability;
  range: typeof IDBKeyRange;
}

const noop = () => undefined;

function abortQuietly(tx: { abort(): void }) {
  try {
    tx.abort();
  } catch {
    // already committed or aborted: nothing left to undo
  }
}

/**
 * One lazily opened connection. It steps aside when another tab asks
 * for a new version or deletes the database (`versionchange`), and
 * when the browser closes it; the next call opens it again, or fails
 * with a typed error if it cannot.
 */
export function createSession(options: SessionOptions): Session {
  let db: Db | null = null;
  let opening: Promise<Db> | null = null;
  let closed = false;

  const closedError = () => storageError('closed', 'the store is closed');

  function adopt(opened: Db): Db {
    const forget = () => {
      if (db === opened) db = null;
    };
    opened.addEventListener('versionchange', () => {
      opened.close();
      forget();
    });
    opened.addEventListener('close', forget);
    db = opened;
    return opened;
  }

  async function connect(): Promise<Db> {
    if (closed) throw closedError();
    if (db) return db;
    opening ??= openDatabase(options).then(
      (opened) => {
        opening = null;
        if (!closed) return adopt(opened);
        opened.close();
        throw closedError();
      },
      (error) => {
        opening = null;
        throw error;
      },
    );
    return opening;
  }

  // A connection the browser closed throws InvalidStateError before
  // its close event arrives: drop it and open once more.
  async function begin(stores: StoreName[], mode: IDBTransactionMode) {
    const durability = options.durability;
    for (let attempt = 0; ; attempt++) {
      const current = await connect();
      try {
        return current.transaction(stores, mode, { durability });
      } catch (error) {
        const stale = (error as { name?: string }).name === 'InvalidStateError';
        if (!stale || attempt > 0) throw error;
        if (db === current) db = null;
      }
    }
  }

  return {
    range: options.range,
    cmp: (a, b) => options.factory!.cmp(a, b),

    async read(stores, work) {
      const tx = (await begin(stores, 'readonly')) as unknown as ReadTx;
      tx.done.catch(noop);
      return work(tx);
    },

    async write(stores, work) {
      const tx = (await begin(stores, 'readwrite')) as unknown as WriteTx;
      const done = tx.done;
      // Awaited below; the handler only keeps an early abort from being
      // reported as an unhandled rejection meanwhile.
      done.catch(noop);
      try {
        const result = await work(tx);
        await done;
        return result;
      } catch (error) {
        abortQuietly(tx);
        throw error;
      }
    },

    async hold(stores, work) {
      const tx = (await begin(stores, 'readwrite')) as unknown as WriteTx;
      tx.done.catch(noop);
      return work(tx);
    },

    close() {
      closed = true;
      db?.close();
      db = null;
    },
  };
}
