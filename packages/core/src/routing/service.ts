import type { DeskCore } from '../desk/desk-types.js';
import { retryOnConflict } from '../desk/retry.js';
import { ConflictError, TicketryError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';
import { trimExplanation } from '../schemas/routing.js';
import type { Ticket } from '../schemas/ticket.js';
import { createDispatch, type RouteOutcome } from './dispatch.js';
import { OFFER_KIND, type Offer, QUEUE_KIND, type Queued } from './offers.js';
import type { Router, WorkloadReader } from './types.js';

export type { RouteOutcome } from './dispatch.js';

/** Options of {@link createRoutingService}. */
export interface RoutingServiceOptions {
  router: Router;
  /** How long an assignment waits to be accepted. @default 15 minutes */
  acceptTimeoutMs?: number;
  /** Route tickets as they arrive or come back. @default true */
  auto?: boolean;
  /**
   * Which tickets automatic routing and `sweep` take up; the others
   * stay where they are until someone routes them by hand (`route`).
   * For instance imported history: `(t) => !t.externalId`.
   * @default every ticket
   */
  routes?: (ticket: Ticket) => boolean;
  /** Open work per agent. @default `feedWorkload` over the desk's store */
  workload?: WorkloadReader;
  /**
   * Called when automatic routing fails (after its retries; the ticket
   * is then queued with the reason so `sweep` tries again).
   * @default ignore
   */
  onError?: (error: unknown, ticketId: string) => void;
}

const QUEUE_STATUSES = new Set(['new', 'open']);
const TRIGGERS = new Set(['ticket.submitted', 'ticket.triaged']);

/**
 * Routes tickets with a router: new and triaged tickets as they come
 * (`auto`), any queued one on demand; assignments that nobody accepts
 * (by `start` or `accept`) within `acceptTimeoutMs` go back to the
 * queue on `sweep` and are routed again, never to the same agent.
 *
 * @example
 * const routing = createRoutingService(desk, { router: roundRobin() });
 * // in the demo's tick loop:
 * await routing.sweep();
 */
export function createRoutingService(
  desk: { core: DeskCore },
  options: RoutingServiceOptions,
) {
  const core = desk.core;
  const routes = options.routes ?? (() => true);
  let pending: Promise<unknown> = Promise.resolve();

  const { records, decide, assign, keepQueued, routeTicket } = createDispatch(
    core,
    { ...options, acceptTimeoutMs: options.acceptTimeoutMs ?? 15 * 60_000 },
  );

  /**
   * Routes a queued ticket (new or open, nobody assigned) now and
   * answers the decision; throws TRANSITION_NOT_ALLOWED otherwise.
   */
  async function route(ticketId: string, actor?: Actor): Promise<RouteOutcome> {
    const ticket = await core.load(ticketId);
    if (!QUEUE_STATUSES.has(ticket.status) || ticket.assigneeId) {
      throw new TicketryError(
        'TRANSITION_NOT_ALLOWED',
        `${ticket.ref} is ${ticket.status}, not waiting in the queue`,
        { details: { ticketId, status: ticket.status } },
      );
    }
    const queued = await records.get<Queued>(QUEUE_KIND, ticketId);
    return routeTicket(ticket, queued?.value.lapsed ?? [], actor);
  }

  /** The assignee takes the ticket: it no longer times out. */
  async function accept(ticketId: string, agentId: string) {
    const ticket = await core.load(ticketId);
    if (ticket.status !== 'assigned' || ticket.assigneeId !== agentId) {
      throw new TicketryError(
        'TRANSITION_NOT_ALLOWED',
        `${ticket.ref} is not waiting for ${agentId} to accept it`,
        { details: { ticketId, agentId } },
      );
    }
    const result = await core.record(
      ticket,
      EXTRA_EVENT_TYPES.routing_accepted,
      {},
      { agentId },
      core.clock.now().toISOString(),
      { role: 'agent', id: agentId },
    );
    await records.drop(OFFER_KIND, ticketId);
    return result;
  }

  /** Sends one lapsed assignment back to the queue and routes it again. */
  async function lapse(ticket: Ticket, offer: Offer): Promise<RouteOutcome> {
    const lapsed = [...new Set([...offer.lapsed, offer.agentId])];
    const decision = await decide(ticket, lapsed);
    let next: Ticket;
    if (decision.queued) {
      const back = await core.execute(
        ticket.id,
        { type: 'unassign', routing: trimExplanation(decision.explanation) },
        { actor: core.system, expectedVersion: ticket.version },
      );
      await records.drop(OFFER_KIND, ticket.id);
      next = await keepQueued(back.ticket, decision, lapsed, core.system);
    } else {
      next = await assign(ticket, decision, lapsed, core.system);
    }
    return {
      ticketId: ticket.id,
      decision,
      ticket: next,
      lapsedBy: offer.agentId,
    };
  }

  /**
   * Returns assignments not accepted by their deadline to the queue
   * (re-routed to someone else when possible) and retries queued
   * tickets. Safe to run from several processes: a ticket changed
   * meanwhile is skipped.
   */
  async function sweep(now: Date = core.clock.now()): Promise<RouteOutcome[]> {
    const out: RouteOutcome[] = [];
    for (const rec of await records.all<Offer>(OFFER_KIND)) {
      if (Date.parse(rec.value.deadline) > now.getTime()) continue;
      const ticket = await core.store.getTicket(core.siteId, rec.key);
      const waiting =
        ticket?.status === 'assigned' &&
        ticket.assigneeId === rec.value.agentId;
      if (!waiting) {
        await records.drop(OFFER_KIND, rec.key, rec.version);
        continue;
      }
      const done = await skipConflicts(() => lapse(ticket, rec.value));
      if (done) out.push(done);
    }
    for (const rec of await records.all<Queued>(QUEUE_KIND)) {
      const ticket = await core.store.getTicket(core.siteId, rec.key);
      if (!ticket || !QUEUE_STATUSES.has(ticket.status) || ticket.assigneeId) {
        await records.drop(QUEUE_KIND, rec.key, rec.version);
        continue;
      }
      const done = await skipConflicts(() =>
        routeTicket(ticket, rec.value.lapsed),
      );
      if (done && !done.decision.queued) out.push(done);
    }
    if (options.auto !== false) out.push(...(await sweepMissed()));
    return out;
  }

  /**
   * Routes new and open tickets that nobody holds and that routing
   * never saw (no queued or offer record): one missed while the service
   * was down, or whose routing kept losing races.
   */
  async function sweepMissed(): Promise<RouteOutcome[]> {
    const out: RouteOutcome[] = [];
    const known = new Set(
      [
        ...(await records.all<Queued>(QUEUE_KIND)),
        ...(await records.all<Offer>(OFFER_KIND)),
      ].map((r) => r.key),
    );
    let cursor: string | null = null;
    do {
      const page = await core.store.listTickets(core.siteId, {
        status: ['new', 'open'],
        sort: 'createdAt',
        limit: 200,
        cursor,
      });
      for (const t of page.items) {
        if (t.assigneeId || known.has(t.id) || !routes(t)) continue;
        const done = await routeLatest(t.id).catch(() => null);
        if (done && !done.decision.queued) out.push(done);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  /** Routes the ticket as stored now, retrying lost races; null if held. */
  function routeLatest(ticketId: string) {
    return retryOnConflict(core, ticketId, async (t) => {
      if (!QUEUE_STATUSES.has(t.status) || t.assigneeId) return null;
      const queued = await records.get<Queued>(QUEUE_KIND, t.id);
      return routeTicket(t, queued?.value.lapsed ?? []);
    });
  }

  /**
   * Automatic routing failed for good: the ticket is queued with the
   * reason (a `routing_queued` event and record, so `sweep` retries it)
   * and `onError` is told. Never silent.
   */
  async function failed(error: unknown, ticketId: string) {
    options.onError?.(error, ticketId);
    const reason = `routing failed: ${error instanceof Error ? error.message : String(error)}`;
    const at = core.clock.now().toISOString();
    await retryOnConflict(core, ticketId, async (t) => {
      if (!QUEUE_STATUSES.has(t.status) || t.assigneeId) return null;
      const explanation = {
        strategy: options.router.name,
        teamId: t.teamId,
        agentId: null,
        reason,
        considered: [],
      };
      const { ticket } = await core.record(
        t,
        EXTRA_EVENT_TYPES.routing_queued,
        {},
        { routing: trimExplanation(explanation), failed: true },
        at,
        core.system,
      );
      await records.put<Queued>(QUEUE_KIND, t.id, { reason, lapsed: [] }, at);
      return ticket;
    }).catch((again) => options.onError?.(again, ticketId));
  }

  const unsubscribe =
    options.auto === false
      ? () => {}
      : core.subscribe((event, ticket) => {
          if (!TRIGGERS.has(event.type)) return;
          if (!QUEUE_STATUSES.has(ticket.status) || ticket.assigneeId) return;
          if (!routes(ticket)) return;
          pending = pending.then(() =>
            routeLatest(ticket.id).catch((error) => failed(error, ticket.id)),
          );
        });

  return {
    router: options.router,
    route,
    accept,
    sweep,
    /** Resolves when automatic routing started so far has finished. */
    idle: () => pending.then(() => undefined),
    /** Stops automatic routing. */
    stop: () => {
      unsubscribe();
    },
  };
}

/** A routing service made by {@link createRoutingService}. */
export type RoutingService = ReturnType<typeof createRoutingService>;

/** Runs `fn`, answering null when another writer changed the ticket first. */
async function skipConflicts<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ConflictError) return null;
    throw error;
  }
}
