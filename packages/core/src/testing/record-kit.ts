import type { StoredRecord } from '../store/records.js';
import type { TicketStore } from '../store/types.js';
import { check } from './assert.js';

/** The kind most record checks write. */
export const KIND = 'check.kind';
/** The instant of a first write. */
export const AT = '2024-01-01T09:00:00.000Z';
/** The instant of later writes, so `updatedAt` is seen to move. */
export const LATER = '2024-01-01T09:05:00.000Z';

/** Where a record lives when not in `site-a` under {@link KIND}. */
export interface Where {
  siteId?: string;
  kind?: string;
  at?: string;
}

/** Writes one record at `expectedVersion`. */
export function put(
  store: TicketStore,
  key: string,
  value: unknown,
  expectedVersion: number,
  where: Where = {},
): Promise<StoredRecord> {
  return store.putRecord({
    siteId: where.siteId ?? 'site-a',
    kind: where.kind ?? KIND,
    key,
    value,
    expectedVersion,
    at: where.at ?? AT,
  });
}

/** The record `put` would write at `version`, as stores answer it. */
export function expectedRecord(
  key: string,
  value: unknown,
  version: number,
  where: Where = {},
): StoredRecord {
  return {
    siteId: where.siteId ?? 'site-a',
    kind: where.kind ?? KIND,
    key,
    version,
    value,
    updatedAt: where.at ?? AT,
  };
}

/** Fails unless `version` is a whole number of type number. */
export function checkVersion(record: StoredRecord | null, where: string) {
  const version = record?.version;
  check(
    typeof version === 'number' && Number.isSafeInteger(version),
    `${where}: version must be a whole number, is ${typeof version} ${String(version)}`,
  );
}

/** The keys of a list, in the order answered. */
export const keysOf = (records: StoredRecord[]) => records.map((r) => r.key);

/** How many of `results` resolved; every rejection must be a conflict. */
export function winners(
  results: PromiseSettledResult<unknown>[],
  what: string,
  isConflict: (error: unknown, what: string) => void,
): number {
  for (const r of results) {
    if (r.status === 'rejected') isConflict(r.reason, `${what}: a loser`);
  }
  return results.filter((r) => r.status === 'fulfilled').length;
}
