import type { RoutingExplanation } from '../schemas/routing.js';
import type { Ticket } from '../schemas/ticket.js';
import { queued } from './eligibility.js';
import type { Router, RoutingContext, RoutingDecision } from './types.js';

/**
 * Tries routers in order and takes the first assignment; when all of
 * them leave the ticket queued, it stays queued with every reason.
 * The explanation keeps each router's own, in the order tried.
 *
 * @example
 * const router = chain([skillsMatch({ mode: 'all' }), availability(), leastLoaded()]);
 */
export function chain(routers: readonly Router[]): Router {
  if (routers.length === 0)
    throw new TypeError('chain() needs at least one router');
  return {
    name: 'chain',
    async route(ticket: Ticket, ctx: RoutingContext): Promise<RoutingDecision> {
      const steps: RoutingExplanation[] = [];
      for (const [i, router] of routers.entries()) {
        const decision = await router.route(ticket, ctx);
        steps.push(decision.explanation);
        if (!decision.queued) {
          const reason =
            i === 0
              ? decision.reason
              : `fallback ${i + 1} (${router.name}): ${decision.reason}`;
          return {
            ...decision,
            reason,
            explanation: {
              strategy: 'chain',
              teamId: decision.teamId,
              agentId: decision.agentId,
              reason,
              considered: [],
              steps,
            },
          };
        }
      }
      const reason = steps.map((s) => `${s.strategy}: ${s.reason}`).join('; ');
      const teamId = steps.find((s) => s.teamId)?.teamId ?? null;
      return queued('chain', teamId, reason, [], steps);
    },
  };
}
