import { describe, expect, it } from 'vitest';
import { payloadFor, staffedDesk, ticketIn } from '../../test/desk-fixture.js';
import {
  expectedOutcome,
  readPermissionTable,
  reasonsFor,
} from '../../test/permission-table.js';
import { TicketryError } from '../errors.js';
import { MACHINE_STATES } from '../machine/lifecycle.js';
import { ROLES } from '../public/vocabulary.js';
import { COMMAND_TYPES } from '../schemas/commands.js';
import { stateOf } from './guards.js';

const rows = readPermissionTable();
const states = MACHINE_STATES.filter((s) => s !== 'draft');

describe('every command through the desk', () => {
  it('submits for every role as the docs say', async () => {
    for (const role of ROLES) {
      const env = await staffedDesk();
      const { ticket } = await env.desk.submit(
        {
          subject: 's',
          description: 'd',
          requester: { email: 'r@example.com' },
        },
        role === 'requester' ? {} : { actor: env.actorFor(role) },
      );
      expect(expectedOutcome(rows, 'draft', 'submit', role)).toEqual({
        ok: true,
        to: 'new',
      });
      expect(ticket.status).toBe('new');
    }
  });

  for (const state of states) {
    it(`succeeds or fails with the documented error in ${state}`, async () => {
      const env = await staffedDesk({ closedReplyPolicy: 'reopen' });
      const target = await ticketIn(env, 'new');
      for (const command of COMMAND_TYPES.filter((c) => c !== 'submit')) {
        for (const role of ROLES) {
          for (const reason of reasonsFor(command)) {
            const ticket = await ticketIn(env, state);
            const expected = expectedOutcome(
              rows,
              state,
              command,
              role,
              reason,
            );
            const input = payloadFor(command, {
              intoId: target.id,
              ...(reason && { reason }),
            });
            const label = `${state} ${command} ${reason ?? ''} as ${role}`;
            try {
              const { ticket: after, event } = await env.desk.execute(
                ticket.id,
                input,
                {
                  actor: env.actorFor(role, ticket),
                  expectedVersion: ticket.version,
                },
              );
              expect(expected.ok, label).toBe(true);
              if (expected.ok) expect(stateOf(after), label).toBe(expected.to);
              expect(event.version, label).toBe(ticket.version + 1);
            } catch (error) {
              if (!(error instanceof TicketryError)) throw error;
              expect(
                expected.ok ? 'accepted' : expected.code,
                `${label}: ${error.message}`,
              ).toBe(error.code);
              const unchanged = await env.desk.get(ticket.id);
              expect(unchanged?.version, label).toBe(ticket.version);
            }
          }
        }
      }
    });
  }
});
