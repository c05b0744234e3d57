import { LIMITS, type Ticket, validationError } from '@ticketry/core';
import { z } from 'zod';
import type { StoreContext } from './context.js';
import { type BodyRow, toTicket } from './rows.js';

const searchSchema = z.object({
  siteId: z.string().min(1),
  text: z.string().trim().min(1).max(LIMITS.subject),
  limit: z.number().int().min(1).max(200),
});

const claimSchema = z.object({
  siteId: z.string().min(1),
  now: z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid date'),
  limit: z.number().int().min(1).max(1000),
  leaseMs: z.number().int().min(1).max(86_400_000),
});

function parse<T>(schema: z.ZodType<T>, what: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(what, parsed.error.issues);
  return parsed.data;
}

/** Options of `store.claimDue`. */
export interface ClaimOptions {
  /**
   * How long a claimed ticket is hidden from other claimers; a commit
   * to the ticket ends the claim early.
   * @default 60000
   */
  leaseMs?: number;
}

/** Full-text search, due claims and idempotency purges. */
export function extraOps(ctx: StoreContext) {
  const { driver, s } = ctx;

  return {
    /**
     * Tickets whose subject or description match `text` (web-search
     * syntax: words, "quoted phrases", `or`, `-word`), best match first.
     */
    async search(siteId: string, text: string, limit: number) {
      const q = parse(searchSchema, 'search', { siteId, text, limit });
      const rows = await driver.query<BodyRow>(
        `SELECT body FROM ${s}.tickets,
           websearch_to_tsquery('simple', $2) AS query
         WHERE site_id = $1 AND search @@ query
         ORDER BY ts_rank(search, query) DESC, created_at DESC, id DESC
         LIMIT $3`,
        [q.siteId, q.text.replaceAll('\u0000', ' '), q.limit],
        true,
      );
      return rows.map(toTicket);
    },

    /**
     * Claims up to `limit` tickets due at `now` that no other claimer
     * holds: `FOR UPDATE SKIP LOCKED` lets claimers in many processes
     * run at once without waiting on each other or taking the same
     * ticket, and the lease keeps a claimed ticket from being claimed
     * again until it expires or the ticket is committed.
     */
    async claimDue(
      siteId: string,
      now: Date,
      limit: number,
      options: ClaimOptions = {},
    ): Promise<Ticket[]> {
      const q = parse(claimSchema, 'due claim', {
        siteId,
        now,
        limit,
        leaseMs: options.leaseMs ?? 60_000,
      });
      const at = q.now.toISOString();
      const until = new Date(q.now.getTime() + q.leaseMs).toISOString();
      const rows = await driver.query<BodyRow>(
        `WITH due AS (
           SELECT site_id, id FROM ${s}.tickets
           WHERE site_id = $1 AND due_at IS NOT NULL AND due_at <= $2
             AND (claimed_until IS NULL OR claimed_until <= $2)
           ORDER BY due_at, id
           LIMIT $3
           FOR UPDATE SKIP LOCKED
         )
         UPDATE ${s}.tickets t SET claimed_until = $4
         FROM due WHERE t.site_id = due.site_id AND t.id = due.id
         RETURNING t.body, t.due_at, t.id`,
        [q.siteId, at, q.limit, until],
        true,
      );
      return rows
        .map(toTicket)
        .sort((a, b) =>
          a.dueAt === b.dueAt
            ? a.id < b.id
              ? -1
              : 1
            : (a.dueAt ?? '') < (b.dueAt ?? '')
              ? -1
              : 1,
        );
    },

    /** Deletes idempotency keys past their retention; answers how many. */
    async purgeIdempotencyKeys(now: Date = ctx.clock.now()): Promise<number> {
      const rows = await driver.query(
        `DELETE FROM ${s}.idempotency WHERE expires_at <= $1 RETURNING 1`,
        [now.toISOString()],
      );
      return rows.length;
    },
  };
}
