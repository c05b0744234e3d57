import type { Priority } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import { eligiblePool, emptyReason, queued, routed } from './eligibility.js';
import type {
  Candidate,
  Router,
  RoutingContext,
  RoutingDecision,
  WorkloadReader,
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
 * smaller, then to one picked by a hash of ticket and agent ids, so
 * equally loaded agents share the work evenly.
 *
 * @example
 * const router = leastLoaded({ weights: { critical: 10, high: 5, moderate: 2, low: 1, planning: 1 } });
 */
export function leastLoaded(options: LeastLoadedOptions = {}): Router {
  const weights = options.weights ?? PRIORITY_WEIGHTS;
  return {
    name: 'least_loaded',
    async route(ticket: Ticket, ctx: RoutingContext): Promise<RoutingDecision> {
      const read = ctx.workload ?? storeWorkload(ctx.store, ctx.siteId);
      const workload: WorkloadReader = (ids) => read(ids, weights);
      const pool = await eligiblePool(ticket, { ...ctx, workload });
      if (pool.candidates.length === 0) {
        return queued(
          'least_loaded',
          pool.teamId,
          emptyReason(pool),
          pool.considered,
        );
      }
      const best = [...pool.candidates].sort(byLoad(ticket.ref))[0]!;
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

/** FNV-1a of a string: a stable, evenly spread tie-breaker. */
function spread(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** Least work first; ties spread by ticket, so equals share evenly. */
function byLoad(ticketRef: string) {
  return (a: Candidate, b: Candidate): number =>
    a.load.weighted - b.load.weighted ||
    a.load.open - b.load.open ||
    share(a) - share(b) ||
    spread(`${ticketRef}/${a.agent.id}`) - spread(`${ticketRef}/${b.agent.id}`);
}

const scores = (candidates: readonly Candidate[]) =>
  candidates.map((c) => ({ agentId: c.agent.id, score: c.load.weighted }));
