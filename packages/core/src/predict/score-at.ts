import { isOpenStatus } from '../metrics/ticket-facts.js';
import type { Anchor } from './anchor.js';
import { type Queues, type RiskFacts, riskFeatures } from './risk-facts.js';

/** A ticket's breach risk. */
export interface TicketRisk {
  ticketId: string;
  /**
   * Probability of missing its SLA, 0 … 1; exactly 1 once a target
   * (resolution or first response) has been breached.
   */
  risk: number;
  /** True when an SLA target was already breached: the risk is 1. */
  breached: boolean;
  /** Whether the ticket was open when scored (as of `asOf`). */
  open: boolean;
  priority: string | null;
  teamId: string | null;
  ageHours: number;
  /** The instant the ticket was scored as of (ISO 8601). */
  asOf: string;
}

/** Whether one of the ticket's SLA targets was missed already. */
export function breachedOf(risk: RiskFacts): boolean {
  const sla = risk.facts.sla;
  return sla?.resolution.met === false || sla?.firstResponse.met === false;
}

/** What scoring reads: the live state, the state at an instant, the model. */
export interface ScoringDeps {
  tickets: Map<string, RiskFacts>;
  queues: Queues;
  stateAt(at: number): { tickets: Map<string, RiskFacts>; queues: Queues };
  localOf(at: number): Date;
  now(): number;
  /** The trained model's scorer, or null before one is trained. */
  score(): ((features: ReturnType<typeof riskFeatures>) => number) | null;
}

/**
 * A ticket's risk as of the anchor: at an old history's end, what was
 * known of it then (its queue too); opened since, as of now. A ticket
 * with a breached target scores 1 whatever the model says.
 */
export function scoreAt(
  deps: ScoringDeps,
  ticketId: string,
  at: Anchor,
): TicketRisk | null {
  const live = deps.tickets.get(ticketId);
  const score = deps.score();
  if (!live || !score) return null;
  const now = deps.now();
  const then = at.basis === 'history' && live.facts.createdAt <= at.at;
  const state = then
    ? deps.stateAt(at.at)
    : { tickets: deps.tickets, queues: deps.queues };
  const t = state.tickets.get(ticketId) ?? live;
  const when = then ? at.at : now;
  const breached = breachedOf(t);
  return {
    ticketId,
    risk: breached
      ? 1
      : score(riskFeatures(t, state.queues, when, deps.localOf)),
    breached,
    open: isOpenStatus(t.facts.status),
    priority: t.facts.priority,
    teamId: t.facts.teamId,
    ageHours: Math.round((when - t.facts.createdAt) / 36_000) / 100,
    asOf: new Date(when).toISOString(),
  };
}
