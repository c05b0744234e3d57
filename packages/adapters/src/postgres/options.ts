import { type Clock, systemClock, validationError } from '@ticketry/core';
import { z } from 'zod';
import type { PgliteLike, PgPoolLike } from './driver.js';

const DAY = 86_400_000;

interface CommonOptions {
  /**
   * The PostgreSQL schema that holds the tables; created and migrated
   * on open. Lower-case letters, digits and `_`, at most 40 characters.
   * @default 'ticketry'
   */
  schema?: string;
  /**
   * How long an idempotency key is kept. A retry within this period
   * gets the first ticket back; expired keys are purged.
   * @default 604800000 (7 days)
   */
  idempotencyRetentionMs?: number;
  /**
   * Where idempotency expiry and due-claim leases read the time.
   * @default the system clock
   */
  clock?: Clock;
  /**
   * Called with background failures: a lost LISTEN connection (it is
   * renewed) or a failed purge of expired keys (it is retried later).
   * @default ignore them
   */
  onError?: (error: Error) => void;
}

/** Options of {@link postgresStore}: a pg pool or a PGlite instance. */
export type PostgresStoreOptions = CommonOptions &
  (
    | {
        /**
         * A node-postgres `Pool`. It stays yours: `close()` does not end
         * it. Subscribing holds one of its connections for LISTEN.
         */
        pool: PgPoolLike;
        pglite?: never;
      }
    | {
        /** A PGlite instance; it stays yours as well. */
        pglite: PgliteLike;
        pool?: never;
      }
  );

const isPool = (value: unknown): value is PgPoolLike => {
  const pool = value as Partial<PgPoolLike> | null;
  return (
    typeof pool?.query === 'function' && typeof pool.connect === 'function'
  );
};

const isPglite = (value: unknown): value is PgliteLike => {
  const db = value as Partial<PgliteLike> | null;
  return (
    typeof db?.query === 'function' &&
    typeof db.transaction === 'function' &&
    typeof db.listen === 'function'
  );
};

const optionsSchema = z
  .object({
    pool: z
      .custom<PgPoolLike>(isPool, {
        message: 'pool must be a pg Pool (query and connect)',
      })
      .optional(),
    pglite: z
      .custom<PgliteLike>(isPglite, {
        message: 'pglite must be a PGlite instance',
      })
      .optional(),
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,39}$/, {
        message: 'schema must be lower-case letters, digits and _ (≤ 40)',
      })
      .default('ticketry'),
    idempotencyRetentionMs: z
      .number()
      .int()
      .min(1)
      .max(3650 * DAY)
      .default(7 * DAY),
    clock: z
      .custom<Clock>((c) => typeof (c as Clock)?.now === 'function', {
        message: 'clock must have now()',
      })
      .default(systemClock),
    onError: z
      .custom<(error: Error) => void>((f) => typeof f === 'function', {
        message: 'onError must be a function',
      })
      .optional(),
  })
  .refine((o) => (o.pool === undefined) !== (o.pglite === undefined), {
    message: 'give exactly one of pool or pglite',
    path: ['pool'],
  });

/** Validated options with their defaults filled in. */
export type ResolvedPostgresOptions = z.output<typeof optionsSchema>;

/** Checks the options; a ValidationError names the wrong option. */
export function resolvePostgresOptions(
  options: unknown,
): ResolvedPostgresOptions {
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw validationError('postgres store options', parsed.error.issues);
  }
  return parsed.data;
}
