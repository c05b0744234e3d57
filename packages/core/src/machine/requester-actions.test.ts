import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  REQUESTER_ACTIONS,
  requesterActions,
} from '../public/requester-actions.js';
import { PENDING_REASONS, STATUSES } from '../public/vocabulary.js';
import { COMMAND_TYPES } from '../schemas/commands.js';
import {
  requesterActionsSource,
  requesterActionsTable,
} from './requester-actions.js';
import { askMachine } from './table.js';

describe('the requester actions in @ticketry/core/public', () => {
  it('are the file the machine generates (run the script in its header)', () => {
    const file = new URL('../public/requester-actions.ts', import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(requesterActionsSource());
  });

  it('list exactly what the machine accepts from a requester, state by state', () => {
    const states = Object.keys(REQUESTER_ACTIONS);
    expect(states).toEqual(Object.keys(requesterActionsTable()));
    for (const state of states) {
      const key = state as keyof typeof REQUESTER_ACTIONS;
      const accepted = COMMAND_TYPES.filter(
        (type) => askMachine(key, { type, role: 'requester' }).ok,
      );
      expect([...REQUESTER_ACTIONS[key]], state).toEqual(accepted);
    }
  });

  it('cover every status and pending reason', () => {
    for (const status of STATUSES) {
      const reasons = status === 'pending' ? PENDING_REASONS : [null];
      for (const reason of reasons) {
        expect(Array.isArray(requesterActions(status, reason))).toBe(true);
      }
    }
    expect(requesterActions('resolved', null)).toEqual([
      'reply',
      'accept',
      'reject',
      'rate',
    ]);
    expect(requesterActions('merged', null)).toEqual([]);
  });
});
