import type { Priority } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import { eligiblePool, emptyReason, queued, routed } from './eligibility.js';
import type {
  Candidate,
  Router,
  RoutingContext,
  RoutingDecision,
} from './types.js';
import { PRIORITY_WEIGHTS, storeWorkload } from './workload.js';

/** Options of {@link leastLoaded}. */
export interface LeastLoadedOptions {
  /** Weight of an open ticket by priority. @default PRIORITY_WEIGHTS */
  weights?: Readonly<Record<Priority, number>>;
}

/**
 * The eligible agent with the least open work, weighted by priority
 * (a critical ticket weighs 8, a low one 1); a tie goes to the agent
 * with fewer tickets, then to the agent whose share of its capacity is
 * smaller, then by id.
 *
 * @example
 * const router = leastLoaded({ weights: { critical: 10, high: 5, moderate: 2, low: 1, planning: 1 } });
 */
export function leastLoaded(options: LeastLoadedOptions = {}): Router {
  const weights = options.weights ?? PRIORITY_WEIGHTS;
  return {
    name: 'least_loaded',
    async route(ticket: Ticket, ctx: RoutingContext): Promise<RoutingDecision> {
      const workload =
        ctx.workload ?? storeWorkload(ctx.store, ctx.siteId, weights);
      const pool = await eligiblePool(ticket, { ...ctx, workload });
      if (pool.candidates.length === 0) {
        return queued(
          'least_loaded',
          pool.teamId,
          emptyReason(pool),
          pool.considered,
        );
      }
      const best = [...pool.candidates].sort(byLoad)[0]!;
      const { open, weighted } = best.load;
      return routed(
        'least_loaded',
        pool,
        best.agent.id,
        `${best.agent.id} carries the least open work (${open} tickets, weight ${weighted})`,
        pool.considered.length ? pool.considered : scores(pool.candidates),
      );
    },
  };
}

const share = (c: Candidate) =>
  c.agent.routing?.capacity ? c.load.open / c.agent.routing.capacity : 0;

function byLoad(a: Candidate, b: Candidate): number {
  return (
    a.load.weighted - b.load.weighted ||
    a.load.open - b.load.open ||
    share(a) - share(b) ||
    (a.agent.id < b.agent.id ? -1 : 1)
  );
}

const scores = (candidates: readonly Candidate[]) =>
  candidates.map((c) => ({ agentId: c.agent.id, score: c.load.weighted }));
