import { transition } from 'xstate';
import {
  PENDING_REASONS,
  type PendingReason,
  ROLES,
  type Role,
} from '../public/vocabulary.js';
import { type AnyCommandType, COMMAND_TYPES } from '../schemas/commands.js';
import {
  type LifecycleEvent,
  lifecycleMachine,
  MACHINE_STATES,
  type MachineState,
} from './lifecycle.js';

/** What the lifecycle says about one (state, command, role). */
export type Outcome =
  | { ok: true; to: MachineState }
  | { ok: false; code: 'TRANSITION_NOT_ALLOWED' | 'FORBIDDEN' };

function toStateKey(value: unknown): MachineState {
  if (typeof value === 'string') return value as MachineState;
  const [parent, child] = Object.entries(value as Record<string, string>)[0]!;
  return `${parent}.${child}` as MachineState;
}

function snapshotOf(state: MachineState) {
  const [parent, child] = state.split('.');
  const value = child ? { [parent!]: child } : parent!;
  return lifecycleMachine.resolveState({ value, context: {} });
}

/** Asks the machine itself; the table below is built from this. */
export function askMachine(
  state: MachineState,
  event: LifecycleEvent,
): Outcome {
  const snapshot = snapshotOf(state);
  if (snapshot.can(event)) {
    const [next] = transition(lifecycleMachine, snapshot, event);
    return { ok: true, to: toStateKey(next.value) };
  }
  const anyRole = ROLES.some((role) => snapshot.can({ ...event, role }));
  return {
    ok: false,
    code: anyRole ? 'FORBIDDEN' : 'TRANSITION_NOT_ALLOWED',
  };
}

// `state|command|role|reason`; a template-literal type of every
// combination grows past what tsc compares, so keys are plain strings.
type Key = string;

const keyOf = (
  state: MachineState,
  type: AnyCommandType,
  role: Role,
  reason?: PendingReason,
): Key => `${state}|${type}|${role}|${reason ?? ''}`;

/**
 * Every outcome of the machine, computed once at load. The hot path
 * reads this map instead of stepping an actor; a test proves the two
 * agree on every input.
 */
export const TRANSITIONS: ReadonlyMap<Key, Outcome> = (() => {
  const table = new Map<Key, Outcome>();
  for (const state of MACHINE_STATES) {
    for (const type of COMMAND_TYPES) {
      for (const role of ROLES) {
        const reasons = type === 'pend' ? PENDING_REASONS : [undefined];
        for (const reason of reasons) {
          const event: LifecycleEvent = reason
            ? { type, role, reason }
            : { type, role };
          table.set(keyOf(state, type, role, reason), askMachine(state, event));
        }
      }
    }
  }
  return table;
})();

/** The outcome of a command in a state, from the derived table. */
export function lookupTransition(
  state: MachineState,
  type: AnyCommandType,
  role: Role,
  reason?: PendingReason,
): Outcome {
  return TRANSITIONS.get(keyOf(state, type, role, reason))!;
}
