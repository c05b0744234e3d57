import type { RoutingExplanation } from '../schemas/routing.js';
import type { Ticket } from '../schemas/ticket.js';
import { eligiblePool, emptyReason, queued } from './eligibility.js';
import type {
  Candidate,
  Router,
  RoutingContext,
  RoutingDecision,
} from './types.js';

/** What a filter says of one candidate. */
export interface Verdict {
  excluded?: string;
  score?: number;
}

/** A filtering strategy's judgement over the whole pool. */
export interface Narrowing {
  /** The verdict per candidate, in pool order. */
  verdicts: Verdict[];
  /** Why the kept ones were kept, for the audit. */
  reason: string;
  /** Why nobody was kept, when that happens. */
  none: string;
}

/**
 * Runs a filter over the eligible pool and hands the agents it keeps
 * to `pick`, nesting `pick`'s explanation under the filter's.
 */
export async function narrowThen(
  strategy: string,
  ticket: Ticket,
  ctx: RoutingContext,
  pick: Router,
  judge: (pool: readonly Candidate[]) => Narrowing,
): Promise<RoutingDecision> {
  const pool = await eligiblePool(ticket, ctx);
  if (pool.candidates.length === 0) {
    return queued(strategy, pool.teamId, emptyReason(pool), pool.considered);
  }
  const { verdicts, reason, none } = judge(pool.candidates);
  const notes = new Map(
    pool.candidates.map((c, i) => [c.agent.id, verdicts[i] ?? {}]),
  );
  const considered: RoutingExplanation['considered'] = [
    ...pool.considered.filter((n) => n.excluded),
    ...pool.candidates.map((c) => ({
      agentId: c.agent.id,
      ...notes.get(c.agent.id),
    })),
  ];
  const kept = pool.candidates.filter((c) => !notes.get(c.agent.id)?.excluded);
  if (kept.length === 0) return queued(strategy, pool.teamId, none, considered);
  const inner = await pick.route(ticket, {
    ...ctx,
    ...(pool.teamId && { teamId: pool.teamId }),
    pool: kept,
  });
  const explanation: RoutingExplanation = {
    strategy,
    teamId: pool.teamId,
    agentId: inner.queued ? null : inner.agentId,
    reason,
    considered,
    steps: [inner.explanation],
  };
  return { ...inner, reason: `${reason}; ${inner.reason}`, explanation };
}
