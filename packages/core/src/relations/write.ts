import type { CommandResult, DeskCore } from '../desk/desk-types.js';
import { checkActor } from '../desk/guards.js';
import { retryOnConflict } from '../desk/retry.js';
import { TicketryError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import type { EventType } from '../schemas/event.js';
import type { Ticket, TicketChanges } from '../schemas/ticket.js';

/** What one side of a relation writes, or null when nothing is left to do. */
export type SideChange = {
  changes: TicketChanges;
  data: Record<string, unknown>;
} | null;

/**
 * Records one audited event on a ticket, reading it afresh and
 * building the change again when another writer got there first: the
 * relation changes are sets, so a retry is safe. Returns null when
 * `build` finds nothing to do (the link is already there or gone).
 */
export async function writeSide(
  core: DeskCore,
  ticketId: string,
  type: EventType,
  build: (t: Ticket) => SideChange,
  actor: Actor,
): Promise<CommandResult | null> {
  return retryOnConflict(core, ticketId, (t) => {
    const next = build(t);
    if (!next) return null;
    const at = core.clock.now().toISOString();
    return core.record(t, type, next.changes, next.data, at, actor);
  });
}

/**
 * Refuses requesters (relations are staff work) and checks that an
 * agent or supervisor is an active agent record.
 */
export async function checkStaff(
  core: DeskCore,
  t: Ticket,
  actor: Actor,
): Promise<void> {
  if (actor.role === 'requester') {
    throw new TicketryError(
      'FORBIDDEN',
      'only agents change the relations of tickets',
      { details: { role: actor.role } },
    );
  }
  await checkActor(core.store, t, actor);
}

/** A LINK_NOT_ALLOWED error with its machine-readable reason. */
export function linkRefused(
  reason: string,
  message: string,
  details: Record<string, unknown> = {},
): TicketryError {
  return new TicketryError('LINK_NOT_ALLOWED', message, {
    details: { reason, ...details },
  });
}
