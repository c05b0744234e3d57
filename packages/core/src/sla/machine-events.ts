import type { MachineState } from '../machine/lifecycle.js';
import { askMachine, type Outcome } from '../machine/table.js';
import type { Role } from '../public/vocabulary.js';
import type { SlaEventName } from '../schemas/event.js';

const answers = new Map<string, Outcome>();

/**
 * What the lifecycle machine says about an SLA event, asked once per
 * (state, event, role) and remembered. SLA events are not commands,
 * so they are not in the command table the hot path reads.
 */
export function slaEventOutcome(
  state: MachineState,
  type: SlaEventName,
  role: Role,
): Outcome {
  const key = `${state}|${type}|${role}`;
  let outcome = answers.get(key);
  if (!outcome) {
    outcome = askMachine(state, { type, role });
    answers.set(key, outcome);
  }
  return outcome;
}
