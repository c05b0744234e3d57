import type { Priority } from '../schemas/common.js';
import type { Agent } from '../schemas/people.js';
import type { RoutingExplanation } from '../schemas/routing.js';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketStore } from '../store/types.js';

export type { RoutingExplanation } from '../schemas/routing.js';

/** An agent's open work: how many tickets, and their weight by priority. */
export interface Workload {
  open: number;
  weighted: number;
}

/**
 * Reads the open work of agents, weighing each ticket by its priority
 * with `weights` (default `PRIORITY_WEIGHTS`).
 */
export type WorkloadReader = (
  agentIds: readonly string[],
  weights?: Readonly<Record<Priority, number>>,
) => Promise<Map<string, Workload>>;

/** An eligible agent with the work it holds. */
export interface Candidate {
  agent: Agent;
  load: Workload;
}

/** What a router reads besides the ticket. */
export interface RoutingContext {
  store: TicketStore;
  siteId: string;
  /** The instant of the decision. */
  now: Date;
  /** Agents never to choose (e.g. one who let the ticket lapse). */
  exclude?: readonly string[];
  /** The team chosen by an outer strategy (team rules). */
  teamId?: string;
  /** The agents still in the running, narrowed by outer strategies. */
  pool?: readonly Candidate[];
  /** Notes about agents outer strategies passed over. */
  passed?: RoutingExplanation['considered'];
  /** @default open tickets per agent from the store */
  workload?: WorkloadReader;
}

/** An assignment the router chose. */
export interface RoutedDecision {
  queued?: false;
  agentId: string;
  teamId: string;
  reason: string;
  explanation: RoutingExplanation;
}

/** Nobody eligible: the ticket stays in the queue, for this reason. */
export interface QueuedDecision {
  queued: true;
  reason: string;
  explanation: RoutingExplanation;
}

/** What a router answers. */
export type RoutingDecision = RoutedDecision | QueuedDecision;

/**
 * A routing strategy: picks an eligible agent for a ticket or leaves it
 * queued, and explains either way (who was considered, who was passed
 * over and why).
 */
export interface Router {
  /** Short name recorded in explanations: `round_robin`, `chain`… */
  readonly name: string;
  route(ticket: Ticket, ctx: RoutingContext): Promise<RoutingDecision>;
}
