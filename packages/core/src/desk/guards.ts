import { TicketryError } from '../errors.js';
import type { MachineState } from '../machine/lifecycle.js';
import { lookupTransition } from '../machine/table.js';
import type { PendingReason } from '../public/vocabulary.js';
import type { AnyCommandType } from '../schemas/commands.js';
import type { Actor } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketStore } from '../store/types.js';

/** The machine state a stored ticket is in. */
export function stateOf(ticket: Ticket): MachineState {
  return (
    ticket.status === 'pending'
      ? `pending.${ticket.pendingReason ?? 'requester'}`
      : ticket.status
  ) as MachineState;
}

/**
 * Asks the lifecycle where a command leads, or throws the typed error:
 * TRANSITION_NOT_ALLOWED when the status has no such command,
 * FORBIDDEN when the role may not send it.
 */
export function targetOf(
  state: MachineState,
  type: AnyCommandType,
  actor: Actor,
  reason?: PendingReason,
): MachineState {
  const outcome = lookupTransition(state, type, actor.role, reason);
  if (outcome.ok) return outcome.to;
  const status = state.split('.')[0];
  const message =
    outcome.code === 'FORBIDDEN'
      ? `${actor.role === 'agent' ? 'an' : 'a'} ${actor.role} may not ${type} a ticket that is ${status}`
      : `a ticket that is ${status} cannot take ${type}`;
  throw new TicketryError(outcome.code, message, {
    details: { status, command: type, role: actor.role },
  });
}

/**
 * Checks that the actor is who they claim: a requester acts only on
 * their own ticket; an agent or supervisor is an active agent record
 * holding that role.
 */
export async function checkActor(
  store: TicketStore,
  ticket: Ticket,
  actor: Actor,
): Promise<void> {
  if (actor.role === 'system') return;
  if (actor.role === 'requester') {
    if (actor.id !== ticket.requesterId) {
      throw new TicketryError(
        'FORBIDDEN',
        'this ticket belongs to another requester',
      );
    }
    return;
  }
  const agent = actor.id ? await store.getAgent(ticket.siteId, actor.id) : null;
  if (!agent?.active) {
    throw new TicketryError(
      'FORBIDDEN',
      `no active agent ${actor.id ?? ''}`.trim(),
    );
  }
  if (actor.role === 'supervisor' && agent.role !== 'supervisor') {
    throw new TicketryError(
      'FORBIDDEN',
      `agent ${agent.id} is not a supervisor`,
    );
  }
}

/** Refuses a requester's answer to a resolution after its window. */
export function checkReopenWindow(ticket: Ticket, actor: Actor, at: string) {
  if (actor.role !== 'requester' || ticket.status !== 'resolved') return;
  if (ticket.reopenUntil && at > ticket.reopenUntil) {
    throw new TicketryError(
      'REOPEN_WINDOW_CLOSED',
      `the reopen window of ${ticket.ref} closed at ${ticket.reopenUntil}`,
      { details: { reopenUntil: ticket.reopenUntil } },
    );
  }
}
