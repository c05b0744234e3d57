import { TicketryError } from '../errors.js';
import { type PriorityMatrix, priorityOf } from '../priority.js';
import { LIMITS } from '../public/limits.js';
import type { PendingReason, Status } from '../public/vocabulary.js';
import type { Command } from '../schemas/commands.js';
import type { Actor } from '../schemas/common.js';
import type { Ticket, TicketChanges } from '../schemas/ticket.js';

/** Settings the changes of a command depend on. */
export interface ChangeSettings {
  matrix: PriorityMatrix;
  reopenWindowMs: number;
  autoCloseAfterMs: number;
}

/** The status and reason a machine state stands for. */
export function splitState(state: string): {
  status: Status;
  pendingReason: PendingReason | null;
} {
  const [status, reason] = state.split('.') as [Status, PendingReason?];
  return { status, pendingReason: reason ?? null };
}

/**
 * Custom fields after an update: the submission's cap holds for the
 * merged set too, so updates cannot grow a ticket without bound.
 */
function mergeFields(
  current: Ticket['fields'],
  update: Ticket['fields'],
): Ticket['fields'] {
  const merged = { ...current, ...update };
  if (Object.keys(merged).length > LIMITS.fields) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      `a ticket holds at most ${LIMITS.fields} custom fields`,
      { details: { path: ['fields'] } },
    );
  }
  return merged;
}

const plus = (at: string, ms: number) =>
  new Date(Date.parse(at) + ms).toISOString();

const reopened = (t: Ticket): TicketChanges => ({
  reopenCount: t.reopenCount + 1,
  resolvedAt: null,
  closedAt: null,
  resolution: null,
  reopenUntil: null,
  autoCloseAt: null,
});

const finished = (at: string): TicketChanges => ({
  closedAt: at,
  autoCloseAt: null,
});

/** Field changes a command makes besides status, before diffing. */
function commandChanges(
  t: Ticket,
  c: Command,
  at: string,
  actor: Actor,
  s: ChangeSettings,
): TicketChanges {
  switch (c.type) {
    case 'triage':
      return {
        impact: c.impact,
        urgency: c.urgency,
        priority: priorityOf(c.impact, c.urgency, s.matrix),
        priorityReason: null,
        ...(c.category && { category: c.category }),
        ...(c.ticketType && { type: c.ticketType }),
        ...(c.teamId && { teamId: c.teamId }),
      };
    case 'update':
      return {
        ...(c.subject && { subject: c.subject }),
        ...(c.tags && { tags: c.tags }),
        ...(c.fields && { fields: mergeFields(t.fields, c.fields) }),
        ...(c.priority && {
          priority: c.priority,
          priorityReason: c.priorityReason ?? null,
        }),
      };
    case 'assign':
      return {
        assigneeId: c.assigneeId,
        ...(c.teamId && { teamId: c.teamId }),
      };
    case 'unassign':
      return { assigneeId: null };
    case 'reply': {
      if (actor.role === 'requester') {
        return t.status === 'resolved' || t.status === 'closed'
          ? reopened(t)
          : {};
      }
      return t.firstResponseAt ? {} : { firstResponseAt: at };
    }
    case 'resolve':
      return {
        resolution: { code: c.code, note: c.note },
        resolvedAt: at,
        firstResponseAt: t.firstResponseAt ?? at,
        reopenUntil: plus(at, s.reopenWindowMs),
        autoCloseAt: plus(at, s.autoCloseAfterMs),
      };
    case 'reject':
      return reopened(t);
    case 'accept':
    case 'close':
      return finished(at);
    case 'rate':
      return {
        satisfaction: { rating: c.rating, comment: c.comment ?? null, at },
      };
    case 'cancel':
      return { autoCloseAt: null };
    case 'merge':
      return { mergedInto: c.intoId, autoCloseAt: null };
    default:
      return {};
  }
}

/**
 * What a command changes on a ticket: its own fields plus the status
 * the lifecycle leads to, keeping only values that differ. `dueAt` and
 * `sla` follow from these and are settled by the desk afterwards.
 */
export function changesFor(
  t: Ticket,
  c: Command,
  target: string,
  at: string,
  actor: Actor,
  s: ChangeSettings,
): TicketChanges {
  return keepChanged(t, {
    ...commandChanges(t, c, at, actor, s),
    ...splitState(target),
  });
}

/** The proposed values that differ from the ticket's (absent is null). */
export function keepChanged(
  t: Ticket,
  proposed: Record<string, unknown>,
): TicketChanges {
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(proposed)) {
    const before = t[field as keyof Ticket] ?? null;
    if (!sameValue(before, value)) changed[field] = value;
  }
  return changed as TicketChanges;
}

/** Deep equality of JSON values, stopping at the first difference. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (!(key in y) || !sameValue(x[key], y[key])) return false;
  }
  return true;
}

/** Folds an event's changes into a ticket. */
export function applyChanges(
  t: Ticket,
  changes: Record<string, unknown>,
  version: number,
  at: string,
): Ticket {
  return { ...t, ...changes, version, updatedAt: at } as Ticket;
}
