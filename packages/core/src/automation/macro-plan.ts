/**
 * The dry run of a macro before anything is written: each step's
 * lifecycle commands are looked up, in order, in the machine's derived
 * table from the state the previous step leads to. A step the table
 * refuses refuses the whole macro up front, naming the step, so a
 * macro never leaves its first steps written (a reply mailed, a tag
 * added) and then stops. Checks the table cannot see (a module's
 * check, who the assignee is, a concurrent change) can still fail a
 * step while it runs; the error then lists the steps already applied.
 */
import { stateOf } from '../desk/guards.js';
import { TicketryError } from '../errors.js';
import type { MachineState } from '../machine/lifecycle.js';
import { lookupTransition } from '../machine/table.js';
import type { PendingReason } from '../public/vocabulary.js';
import type { AnyCommandType } from '../schemas/commands.js';
import type { Actor } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import type { Macro, MacroAction } from './schema.js';

/** One lifecycle command a step sends; `optional` ones may be skipped. */
interface Planned {
  type: AnyCommandType;
  reason?: PendingReason;
  optional?: boolean;
}

const TRIAGE_KEYS = ['impact', 'urgency', 'category', 'ticketType', 'teamId'];
const UPDATE_KEYS = ['tags', 'addTags', 'fields', 'subject', 'priority'];

/** The commands an action may send (a step with no change sends none). */
function commandsOf(a: MacroAction): Planned[] {
  switch (a.type) {
    case 'set': {
      const has = (keys: string[]) =>
        keys.some((k) => (a as Record<string, unknown>)[k] !== undefined);
      return [
        ...(has(TRIAGE_KEYS) ? [{ type: 'triage' as const }] : []),
        ...(has(UPDATE_KEYS) ? [{ type: 'update' as const }] : []),
      ];
    }
    case 'raise_priority':
      return [{ type: 'update' }];
    case 'assign':
    case 'reply':
    case 'note':
      return [{ type: a.type }];
    case 'command': {
      const c = a.command as { type: AnyCommandType; reason?: PendingReason };
      return [
        {
          type: c.type,
          ...(c.reason && c.type === 'pend' && { reason: c.reason }),
          ...(a.ifAllowed && { optional: true }),
        },
      ];
    }
    default:
      return [];
  }
}

/** Whether an optional command is sent from `state` (runtime uses it too). */
export function allowedFrom(
  state: MachineState,
  type: AnyCommandType,
  actor: Actor,
  reason?: PendingReason,
): boolean {
  return lookupTransition(state, type, actor.role, reason).ok;
}

/**
 * Walks the macro's steps through the lifecycle from the ticket's
 * state; throws the table's TRANSITION_NOT_ALLOWED or FORBIDDEN for the
 * first refused step, naming it, before anything is applied.
 */
export function checkMacroPlan(ticket: Ticket, macro: Macro, actor: Actor) {
  let state = stateOf(ticket);
  for (const [step, action] of macro.actions.entries()) {
    for (const c of commandsOf(action)) {
      const outcome = lookupTransition(state, c.type, actor.role, c.reason);
      if (outcome.ok) {
        state = outcome.to;
        continue;
      }
      if (c.optional) continue;
      const status = state.split('.')[0];
      const when = state === stateOf(ticket) ? 'is' : 'would be by then';
      throw new TicketryError(
        outcome.code,
        `macro ${macro.id}, step ${step + 1} (${action.type}): sends ${c.type} to a ticket that ${when} ${status}, which the lifecycle does not allow for ${actor.role === 'agent' ? 'an' : 'a'} ${actor.role}; refused before any step ran`,
        {
          details: {
            macroId: macro.id,
            step,
            command: c.type,
            status,
            applied: [],
          },
        },
      );
    }
  }
}
