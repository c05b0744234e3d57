import { describe, expect, it } from 'vitest';
import {
  expectedOutcome,
  readPermissionTable,
  reasonsFor,
} from '../../test/permission-table.js';
import { ROLES } from '../public/vocabulary.js';
import { COMMAND_TYPES } from '../schemas/commands.js';
import { MACHINE_STATES } from './lifecycle.js';
import { askMachine, lookupTransition, TRANSITIONS } from './table.js';

const rows = readPermissionTable();

describe('the lifecycle machine', () => {
  it('reads a permission table of some size from the docs', () => {
    expect(rows.length).toBeGreaterThan(40);
  });

  for (const state of MACHINE_STATES) {
    it(`matches the documented permissions in ${state}`, () => {
      const mismatches: string[] = [];
      for (const command of COMMAND_TYPES) {
        for (const role of ROLES) {
          for (const reason of reasonsFor(command)) {
            const event = reason
              ? { type: command, role, reason }
              : { type: command, role };
            const machine = askMachine(state, event);
            const documented = expectedOutcome(
              rows,
              state,
              command,
              role,
              reason,
            );
            if (JSON.stringify(machine) !== JSON.stringify(documented)) {
              mismatches.push(
                `${state} ${command}${reason ? `(${reason})` : ''} as ${role}: ` +
                  `machine ${JSON.stringify(machine)}, docs ${JSON.stringify(documented)}`,
              );
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('derives a transition table equal to the machine on every input', () => {
    let compared = 0;
    for (const state of MACHINE_STATES) {
      for (const command of COMMAND_TYPES) {
        for (const role of ROLES) {
          for (const reason of reasonsFor(command)) {
            const event = reason
              ? { type: command, role, reason }
              : { type: command, role };
            expect(lookupTransition(state, command, role, reason)).toEqual(
              askMachine(state, event),
            );
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(TRANSITIONS.size);
  });

  it('lets nothing leave cancelled or merged but a note', () => {
    for (const state of ['cancelled', 'merged'] as const) {
      for (const command of COMMAND_TYPES) {
        const reason = command === 'pend' ? 'vendor' : undefined;
        const outcome = lookupTransition(state, command, 'supervisor', reason);
        expect(outcome.ok).toBe(command === 'note');
      }
    }
  });
});
