import { validationError } from '@ticketry/core';
import Database from 'better-sqlite3';
import { z } from 'zod';

interface CommonOptions {
  /**
   * How hard SQLite syncs to disk. `NORMAL` in WAL mode never corrupts
   * the database but may lose the last commits on power loss; `FULL`
   * syncs every commit, at some cost per write.
   * @default 'NORMAL'
   */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * How long a write waits for another connection's write lock before
   * it fails with a StorageError.
   * @default 5000
   */
  busyTimeoutMs?: number;
  /**
   * After a commit leaves the write-ahead log at least this many pages
   * (4 KiB each) long, that connection copies the log back into the
   * database (a checkpoint, which syncs under NORMAL and FULL alike).
   * Fewer, larger checkpoints make writes faster (about 1.5× on
   * lifecycle commands against SQLite's own 1,000) for a log file
   * of up to about 40 MiB; 0 turns automatic checkpoints off, leaving
   * them to you (`database.pragma('wal_checkpoint(TRUNCATE)')`).
   * Files only: an in-memory database has no log.
   * @default 10000
   */
  walAutocheckpointPages?: number;
}

/** Options of {@link sqliteStore}: a file name or an open database. */
export type SqliteStoreOptions = CommonOptions &
  (
    | {
        /** A file path, or `':memory:'` for a private in-memory database. */
        filename: string;
        database?: never;
      }
    | {
        /**
         * An open better-sqlite3 database. The store sets its pragmas and
         * migrates it, but `close()` leaves it open: it stays yours.
         */
        database: Database.Database;
        filename?: never;
      }
  );

const isDatabase = (value: unknown): value is Database.Database => {
  const db = value as Partial<Database.Database> | null;
  return (
    typeof db?.prepare === 'function' &&
    typeof db.pragma === 'function' &&
    typeof db.transaction === 'function'
  );
};

const optionsSchema: z.ZodType<ResolvedOptions, unknown> = z
  .object({
    filename: z.string().min(1).optional(),
    database: z
      .custom<Database.Database>(isDatabase, {
        message: 'database must be an open better-sqlite3 Database',
      })
      .optional(),
    synchronous: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
    busyTimeoutMs: z.number().int().min(0).max(2_147_483_647).default(5000),
    walAutocheckpointPages: z
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .default(10_000),
  })
  .refine((o) => (o.filename === undefined) !== (o.database === undefined), {
    message: 'give exactly one of filename or database',
    path: ['filename'],
  });

/** Validated options with their defaults filled in. */
export interface ResolvedOptions {
  filename?: string | undefined;
  database?: Database.Database | undefined;
  synchronous: 'NORMAL' | 'FULL';
  busyTimeoutMs: number;
  walAutocheckpointPages: number;
}

/** Checks the options; a ValidationError names the wrong option. */
export function resolveOptions(options: unknown): ResolvedOptions {
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw validationError('sqlite store options', parsed.error.issues);
  }
  return parsed.data;
}

/**
 * Opens (or adopts) the database and sets its pragmas: WAL for files,
 * so readers never block the writer, with the checkpoint size asked
 * for; foreign keys on; the sync level and busy timeout asked for.
 * Answers whether the store owns it.
 */
export function openDatabase(options: ResolvedOptions): {
  db: Database.Database;
  owned: boolean;
} {
  const owned = options.database === undefined;
  const db =
    options.database ??
    new Database(options.filename, { timeout: options.busyTimeoutMs });
  try {
    if (!db.open) throw new Error('the database given is closed');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
    if (!db.memory) {
      db.pragma('journal_mode = WAL');
      db.pragma(`wal_autocheckpoint = ${options.walAutocheckpointPages}`);
    }
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('foreign_keys = ON');
  } catch (error) {
    if (owned) db.close();
    throw error;
  }
  return { db, owned };
}
