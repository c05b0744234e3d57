import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadFor, staffedDesk } from '../../test/desk-fixture.js';
import { TicketryError } from '../errors.js';
import { PENDING_REASONS, ROLES } from '../public/vocabulary.js';
import { COMMAND_TYPES } from '../schemas/commands.js';
import { rebuildTicket } from './rebuild.js';

const step = fc.record({
  ticket: fc.nat(2),
  command: fc.constantFrom(...COMMAND_TYPES.filter((c) => c !== 'submit')),
  role: fc.constantFrom(...ROLES),
  reason: fc.constantFrom(...PENDING_REASONS),
  minutes: fc.nat(3 * 24 * 60),
  stale: fc.boolean(),
});

describe('replaying the audit log', () => {
  it('rebuilds every ticket exactly after random command sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 50, maxLength: 120 }),
        async (steps) => {
          const env = await staffedDesk({ closedReplyPolicy: 'reopen' });
          const ids: string[] = [];
          for (let i = 0; i < 3; i++) {
            const { ticket } = await env.desk.submit({
              subject: `Ticket ${i}`,
              description: 'Property test',
              requester: { email: `r${i}@example.com` },
            });
            ids.push(ticket.id);
          }
          let refused = 0;
          let accepted = 0;
          for (const s of steps) {
            env.clock.advance(s.minutes * 60_000);
            const id = ids[s.ticket]!;
            const before = (await env.desk.get(id))!;
            const other = ids[(s.ticket + 1) % ids.length]!;
            const input = payloadFor(s.command, {
              intoId: other,
              reason: s.reason,
            });
            try {
              await env.desk.execute(id, input, {
                actor: env.actorFor(s.role, before),
                expectedVersion: s.stale ? before.version - 1 : before.version,
              });
              accepted += 1;
            } catch (error) {
              expect(error).toBeInstanceOf(TicketryError);
              expect((await env.desk.get(id))?.version).toBe(before.version);
              refused += 1;
            }
          }
          expect(refused).toBeGreaterThan(0);
          expect(accepted).toBeGreaterThan(0);
          for (const id of ids) {
            const events = await env.desk.events(id);
            const stored = await env.desk.get(id);
            expect(events.map((e) => e.version)).toEqual(
              events.map((_, i) => i + 1),
            );
            expect(rebuildTicket(events)).toEqual(stored);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
