import type { Status } from '../public/vocabulary.js';
import type { Priority } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketStore } from '../store/types.js';
import type { Workload, WorkloadReader } from './types.js';

/** Statuses in which a ticket is an agent's open work. */
export const OPEN_WORK: readonly Status[] = [
  'assigned',
  'in_progress',
  'pending',
];

/** How much an open ticket of each priority weighs; untriaged weighs 1. */
export const PRIORITY_WEIGHTS: Readonly<Record<Priority, number>> = {
  critical: 8,
  high: 4,
  moderate: 2,
  low: 1,
  planning: 1,
};

/** The weight of one ticket under `weights`. */
export function weightOf(
  t: Pick<Ticket, 'priority'>,
  weights: Readonly<Record<Priority, number>> = PRIORITY_WEIGHTS,
): number {
  return t.priority ? weights[t.priority] : 1;
}

/**
 * Reads open work from the store, one paged query per agent: tickets
 * assigned to it that are assigned, in progress or pending. Each read
 * costs as much as the agents hold; the routing service uses
 * `feedWorkload` instead, which keeps the counts from the feed.
 */
export function storeWorkload(
  store: TicketStore,
  siteId: string,
  weights: Readonly<Record<Priority, number>> = PRIORITY_WEIGHTS,
): WorkloadReader {
  return async (agentIds, given = weights) => {
    const loads = new Map<string, Workload>();
    for (const assigneeId of agentIds) {
      const load: Workload = { open: 0, weighted: 0 };
      let cursor: string | null = null;
      do {
        const page = await store.listTickets(siteId, {
          assigneeId,
          status: [...OPEN_WORK],
          limit: 200,
          cursor,
        });
        for (const t of page.items) {
          load.open += 1;
          load.weighted += weightOf(t, given);
        }
        cursor = page.nextCursor;
      } while (cursor);
      loads.set(assigneeId, load);
    }
    return loads;
  };
}
