/**
 * Deflections: a requester who read a suggestion and said "this solved
 * it" opened no ticket. Each is kept as a record, and a counter record
 * (compare-and-set, retried on conflict) answers the metrics cheaply.
 */
import { z } from 'zod';
import { sha256Hex } from '../audit/sha256.js';
import type { DeskCore } from '../desk/desk-types.js';
import { ConflictError, TicketryError, validationError } from '../errors.js';
import { createId } from '../ids.js';

export const DEFLECTION_KIND = 'kb.deflection';
const STATS_KIND = 'kb.stats';
const COUNTER_KEY = 'deflections';

/** What a deflection says: what was offered and which one helped. */
export const deflectionSchema = z.object({
  /** Suggestion ids offered (`article:…`, `resolution:…`). */
  offered: z.array(z.string().max(200)).max(20).default([]),
  /** The suggestion that solved it, if the requester said which. */
  solvedBy: z.string().max(200).nullable().default(null),
  /** The locale the requester wrote in. */
  locale: z.string().max(35).nullable().default(null),
});

export type DeflectionInput = z.input<typeof deflectionSchema>;
export type Deflection = z.infer<typeof deflectionSchema> & { at: string };

/** What a deflection said, to compare a repeat of its key with. */
const said = (d: unknown) => {
  const { offered, solvedBy, locale } = (d ?? {}) as Record<string, unknown>;
  return JSON.stringify([offered, solvedBy, locale ?? null]);
};

/** Records deflections and counts them. */
export function createDeflections(core: DeskCore) {
  const { store, siteId } = core;

  async function bump(at: string): Promise<number> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const r = await store.getRecord(siteId, STATS_KIND, COUNTER_KEY);
      const count = ((r?.value as { count?: number })?.count ?? 0) + 1;
      try {
        await store.putRecord({
          siteId,
          kind: STATS_KIND,
          key: COUNTER_KEY,
          value: { count },
          expectedVersion: r?.version ?? 0,
          at,
        });
        return count;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    throw new ConflictError(`${STATS_KIND}/${COUNTER_KEY}`, 0, null);
  }

  /**
   * A repeat of `key`: the total again when it says what the first use
   * said, IDEMPOTENCY_KEY_REUSED when it says something else.
   */
  async function repeat(id: string, d: Omit<Deflection, 'at'>) {
    const first = await store.getRecord(siteId, DEFLECTION_KIND, id);
    if (first && said(first.value) !== said(d)) {
      throw new TicketryError(
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was used with a different request body',
      );
    }
    return count();
  }

  /**
   * Stores one deflection; answers the new total. With an idempotency
   * `key`, a repeat of that key is not counted again, and a repeat that
   * says something else is refused (IDEMPOTENCY_KEY_REUSED).
   */
  async function record(input: DeflectionInput, key?: string) {
    const parsed = deflectionSchema.safeParse(input);
    if (!parsed.success) {
      throw validationError('deflection', parsed.error.issues);
    }
    const at = core.clock.now().toISOString();
    const id = key ? `key_${await sha256Hex(key)}` : `${at}_${createId()}`;
    try {
      await store.putRecord({
        siteId,
        kind: DEFLECTION_KIND,
        key: id,
        value: { ...parsed.data, at },
        expectedVersion: 0,
        at,
      });
    } catch (e) {
      if (key && e instanceof ConflictError) return repeat(id, parsed.data);
      throw e;
    }
    return bump(at);
  }

  /** How many deflections were recorded. */
  async function count(): Promise<number> {
    const r = await store.getRecord(siteId, STATS_KIND, COUNTER_KEY);
    return (r?.value as { count?: number } | undefined)?.count ?? 0;
  }

  return { record, count };
}
