import { describe, expect, it } from 'vitest';
import {
  expectedOutcome,
  readPermissionTable,
} from '../../test/permission-table.js';
import { MACHINE_STATES } from '../machine/lifecycle.js';
import { askMachine } from '../machine/table.js';
import { ROLES } from '../public/vocabulary.js';
import { SLA_EVENT_TYPES, type SlaEventName } from '../schemas/event.js';

const rows = readPermissionTable();
const names = Object.keys(SLA_EVENT_TYPES) as SlaEventName[];

describe('SLA events in the lifecycle machine', () => {
  it('matches the hand-written permission table for every state and role', () => {
    const mismatches: string[] = [];
    for (const state of MACHINE_STATES) {
      for (const name of names) {
        for (const role of ROLES) {
          const machine = askMachine(state, { type: name, role });
          const documented = expectedOutcome(rows, state, name, role);
          if (JSON.stringify(machine) !== JSON.stringify(documented)) {
            mismatches.push(
              `${state} ${name} as ${role}: machine ${JSON.stringify(machine)}, docs ${JSON.stringify(documented)}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('never moves the status and lets only the system fire timers', () => {
    for (const state of MACHINE_STATES) {
      for (const name of names) {
        for (const role of ROLES) {
          const outcome = askMachine(state, { type: name, role });
          if (!outcome.ok) continue;
          expect(outcome.to).toBe(state);
          if (name !== 'sla_migrate') expect(role).toBe('system');
        }
      }
    }
  });

  it('allows timers while clocks can run and none once a ticket is resolved', () => {
    const allowed = (state: (typeof MACHINE_STATES)[number]) =>
      askMachine(state, { type: 'sla_breach', role: 'system' }).ok;
    expect(MACHINE_STATES.filter(allowed)).toEqual([
      'new',
      'open',
      'assigned',
      'in_progress',
      'pending.requester',
      'pending.vendor',
      'pending.change',
      'pending.problem',
      'pending.approval',
    ]);
  });
});
