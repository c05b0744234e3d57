import type { Clock } from '@ticketry/core';
import type { PgDriver } from './driver.js';
import { lockKeys } from './keys.js';

/** What every part of one store shares. */
export interface StoreContext {
  driver: PgDriver;
  /** The schema name as given, e.g. `ticketry`. */
  schema: string;
  /** The schema quoted for SQL, e.g. `"ticketry"`. */
  s: string;
  /** The advisory lock that orders the feed: seq is taken under it. */
  feedLock: [number, number];
  /** The NOTIFY channel of the schema. */
  channel: string;
  /** This store's id, sent with its notifications and saved on events. */
  origin: string;
  clock: Clock;
  idempotencyRetentionMs: number;
}

/** The shared parts of a store over `schema`. */
export function storeContext(
  driver: PgDriver,
  schema: string,
  clock: Clock,
  idempotencyRetentionMs: number,
): StoreContext {
  return {
    driver,
    schema,
    s: `"${schema}"`,
    feedLock: lockKeys(schema, 'feed'),
    channel: `${schema}_changes`,
    origin: crypto.randomUUID(),
    clock,
    idempotencyRetentionMs,
  };
}
