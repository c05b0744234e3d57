import type { Agent } from '../schemas/people.js';
import type { RoutingExplanation } from '../schemas/routing.js';
import type { Ticket } from '../schemas/ticket.js';
import type {
  Candidate,
  QueuedDecision,
  RoutedDecision,
  RoutingContext,
} from './types.js';
import { storeWorkload } from './workload.js';

type Considered = RoutingExplanation['considered'];

/** The agents a strategy may choose from, after the rules every one keeps. */
export interface Pool {
  teamId: string | null;
  candidates: Candidate[];
  considered: Considered;
}

/** Why an agent may not take work now, before its load is known. */
export function absence(agent: Agent, now: Date): string | null {
  if (!agent.active) return 'inactive';
  const r = agent.routing;
  if (r?.status === 'offline') return 'offline';
  const away = r?.outOfOffice;
  if (away) {
    const from = away.from ? Date.parse(away.from) : Number.NEGATIVE_INFINITY;
    const t = now.getTime();
    if (t >= from && t < Date.parse(away.until)) {
      return `out of office until ${away.until}`;
    }
  }
  return null;
}

/** Whether an agent already holds as many open tickets as it may. */
export function overCapacity(c: Candidate): string | null {
  const capacity = c.agent.routing?.capacity;
  if (capacity === undefined || c.load.open < capacity) return null;
  return `at capacity (${c.load.open} of ${capacity} open)`;
}

/**
 * The eligible agents of the ticket's team: active, in the team, not
 * offline or out of office, not excluded, under capacity. An outer
 * strategy's pool is taken as it stands.
 */
export async function eligiblePool(
  ticket: Ticket,
  ctx: RoutingContext,
): Promise<Pool> {
  const teamId = ctx.teamId ?? ticket.teamId;
  if (ctx.pool) {
    return { teamId, candidates: [...ctx.pool], considered: [] };
  }
  if (!teamId) return { teamId, candidates: [], considered: [] };
  const members = (await ctx.store.listAgents(ctx.siteId))
    .filter((a) => a.teamIds.includes(teamId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const considered: Considered = [];
  const present: Agent[] = [];
  for (const agent of members) {
    const why = ctx.exclude?.includes(agent.id)
      ? 'excluded: let this ticket lapse'
      : absence(agent, ctx.now);
    if (why) considered.push({ agentId: agent.id, excluded: why });
    else present.push(agent);
  }
  const read = ctx.workload ?? storeWorkload(ctx.store, ctx.siteId);
  const loads = await read(present.map((a) => a.id));
  const candidates: Candidate[] = [];
  for (const agent of present) {
    const c = { agent, load: loads.get(agent.id) ?? { open: 0, weighted: 0 } };
    const full = overCapacity(c);
    considered.push({
      agentId: agent.id,
      score: c.load.weighted,
      ...(full && { excluded: full }),
    });
    if (!full) candidates.push(c);
  }
  considered.sort((a, b) => (a.agentId < b.agentId ? -1 : 1));
  return { teamId, candidates, considered };
}

/** Why a pool is empty, in words for the audit. */
export function emptyReason(pool: Pool): string {
  if (!pool.teamId) {
    return 'the ticket has no team; triage it or add a team rule';
  }
  if (pool.considered.length === 0) {
    return `team ${pool.teamId} has no eligible agents`;
  }
  return `nobody in team ${pool.teamId} is eligible`;
}

/** Builds an assignment decision with its explanation. */
export function routed(
  strategy: string,
  pool: Pool,
  agentId: string,
  reason: string,
  considered: Considered = pool.considered,
): RoutedDecision {
  const teamId = pool.teamId as string;
  return {
    agentId,
    teamId,
    reason,
    explanation: { strategy, teamId, agentId, reason, considered },
  };
}

/** Builds a queued decision with its explanation. */
export function queued(
  strategy: string,
  teamId: string | null,
  reason: string,
  considered: Considered,
  steps?: RoutingExplanation[],
): QueuedDecision {
  return {
    queued: true,
    reason,
    explanation: {
      strategy,
      teamId,
      agentId: null,
      reason,
      considered,
      ...(steps && { steps }),
    },
  };
}
