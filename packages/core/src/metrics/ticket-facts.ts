import type { AuditEvent } from '../schemas/event.js';

/** Statuses in which a ticket counts as open (in the backlog). */
const DONE = new Set(['resolved', 'closed', 'cancelled', 'merged']);

/** Whether a ticket in `status` is still waiting for work. */
export const isOpenStatus = (status: string) => !DONE.has(status);

/** One resolve: when, by whom (the assignee then, else the actor), in which team. */
export interface ResolveFact {
  at: number;
  agentId: string | null;
  teamId: string | null;
}

/** The outcome of one SLA target: met, missed, or still running (null). */
export interface SlaOutcome {
  met: boolean | null;
  /** When the outcome was decided: the stop or the breach. */
  at: number | null;
}

/** What the metrics keep of one ticket, folded from its events. */
export interface TicketFacts {
  id: string;
  siteId: string;
  /** The version of the last event folded; older ones are ignored. */
  version: number;
  createdAt: number;
  status: string;
  channel: string | null;
  teamId: string | null;
  category: string | null;
  priority: string | null;
  assigneeId: string | null;
  /** The last assignee the ticket had, kept while it is unassigned. */
  lastAssigneeId: string | null;
  firstResponseAt: number | null;
  resolves: ResolveFact[];
  /** When the ticket was reopened (a resolve or close undone). */
  reopens: number[];
  /** When the ticket moved from one assignee to another. */
  reassignments: number[];
  /** Backlog spans as `[start, end]` pairs; `end` is Infinity while open. */
  spans: number[];
  rating: { value: number; at: number } | null;
  sla: {
    policyId: string;
    priority: string;
    firstResponse: SlaOutcome;
    resolution: SlaOutcome;
  } | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const time = (v: unknown): number | null =>
  typeof v === 'string' ? Date.parse(v) : null;

/** Starts a ticket's facts from its first (submit) event. */
export function startFacts(event: AuditEvent): TicketFacts {
  const c = event.changes;
  const at = Date.parse(event.at);
  const facts: TicketFacts = {
    id: event.ticketId,
    siteId: event.siteId,
    version: event.version,
    createdAt: time(c['createdAt']) ?? at,
    status: str(c['status']) ?? 'new',
    channel: str(c['channel']),
    teamId: str(c['teamId']),
    category: str(c['category']),
    priority: str(c['priority']),
    assigneeId: str(c['assigneeId']),
    lastAssigneeId: str(c['assigneeId']),
    firstResponseAt: time(c['firstResponseAt']),
    resolves: [],
    reopens: [],
    reassignments: [],
    spans: [],
    rating: null,
    sla: null,
  };
  if (isOpenStatus(facts.status)) facts.spans.push(facts.createdAt, Infinity);
  foldSla(facts, c['sla']);
  return facts;
}

function foldStatus(f: TicketFacts, status: string, at: number) {
  const wasOpen = isOpenStatus(f.status);
  const nowOpen = isOpenStatus(status);
  if (wasOpen && !nowOpen) f.spans[f.spans.length - 1] = at;
  if (!wasOpen && nowOpen) {
    f.spans.push(at, Infinity);
    if (f.status === 'resolved' || f.status === 'closed') f.reopens.push(at);
  }
  f.status = status;
}

/** A new assignee after someone else held the ticket is a reassignment. */
function foldAssignee(f: TicketFacts, next: unknown, at: number) {
  const id = str(next);
  if (id !== null && f.lastAssigneeId !== null && id !== f.lastAssigneeId) {
    f.reassignments.push(at);
  }
  f.assigneeId = id;
  if (id !== null) f.lastAssigneeId = id;
}

type Clock = {
  target?: unknown;
  met?: unknown;
  stoppedAt?: unknown;
  breachedAt?: unknown;
};

function outcomeOf(clock: Clock | undefined, was: SlaOutcome): SlaOutcome {
  if (!clock) return was;
  const breached = time(clock.breachedAt);
  if (clock.met === false || breached !== null) {
    return { met: false, at: breached ?? time(clock.stoppedAt) ?? was.at };
  }
  if (was.met === false) return was;
  if (clock.met === true) return { met: true, at: time(clock.stoppedAt) };
  return { met: null, at: null };
}

function foldSla(f: TicketFacts, value: unknown) {
  if (!value || typeof value !== 'object') return;
  const s = value as {
    policyId?: unknown;
    priority?: unknown;
    clocks?: Clock[];
  };
  const clocks = Array.isArray(s.clocks) ? s.clocks : [];
  const find = (target: string) => clocks.find((c) => c.target === target);
  const open: SlaOutcome = { met: null, at: null };
  const was = f.sla ?? { firstResponse: open, resolution: open };
  f.sla = {
    policyId: str(s.policyId) ?? 'unknown',
    priority: str(s.priority) ?? f.priority ?? 'unknown',
    firstResponse: outcomeOf(find('firstResponse'), was.firstResponse),
    resolution: outcomeOf(find('resolution'), was.resolution),
  };
}

function foldBreach(f: TicketFacts, event: AuditEvent, at: number) {
  const target = event.data?.['target'];
  if (!f.sla || (target !== 'resolution' && target !== 'firstResponse')) return;
  if (f.sla[target].met !== false) f.sla[target] = { met: false, at };
}

/**
 * Folds one later event of a ticket into its facts, in place. Only the
 * fields metrics read are followed; `changes` carry their new values.
 */
export function foldFacts(f: TicketFacts, event: AuditEvent): void {
  const c = event.changes;
  const at = Date.parse(event.at);
  f.version = event.version;
  if ('assigneeId' in c) foldAssignee(f, c['assigneeId'], at);
  if ('teamId' in c) f.teamId = str(c['teamId']);
  if ('category' in c) f.category = str(c['category']);
  if ('priority' in c) f.priority = str(c['priority']);
  if ('channel' in c) f.channel = str(c['channel']);
  if ('firstResponseAt' in c) f.firstResponseAt = time(c['firstResponseAt']);
  if ('sla' in c) foldSla(f, c['sla']);
  const status = str(c['status']);
  if (status !== null && status !== f.status) foldStatus(f, status, at);
  if (event.type === 'ticket.resolved') {
    f.resolves.push({
      at,
      agentId: f.assigneeId ?? event.actor.id,
      teamId: f.teamId,
    });
  }
  if (event.type === 'ticket.sla_breached') foldBreach(f, event, at);
  const rating = c['satisfaction'] as { rating?: unknown } | null | undefined;
  if (rating && typeof rating.rating === 'number') {
    f.rating = { value: rating.rating, at };
  }
}
