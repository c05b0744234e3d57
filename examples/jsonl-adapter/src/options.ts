import {
  type StoreCapabilities,
  TicketryError,
  validationError,
} from '@ticketry/core';
import { z } from 'zod';

/** The name the store gives in every `StorageError`. */
export const BACKEND = 'jsonl';

/** When the store asks the operating system to flush the file to disk. */
export type FsyncMode = 'always' | 'close' | 'never';

/** Options of {@link jsonlStore}. */
export interface JsonlStoreOptions {
  /** The JSON Lines file. It is created when missing. */
  path: string;
  /**
   * `'always'`: every write is flushed (fdatasync) before it is
   * answered, so an answered write survives a power cut. `'close'`:
   * flushed on `close()` only; a crash of the machine may lose the
   * last writes, each one whole. `'never'`: the operating system
   * decides. A crash of the process alone loses nothing in any mode.
   *
   * @default 'always'
   */
  fsync?: FsyncMode;
}

const optionsSchema = z.object({
  path: z.string().min(1),
  fsync: z.enum(['always', 'close', 'never']).default('always'),
});

/** Checks the options and fills the defaults; VALIDATION_FAILED if bad. */
export function parseOptions(options: JsonlStoreOptions): {
  path: string;
  fsync: FsyncMode;
} {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw validationError('jsonl store options', parsed.error.issues);
  }
  return parsed.data;
}

/** What the JSON Lines store can do. */
export const JSONL_CAPABILITIES: StoreCapabilities = Object.freeze({
  transactions: true,
  changeNotifications: false,
  fullText: false,
  sharedAccess: false,
});

/** Why each capability that is off is off: the suite prints these. */
export const JSONL_CAPABILITY_REASONS: Readonly<
  Partial<Record<keyof StoreCapabilities, string>>
> = Object.freeze({
  changeNotifications:
    'one process owns the file, so no other process writes to it; poll readFeed(after, limit)',
  fullText:
    'the store contract has no text query yet, and this example adds no search method',
  sharedAccess:
    'the indexes live in the memory of the process that opened the file, so a lock file lets one process at a time open it',
});

/** Refuses a feed position or limit that is not a whole number ≥ 0. */
export function checkCount(name: 'after' | 'limit', value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      `${name} must be a whole number, 0 or more`,
      { details: { path: [name] } },
    );
  }
}
