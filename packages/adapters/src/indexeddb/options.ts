import { validationError } from '@ticketry/core';
import * as z from 'zod/mini';

/** Options of {@link indexedDbStore}. */
export interface IndexedDbStoreOptions {
  /** The database name; one name holds one store's data. */
  name: string;
  /**
   * How hard the browser flushes each write. `'strict'` reports a
   * write done only once it is on disk; `'relaxed'` once the browser
   * has it, so a power cut or OS crash may lose the last writes, never
   * corrupt the database; `'default'` leaves the choice to the browser.
   * @default 'default'
   */
  durability?: 'default' | 'strict' | 'relaxed';
  /**
   * How long opening may wait on another tab that keeps an older
   * version of the database open (or on a browser that does not
   * answer) before it fails with a StorageError.
   * @default 5000
   */
  blockedTimeoutMs?: number;
  /** The IndexedDB to use. @default globalThis.indexedDB */
  indexedDB?: IDBFactory;
  /**
   * Key ranges of that same IndexedDB; give it together with a
   * `indexedDB` that is not the global one.
   * @default globalThis.IDBKeyRange
   */
  IDBKeyRange?: typeof IDBKeyRange;
}

/** Validated options with their defaults filled in. */
export interface ResolvedOptions {
  name: string;
  durability: IDBTransactionDurability;
  blockedTimeoutMs: number;
  factory: IDBFactory | undefined;
  range: typeof IDBKeyRange;
  /** Why IndexedDB cannot be used here, when it cannot. */
  unavailable?: { message: string; cause?: unknown };
}

const hasMethods =
  (...names: string[]) =>
  (value: unknown) =>
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    names.every(
      (name) => typeof (value as Record<string, unknown>)[name] === 'function',
    );

const optionsSchema = z.object({
  name: z
    .string({ error: 'name must be a string' })
    .check(z.minLength(1, { error: 'name must not be empty' })),
  durability: z._default(
    z.enum(['default', 'strict', 'relaxed'], {
      error: "durability must be 'default', 'strict' or 'relaxed'",
    }),
    'default',
  ),
  blockedTimeoutMs: z._default(
    z
      .int({ error: 'blockedTimeoutMs must be a whole number of ms' })
      .check(z.minimum(0), z.maximum(2_147_483_647)),
    5000,
  ),
  indexedDB: z.optional(
    z.custom<IDBFactory>(hasMethods('open', 'cmp', 'deleteDatabase'), {
      error: 'indexedDB must be an IDBFactory',
    }),
  ),
  IDBKeyRange: z.optional(
    z.custom<typeof IDBKeyRange>(hasMethods('bound', 'lowerBound'), {
      error: 'IDBKeyRange must be the IDBKeyRange class',
    }),
  ),
});

/** Checks the options; a ValidationError names the wrong one. */
export function resolveOptions(options: unknown): ResolvedOptions {
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw validationError('indexeddb store options', parsed.error.issues);
  }
  const o = parsed.data;
  const scope = globalThis as Record<string, unknown>;
  let factory = o.indexedDB;
  let unavailable: ResolvedOptions['unavailable'];
  try {
    // Reading it throws a SecurityError in some sandboxed frames.
    factory ??= scope.indexedDB as IDBFactory | undefined;
  } catch (cause) {
    unavailable = { message: 'IndexedDB is blocked in this context', cause };
  }
  const range = o.IDBKeyRange ?? (scope.IDBKeyRange as typeof IDBKeyRange);
  if (!unavailable && !factory) {
    unavailable = { message: 'IndexedDB is not available here' };
  } else if (
    !unavailable &&
    !(range && typeof scope.IDBRequest === 'function')
  ) {
    // idb tells requests, cursors and transactions apart by the
    // global classes, so they must exist even with another factory.
    unavailable = {
      message:
        'the IndexedDB classes (IDBRequest, IDBKeyRange, ...) are not ' +
        "globals here; in Node, import 'fake-indexeddb/auto' first",
    };
  }
  return {
    name: o.name,
    durability: o.durability,
    blockedTimeoutMs: o.blockedTimeoutMs,
    factory,
    range,
    ...(unavailable && { unavailable }),
  };
}
