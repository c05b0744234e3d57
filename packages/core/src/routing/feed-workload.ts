import { FINAL_STATUSES, type Status } from '../public/vocabulary.js';
import type { Priority } from '../schemas/common.js';
import type { AuditEvent } from '../schemas/event.js';
import type { TicketStore } from '../store/types.js';
import type { Workload, WorkloadReader } from './types.js';
import { OPEN_WORK, PRIORITY_WEIGHTS } from './workload.js';

/** What the reader keeps of a ticket that is not final yet. */
interface Held {
  version: number;
  status: Status;
  assigneeId: string | null;
  priority: Priority | null;
}

/** Open tickets per priority of one agent; `none` is untriaged. */
type Counts = Map<Priority | 'none', number>;

const FINAL = new Set<Status>(FINAL_STATUSES);
const WORK = new Set<Status>(OPEN_WORK);

/** Options of {@link feedWorkload}. */
export interface FeedWorkloadOptions {
  /** Feed events read per page. @default 1000 */
  pageSize?: number;
}

/**
 * Open work per agent kept from the store's change feed: the first
 * read folds the feed from its start, every later one only what was
 * written since, so a routing decision costs the same however much
 * work agents hold (the per-agent query of `storeWorkload` reads
 * every open ticket of every candidate, each time). Changes made by
 * other processes on the same store are in the feed too. Memory grows
 * with the site's tickets that are not closed, cancelled or merged;
 * an event on a ticket let go of (a reply reopening a closed ticket)
 * costs one `getTicket`.
 *
 * @example
 * const routing = createRoutingService(desk, {
 *   router: leastLoaded(),
 *   workload: feedWorkload(desk.store, desk.siteId),
 * });
 */
export function feedWorkload(
  store: TicketStore,
  siteId: string,
  options: FeedWorkloadOptions = {},
): WorkloadReader {
  const pageSize = options.pageSize ?? 1000;
  const tickets = new Map<string, Held>();
  const agents = new Map<string, Counts>();
  let cursor = 0;
  let reading: Promise<void> | null = null;

  function count(held: Held | undefined, delta: number) {
    if (!held?.assigneeId || !WORK.has(held.status)) return;
    const key = held.priority ?? 'none';
    const counts = agents.get(held.assigneeId) ?? new Map();
    agents.set(held.assigneeId, counts);
    counts.set(key, (counts.get(key) ?? 0) + delta);
  }

  function hold(id: string, before: Held | undefined, after: Held) {
    count(before, -1);
    count(after, 1);
    if (FINAL.has(after.status)) tickets.delete(id);
    else tickets.set(id, after);
  }

  /**
   * A ticket the reader let go of when it became final (or never saw)
   * can come back, a reply reopening a closed ticket: its event names
   * only what changed, so the reader takes the rest from the store.
   */
  async function recall(event: AuditEvent) {
    const t = await store.getTicket(siteId, event.ticketId);
    if (!t) return;
    const { version, status, assigneeId, priority } = t;
    hold(t.id, undefined, { version, status, assigneeId, priority });
  }

  async function fold(event: AuditEvent) {
    if (event.siteId !== siteId) return;
    const before = tickets.get(event.ticketId);
    if (before && event.version <= before.version) return;
    if (!before && event.version > 1) return recall(event);
    const c = event.changes;
    hold(event.ticketId, before, {
      version: event.version,
      status: 'status' in c ? (c.status as Status) : (before?.status ?? 'new'),
      assigneeId:
        'assigneeId' in c
          ? ((c.assigneeId as string | null) ?? null)
          : (before?.assigneeId ?? null),
      priority:
        'priority' in c
          ? ((c.priority as Priority | null) ?? null)
          : (before?.priority ?? null),
    });
  }

  async function catchUp() {
    for (;;) {
      const page = await store.readFeed(cursor, pageSize);
      for (const event of page.events) await fold(event);
      cursor = Math.max(cursor, page.cursor);
      if (page.events.length < pageSize) return;
    }
  }

  /** One catch-up at a time; callers arriving meanwhile read again after. */
  async function current() {
    while (reading) await reading;
    reading = catchUp().finally(() => {
      reading = null;
    });
    await reading;
  }

  return async (agentIds, weights = PRIORITY_WEIGHTS) => {
    await current();
    const loads = new Map<string, Workload>();
    for (const id of agentIds) {
      const load: Workload = { open: 0, weighted: 0 };
      for (const [priority, n] of agents.get(id) ?? []) {
        load.open += n;
        load.weighted += n * (priority === 'none' ? 1 : weights[priority]);
      }
      loads.set(id, load);
    }
    return loads;
  };
}
