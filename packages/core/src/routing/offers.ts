import { ConflictError } from '../errors.js';
import type { StoredRecord } from '../store/records.js';
import type { TicketStore } from '../store/types.js';

/** Record kind of assignments waiting to be accepted, keyed by ticket. */
export const OFFER_KIND = 'routing.offer';
/** Record kind of tickets routing left in the queue, keyed by ticket. */
export const QUEUE_KIND = 'routing.queue';

/** An assignment not yet accepted. */
export interface Offer {
  agentId: string;
  offeredAt: string;
  /** When it returns to the queue unless accepted. */
  deadline: string;
  /** Agents who let this ticket lapse before, never offered it again. */
  lapsed: string[];
}

/** A ticket waiting in the queue, and the reason recorded last. */
export interface Queued {
  reason: string;
  lapsed: string[];
}

/** Reads and writes routing records of one site, compare-and-set. */
export function routingRecords(store: TicketStore, siteId: string) {
  const get = async <T>(kind: string, key: string) =>
    (await store.getRecord(siteId, kind, key)) as StoredRecord<T> | null;

  async function put<T>(kind: string, key: string, value: T, at: string) {
    for (let i = 0; i < 5; i++) {
      const found = await store.getRecord(siteId, kind, key);
      try {
        return await store.putRecord({
          siteId,
          kind,
          key,
          value,
          expectedVersion: found?.version ?? 0,
          at,
        });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    throw new ConflictError(`${kind}/${key}`, 0, null);
  }

  async function drop(kind: string, key: string, version?: number) {
    const found = await store.getRecord(siteId, kind, key);
    if (!found || (version !== undefined && found.version !== version)) return;
    try {
      await store.deleteRecord(siteId, kind, key, found.version);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  /** Every record of a kind, page by page. */
  async function all<T>(kind: string): Promise<StoredRecord<T>[]> {
    const out: StoredRecord<T>[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await store.listRecords(siteId, kind, {
        limit: 500,
        ...(after !== undefined && { after }),
      });
      out.push(...(page as StoredRecord<T>[]));
      if (page.length < 500) return out;
      after = page[page.length - 1]!.key;
    }
  }

  return { get, put, drop, all };
}
