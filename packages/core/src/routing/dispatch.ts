import type { DeskCore } from '../desk/desk-types.js';
import type { Actor } from '../schemas/common.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';
import { trimExplanation } from '../schemas/routing.js';
import type { Ticket } from '../schemas/ticket.js';
import { feedWorkload } from './feed-workload.js';
import {
  OFFER_KIND,
  type Offer,
  QUEUE_KIND,
  type Queued,
  routingRecords,
} from './offers.js';
import type { Router, RoutingDecision, WorkloadReader } from './types.js';

/** What routing did to one ticket. */
export interface RouteOutcome {
  ticketId: string;
  decision: RoutingDecision;
  /** The ticket after the assignment or the queued event. */
  ticket: Ticket;
  /** Set by `sweep`: the agent who let the assignment lapse. */
  lapsedBy?: string;
}

/** What {@link createDispatch} needs besides the desk. */
export interface DispatchOptions {
  router: Router;
  acceptTimeoutMs: number;
  workload?: WorkloadReader;
}

/**
 * Carries out routing decisions on a desk: asks the router, assigns
 * with the explanation and an acceptance deadline, or records why the
 * ticket stays queued.
 */
export function createDispatch(core: DeskCore, options: DispatchOptions) {
  const records = routingRecords(core.store, core.siteId);
  const timeout = options.acceptTimeoutMs;
  const workload = options.workload ?? feedWorkload(core.store, core.siteId);

  async function decide(ticket: Ticket, exclude: string[]) {
    return options.router.route(ticket, {
      store: core.store,
      siteId: core.siteId,
      now: core.clock.now(),
      exclude,
      workload,
    });
  }

  async function assign(
    ticket: Ticket,
    decision: RoutingDecision & { queued?: false },
    lapsed: string[],
    actor: Actor,
  ) {
    const now = core.clock.now();
    const result = await core.execute(
      ticket.id,
      {
        type: 'assign',
        assigneeId: decision.agentId,
        teamId: decision.teamId,
        routing: trimExplanation(decision.explanation),
      },
      { actor, expectedVersion: ticket.version },
    );
    const offer: Offer = {
      agentId: decision.agentId,
      offeredAt: now.toISOString(),
      deadline: new Date(now.getTime() + timeout).toISOString(),
      lapsed,
    };
    await records.put(OFFER_KIND, ticket.id, offer, offer.offeredAt);
    await records.drop(QUEUE_KIND, ticket.id);
    return result.ticket;
  }

  /** Records the queued reason unless it was the last one recorded. */
  async function keepQueued(
    ticket: Ticket,
    decision: RoutingDecision,
    lapsed: string[],
    actor: Actor,
  ) {
    const at = core.clock.now().toISOString();
    const last = await records.get<Queued>(QUEUE_KIND, ticket.id);
    if (last?.value.reason === decision.reason) return ticket;
    const { ticket: next } = await core.record(
      ticket,
      EXTRA_EVENT_TYPES.routing_queued,
      {},
      { routing: trimExplanation(decision.explanation) },
      at,
      actor,
    );
    await records.put<Queued>(
      QUEUE_KIND,
      ticket.id,
      { reason: decision.reason, lapsed },
      at,
    );
    return next;
  }

  async function routeTicket(
    ticket: Ticket,
    lapsed: string[],
    actor: Actor = core.system,
  ): Promise<RouteOutcome> {
    const decision = await decide(ticket, lapsed);
    const next = decision.queued
      ? await keepQueued(ticket, decision, lapsed, actor)
      : await assign(ticket, decision, lapsed, actor);
    return { ticketId: ticket.id, decision, ticket: next };
  }

  return { records, decide, assign, keepQueued, routeTicket };
}
