import type { ListQuery } from './console-api.js';
import type { Agent, QueueName, Ticket } from './console-types.js';

/** Statuses of tickets still being worked. */
export const ACTIVE = 'new,open,assigned,in_progress,pending';

/** How far ahead "breaching soon" looks. @default 4 hours */
export const BREACHING_WINDOW_MS = 4 * 3_600_000;

/** The queues in the order the console shows them, with their labels. */
export const QUEUES: readonly { name: QueueName; label: string }[] = [
  { name: 'mine', label: 'Mine' },
  { name: 'team', label: "My team's" },
  { name: 'unassigned', label: 'Unassigned' },
  { name: 'breaching', label: 'Breaching soon' },
  { name: 'all', label: 'All' },
];

/** Filters the agent chose on top of a queue. */
export interface QueueFilters {
  priority: string;
  status: string;
  /** Words every shown ticket's subject, reference or category holds. */
  text: string;
  sortByDue: boolean;
}

/**
 * The `GET /tickets` query of a queue for `agent` at `nowMs`. The API
 * has no "unassigned" filter: new and open tickets are the ones nobody
 * holds, since assigning moves a ticket to `assigned`.
 */
export function queueQuery(
  queue: QueueName,
  agent: Agent,
  filters: QueueFilters,
  nowMs: number,
): ListQuery {
  const query: ListQuery = {
    status: filters.status || ACTIVE,
    limit: '100',
    sort: filters.sortByDue ? 'dueAt' : '-updatedAt',
    ...(filters.priority && { priority: filters.priority }),
  };
  if (queue === 'mine') query.assigneeId = agent.id;
  if (queue === 'team') query.teamId = agent.teamIds[0];
  if (queue === 'unassigned') query.status = filters.status || 'new,open';
  if (queue === 'breaching') {
    query.dueBefore = new Date(nowMs + BREACHING_WINDOW_MS).toISOString();
    query.sort = 'dueAt';
  }
  if (queue === 'all' && !filters.status) delete query.status;
  return query;
}

/** The tickets of a page whose text holds every word of `text`. */
export function matchText(tickets: Ticket[], text: string): Ticket[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return tickets;
  return tickets.filter((t) => {
    const hay = `${t.ref} ${t.subject} ${t.category ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
