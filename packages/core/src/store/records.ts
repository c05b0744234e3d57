import { z } from 'zod';
import { ConflictError, TicketryError, validationError } from '../errors.js';
import { withoutControlCharacters } from '../public/text.js';
import { siteIdSchema } from '../schemas/common.js';
import { copy } from './copy.js';

/**
 * A versioned JSON document kept beside tickets: a routing cursor, a
 * trained model, automation rules, an organization, an article. Every
 * write names the version it read, so two processes never both win.
 */
export interface StoredRecord<T = unknown> {
  siteId: string;
  /** What the record is, e.g. `routing.cursor`, `org`; `[a-z0-9._-]`. */
  kind: string;
  /** Its name within the kind; keys sort as plain strings. */
  key: string;
  /** 1 on the first write, one more on each later one. */
  version: number;
  value: T;
  updatedAt: string;
}

/** A write of one record; `expectedVersion` 0 means "must not exist". */
export interface RecordWrite<T = unknown> {
  siteId: string;
  kind: string;
  key: string;
  value: T;
  expectedVersion: number;
  /** The instant of the write, from the caller's clock. */
  at: string;
}

/** Which records of a kind to list, in key order. */
export interface RecordQuery {
  /** Only keys that start with this. */
  prefix?: string;
  /** Only keys after this one (for paging). */
  after?: string;
  /** @default 100, at most 1,000 */
  limit?: number;
}

/** The record methods every store has; see {@link StoredRecord}. */
export interface RecordMethods {
  getRecord(
    siteId: string,
    kind: string,
    key: string,
  ): Promise<StoredRecord | null>;
  /** Writes against the version read or throws ConflictError. */
  putRecord(write: RecordWrite): Promise<StoredRecord>;
  listRecords(
    siteId: string,
    kind: string,
    query?: RecordQuery,
  ): Promise<StoredRecord[]>;
  /** Deletes against the version read or throws ConflictError. */
  deleteRecord(
    siteId: string,
    kind: string,
    key: string,
    expectedVersion: number,
  ): Promise<void>;
}

const kindSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'use lower-case letters, digits, dot, dash, _');
const keySchema = z
  .string()
  .min(1)
  .max(200)
  .refine(withoutControlCharacters, 'must not contain control characters');

/** What a record write must be; stores check it before writing. */
export const recordWriteSchema = z.object({
  siteId: siteIdSchema,
  kind: kindSchema,
  key: keySchema,
  value: z.json(),
  expectedVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  at: z.iso.datetime({ offset: true }),
});

const recordQuerySchema = z.object({
  prefix: z.string().max(200).optional(),
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});

/** Parses a record write or throws VALIDATION_FAILED. */
export function checkRecordWrite(write: RecordWrite): RecordWrite {
  const parsed = recordWriteSchema.safeParse(write);
  if (!parsed.success) throw validationError('record', parsed.error.issues);
  return parsed.data as RecordWrite;
}

/** A record's address; built once, since zod compiles it on first use. */
const addressSchema = z.object({
  siteId: siteIdSchema,
  kind: kindSchema,
  key: keySchema,
});

/** Parses a record address (site, kind, key) or throws. */
export function checkRecordAddress(siteId: string, kind: string, key = 'k') {
  const parsed = addressSchema.safeParse({ siteId, kind, key });
  if (!parsed.success) throw validationError('record', parsed.error.issues);
}

/** Parses a record list query, with its default limit. */
export function checkRecordQuery(query: RecordQuery = {}) {
  const parsed = recordQuerySchema.safeParse(query);
  if (!parsed.success) {
    throw validationError('record query', parsed.error.issues);
  }
  return parsed.data;
}

/** The conflict a record write meets; names the record. */
export function recordConflict(
  write: { kind: string; key: string; expectedVersion: number },
  actual: number | null,
): ConflictError {
  return new ConflictError(
    `${write.kind}/${write.key}`,
    write.expectedVersion,
    actual,
    'record',
  );
}

/** Whether a stored key passes a query's prefix and `after`. */
export function keyMatches(key: string, query: RecordQuery): boolean {
  if (query.prefix && !key.startsWith(query.prefix)) return false;
  return query.after === undefined || key > query.after;
}

/**
 * Record methods over a map, for the memory store and for adapters
 * that keep records in process.
 */
export function createMapRecords(
  map: Map<string, StoredRecord>,
  open: () => void,
): RecordMethods {
  const at = (siteId: string, kind: string, key: string) =>
    `${siteId}\u0000${kind}\u0000${key}`;
  return {
    async getRecord(siteId, kind, key) {
      open();
      checkRecordAddress(siteId, kind, key);
      const found = map.get(at(siteId, kind, key));
      return found ? copy(found) : null;
    },
    async putRecord(write) {
      open();
      const w = checkRecordWrite(write);
      const address = at(w.siteId, w.kind, w.key);
      const current = map.get(address)?.version ?? 0;
      if (current !== w.expectedVersion) {
        throw recordConflict(w, current || null);
      }
      const stored: StoredRecord = {
        siteId: w.siteId,
        kind: w.kind,
        key: w.key,
        version: current + 1,
        value: copy(w.value),
        updatedAt: w.at,
      };
      map.set(address, stored);
      return copy(stored);
    },
    async listRecords(siteId, kind, query) {
      open();
      checkRecordAddress(siteId, kind);
      const q = checkRecordQuery(query);
      const prefix = at(siteId, kind, '');
      return [...map.entries()]
        .filter(([k, r]) => k.startsWith(prefix) && keyMatches(r.key, q))
        .map(([, r]) => r)
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .slice(0, q.limit)
        .map((r) => copy(r));
    },
    async deleteRecord(siteId, kind, key, expectedVersion) {
      open();
      checkRecordAddress(siteId, kind, key);
      const address = at(siteId, kind, key);
      const current = map.get(address)?.version ?? 0;
      if (current !== expectedVersion || current === 0) {
        throw recordConflict({ kind, key, expectedVersion }, current || null);
      }
      map.delete(address);
    },
  };
}

/** Thrown by callers that need a record that is not there. */
export function missingRecord(kind: string, key: string): TicketryError {
  return new TicketryError('NOT_FOUND', `no ${kind} ${key}`, {
    details: { kind, key },
  });
}
