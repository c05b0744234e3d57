/**
 * Listing a queue for the console: its pages (one per query, merged),
 * the breach risks beside them, and the queue an agent lands on.
 */
import type { ConsoleApi } from './console-api.js';
import type { Agent, QueueName, Ticket } from './console-types.js';
import { byRisk, loadRisks } from './insight.js';
import { mergePages, type QueueFilters, queueQueries } from './queues.js';
import type { TicketConsole } from './ticket-console.js';

const listings = new WeakMap<TicketConsole, AbortController>();

/** Aborts the list `host` is loading, if any. */
export function abortListing(host: TicketConsole): void {
  listings.get(host)?.abort();
}

/** The queue's pages: one call per query, merged in their order. */
async function listPages(host: TicketConsole): Promise<Ticket[]> {
  const queries = queueQueries(
    host.queue,
    host.agent!,
    host.filters,
    Date.now(),
  );
  abortListing(host);
  const listing = new AbortController();
  listings.set(host, listing);
  const pages = await Promise.all(
    queries.map((q) => host.api.list(q, listing.signal)),
  );
  const first = queries[0];
  if (pages.length < 2 || !first) return pages[0]?.items ?? [];
  return mergePages(
    pages.map((p) => p.items),
    first.sort ?? '-updatedAt',
    Number(first.limit),
  );
}

/**
 * The queue's tickets and, when predictions are on, their breach risks
 * (kept in `host.risks`); the "at risk" queue keeps the tickets with a
 * risk, riskiest first.
 */
export async function listQueue(host: TicketConsole): Promise<Ticket[]> {
  const [tickets, risks] = await Promise.all([
    listPages(host),
    loadRisks(host.api),
  ]);
  host.risks = risks;
  return host.queue === 'risk' && risks ? byRisk(tickets, risks) : tickets;
}

/** Reloads the queue on screen after a change, keeping ticks and cursor. */
export async function refreshQueue(host: TicketConsole): Promise<void> {
  if (!host.agent || host.view !== 'queue') return;
  const page = await listQueue(host).catch(() => null);
  if (!page || host.view !== 'queue') return;
  host.tickets = page;
  host.cursor = Math.min(host.cursor, Math.max(0, host.shown.length - 1));
}

/** The queues an agent may land on, in the order they are tried. */
export const LANDING: readonly QueueName[] = ['mine', 'team', 'unassigned'];

/**
 * Where an agent lands after signing in when the page chose no queue:
 * the first of mine, my team's and unassigned that holds a ticket
 * (one ticket asked of each, in turn); mine when all are empty.
 */
export async function landingQueue(
  api: ConsoleApi,
  agent: Agent,
  filters: QueueFilters,
): Promise<QueueName> {
  for (const queue of LANDING) {
    const queries = queueQueries(queue, agent, filters, Date.now());
    for (const query of queries) {
      const page = await api.list({ ...query, limit: '1' });
      if (page.items.length) return queue;
    }
  }
  return 'mine';
}

/**
 * The queue to show after sign-in: the one the page named (the
 * `queue` attribute or property), else {@link landingQueue}'s choice.
 */
export async function landingFor(host: TicketConsole): Promise<QueueName> {
  if (host.hasAttribute('queue') || host.queue !== 'mine') return host.queue;
  const agent = host.agent;
  if (!agent) return 'mine';
  const found = await host.run(() =>
    landingQueue(host.api, agent, host.filters),
  );
  return found ?? 'mine';
}
