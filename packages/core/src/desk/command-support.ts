import { TicketryError } from '../errors.js';
import { createId } from '../ids.js';
import type { Command } from '../schemas/commands.js';
import type { Actor } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketStore } from '../store/types.js';
import type { CommandCheck } from './desk-types.js';
import { checkReopenWindow } from './guards.js';
import { checkAssignee } from './people.js';

/** What the checks below read. */
export interface CheckDeps {
  store: TicketStore;
  siteId: string;
  load(ticketId: string): Promise<Ticket>;
  /** Checks of extension modules (`DeskCore.addCheck`), run last. */
  checks?: Iterable<CommandCheck>;
}

/**
 * Checks a command against what the machine cannot see: that the
 * assignee and team exist, the reopen window, a merge target.
 */
export async function checkCommand(
  deps: CheckDeps,
  t: Ticket,
  c: Command,
  actor: Actor,
  at: string,
): Promise<void> {
  const { store, siteId } = deps;
  if (c.type === 'assign') {
    await checkAssignee(store, siteId, c.assigneeId, c.teamId ?? t.teamId);
  }
  if (
    c.type === 'triage' &&
    c.teamId &&
    !(await store.getTeam(siteId, c.teamId))
  ) {
    throw new TicketryError('NOT_FOUND', `team ${c.teamId} does not exist`, {
      details: { path: ['teamId'] },
    });
  }
  if (c.type === 'reject' || c.type === 'reply') {
    checkReopenWindow(t, actor, at);
  }
  if ((c.type === 'resolve' || c.type === 'close') && c.force) {
    if (actor.role !== 'supervisor') {
      throw new TicketryError('FORBIDDEN', 'only a supervisor may force', {
        details: { path: ['force'] },
      });
    }
  }
  if (c.type === 'merge') {
    const into = await deps.load(c.intoId);
    if (into.id === t.id || ['merged', 'cancelled'].includes(into.status)) {
      throw new TicketryError(
        'TRANSITION_NOT_ALLOWED',
        `cannot merge ${t.ref} into ${into.ref}`,
      );
    }
  }
  for (const check of deps.checks ?? []) await check(t, c, actor, at);
}

/** The `data` an accepted command's event carries. */
export function eventData(c: Command): Record<string, unknown> | null {
  switch (c.type) {
    case 'reply':
      return {
        messageId: createId(),
        body: c.body,
        visibility: 'public',
        ...(c.attachments?.length ? { attachments: c.attachments } : {}),
      };
    case 'note':
      return { messageId: createId(), body: c.body, visibility: 'internal' };
    case 'pend':
      return c.note ? { note: c.note } : null;
    case 'cancel':
      return { reason: c.reason, ...(c.note && { note: c.note }) };
    case 'reject':
      return c.reason ? { reason: c.reason } : null;
    case 'resolve':
    case 'close':
      return c.force ? { force: true } : null;
    case 'assign':
    case 'unassign':
      return c.routing ? { routing: c.routing } : null;
    default:
      return null;
  }
}
