import { ConflictError } from '../errors.js';
import type { Ticket } from '../schemas/ticket.js';
import { eligiblePool, emptyReason, queued, routed } from './eligibility.js';
import type { Router, RoutingContext, RoutingDecision } from './types.js';

/** The record kind of round-robin cursors, one per team. */
export const CURSOR_KIND = 'routing.cursor';

/** What a cursor record holds: the agent chosen last. */
interface CursorValue {
  last: string;
}

/** Options of {@link roundRobin}. */
export interface RoundRobinOptions {
  /** Tries of the compare-and-set before giving up. @default 20 */
  attempts?: number;
}

/**
 * Each team's eligible agents in turn, by agent id. The turn is a
 * versioned record in the store, advanced by compare-and-set, so it
 * survives restarts and stays fair between processes sharing a store.
 *
 * @example
 * const router = roundRobin();
 */
export function roundRobin(options: RoundRobinOptions = {}): Router {
  const attempts = options.attempts ?? 20;
  return {
    name: 'round_robin',
    async route(ticket: Ticket, ctx: RoutingContext): Promise<RoutingDecision> {
      const pool = await eligiblePool(ticket, ctx);
      if (pool.candidates.length === 0) {
        return queued(
          'round_robin',
          pool.teamId,
          emptyReason(pool),
          pool.considered,
        );
      }
      const ids = pool.candidates.map((c) => c.agent.id).sort();
      const key = pool.teamId as string;
      for (let i = 0; i < attempts; i++) {
        const found = await ctx.store.getRecord(ctx.siteId, CURSOR_KIND, key);
        const last = (found?.value as CursorValue | undefined)?.last;
        const next =
          ids.find((id) => last === undefined || id > last) ?? ids[0]!;
        try {
          await ctx.store.putRecord({
            siteId: ctx.siteId,
            kind: CURSOR_KIND,
            key,
            value: { last: next } satisfies CursorValue,
            expectedVersion: found?.version ?? 0,
            at: ctx.now.toISOString(),
          });
        } catch (error) {
          if (error instanceof ConflictError) continue;
          throw error;
        }
        const after = last ? `the turn after ${last}` : 'the first turn';
        return routed(
          'round_robin',
          pool,
          next,
          `${next} has ${after} in team ${key}`,
        );
      }
      return queued(
        'round_robin',
        pool.teamId,
        `the turn of team ${key} kept changing under ${attempts} tries`,
        pool.considered,
      );
    },
  };
}
