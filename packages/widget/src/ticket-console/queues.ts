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
  { name: 'risk', label: 'At risk' },
];

/** "1 ticket", "12 tickets". */
export const ticketCount = (n: number) => `${n} ticket${n === 1 ? '' : 's'}`;

/** Filters the agent chose on top of a queue. */
export interface QueueFilters {
  priority: string;
  status: string;
  /** Words the server searches for (`q`: subject, description, ref). */
  text: string;
  sortByDue: boolean;
}

/**
 * The `GET /tickets` queries of a queue for `agent` at `nowMs`: one for
 * most queues, one per team of the agent for "my team's" (none when the
 * agent is in no team). "Unassigned" means no assignee, whatever the
 * status (`unassigned=true`).
 */
export function queueQueries(
  queue: QueueName,
  agent: Agent,
  filters: QueueFilters,
  nowMs: number,
): ListQuery[] {
  const query = queueQuery(queue, agent, filters, nowMs);
  if (queue !== 'team') return [query];
  return agent.teamIds.map((teamId) => ({ ...query, teamId }));
}

/** The query of a queue, `teamId` of "my team's" left to {@link queueQueries}. */
function queueQuery(
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
    ...(filters.text.trim() && { q: filters.text.trim().slice(0, 200) }),
  };
  if (queue === 'mine') query.assigneeId = agent.id;
  if (queue === 'unassigned') query.unassigned = 'true';
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

/**
 * The pages of several queries as one list: each ticket once, in the
 * queries' `sort` order (empty values last), at most `limit` of them.
 */
export function mergePages(
  pages: readonly Ticket[][],
  sort: string,
  limit: number,
): Ticket[] {
  const byId = new Map<string, Ticket>();
  for (const items of pages) for (const t of items) byId.set(t.id, t);
  const down = sort.startsWith('-');
  const field = (down ? sort.slice(1) : sort) as keyof Ticket;
  const key = (t: Ticket) => (t[field] as string | null | undefined) ?? null;
  const order = (a: Ticket, b: Ticket) => {
    const [x, y] = [key(a), key(b)];
    if (x === y) return a.id < b.id ? -1 : 1;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (down ? -1 : 1);
  };
  return [...byId.values()].sort(order).slice(0, limit);
}
