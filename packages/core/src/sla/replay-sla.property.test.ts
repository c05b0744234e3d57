import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadFor } from '../../test/desk-fixture.js';
import { rebuildTicket } from '../desk/rebuild.js';
import { TicketryError } from '../errors.js';
import { PENDING_REASONS, ROLES } from '../public/vocabulary.js';
import { COMMAND_TYPES } from '../schemas/commands.js';
import { earliest } from './settle.js';
import { slaDesk } from './test-support.js';

const step = fc.record({
  ticket: fc.nat(2),
  command: fc.constantFrom(
    ...COMMAND_TYPES.filter((c) => c !== 'submit'),
    'tick' as const,
  ),
  role: fc.constantFrom(...ROLES),
  reason: fc.constantFrom(...PENDING_REASONS),
  minutes: fc.nat(2 * 24 * 60),
});

describe('replaying the audit log of a desk with SLAs', () => {
  it('rebuilds every ticket, fires each timer once and keeps dueAt the earliest timer', async () => {
    const fired = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 40, maxLength: 100 }),
        async (steps) => {
          const env = await slaDesk({ closedReplyPolicy: 'reopen' });
          const actors = {
            agent: env.ada.actor,
            supervisor: env.sam.actor,
            system: { role: 'system', id: null },
          } as const;
          const ids: string[] = [];
          for (let i = 0; i < 3; i++) {
            const { ticket } = await env.desk.submit({
              subject: `Ticket ${i}`,
              description: 'Property test',
              requester: { email: `r${i}@example.com` },
            });
            ids.push(ticket.id);
          }
          for (const s of steps) {
            env.clock.advance(s.minutes * 60_000);
            if (s.command === 'tick') {
              for (const r of await env.desk.tick()) fired.add(r.event.type);
              continue;
            }
            const id = ids[s.ticket]!;
            const before = (await env.desk.get(id))!;
            const actor =
              s.role === 'requester'
                ? { role: 'requester' as const, id: before.requesterId }
                : actors[s.role];
            try {
              await env.desk.execute(
                id,
                payloadFor(s.command, {
                  intoId: ids[(s.ticket + 1) % 3]!,
                  reason: s.reason,
                }),
                { actor },
              );
            } catch (error) {
              expect(error).toBeInstanceOf(TicketryError);
            }
          }
          for (const id of ids) {
            const events = await env.desk.events(id);
            const stored = (await env.desk.get(id))!;
            expect(rebuildTicket(events)).toEqual(stored);
            expect(stored.dueAt).toBe(
              earliest(stored.autoCloseAt, stored.sla?.timers[0]?.at),
            );
            const timerIds = events
              .map((e) => (e.data as { timerId?: string } | null)?.timerId)
              .filter(Boolean);
            expect(new Set(timerIds).size).toBe(timerIds.length);
          }
        },
      ),
      { numRuns: 30 },
    );
    // Reminders need a long wait on the requester, rare in random walks;
    // tick.test.ts covers them.
    expect([...fired]).toEqual(
      expect.arrayContaining([
        'ticket.closed',
        'ticket.escalated',
        'ticket.sla_breached',
        'ticket.sla_warned',
      ]),
    );
  });
});
