import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadFor, staffedDesk } from '../../test/desk-fixture.js';
import { createDesk } from '../desk/desk.js';
import { PENDING_REASONS, ROLES } from '../public/vocabulary.js';
import { COMMAND_TYPES } from '../schemas/commands.js';
import { feedWorkload } from './feed-workload.js';
import { storeWorkload } from './workload.js';

const AGENTS = ['ada', 'sam', 'nobody'];
const LEVELS = ['low', 'medium', 'high'] as const;
const WEIGHTS = { critical: 9, high: 5, moderate: 3, low: 2, planning: 1 };

const step = fc.record({
  ticket: fc.nat(4),
  command: fc.constantFrom(...COMMAND_TYPES.filter((c) => c !== 'submit')),
  role: fc.constantFrom(...ROLES),
  reason: fc.constantFrom(...PENDING_REASONS),
  assignee: fc.constantFrom('ada', 'sam'),
  impact: fc.constantFrom(...LEVELS),
  urgency: fc.constantFrom(...LEVELS),
});

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function inputFor(s: Step, other: string) {
  if (s.command === 'assign') {
    return { type: 'assign', assigneeId: s.assignee, teamId: 'service-desk' };
  }
  if (s.command === 'triage') {
    const level = { impact: s.impact, urgency: s.urgency };
    return { type: 'triage', ...level, teamId: 'service-desk' };
  }
  return payloadFor(s.command, { intoId: other, reason: s.reason });
}

describe('feedWorkload', () => {
  it('equals the store query after random command sequences, with any weights', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 40, maxLength: 100 }),
        async (steps) => {
          const env = await staffedDesk({ closedReplyPolicy: 'reopen' });
          const { store, siteId } = env.desk.core;
          const followed = feedWorkload(store, siteId, { pageSize: 7 });
          const queried = storeWorkload(store, siteId);
          const ids: string[] = [];
          for (let i = 0; i < 5; i++) {
            const { ticket } = await env.desk.submit({
              subject: `Ticket ${i}`,
              description: 'Property test',
              requester: { email: `r${i}@example.com` },
            });
            ids.push(ticket.id);
          }
          for (const [n, s] of steps.entries()) {
            const id = ids[s.ticket]!;
            const before = (await env.desk.get(id))!;
            const input = inputFor(s, ids[(s.ticket + 1) % ids.length]!);
            await env.desk
              .execute(id, input as never, {
                actor: env.actorFor(s.role, before),
              })
              .catch(() => undefined);
            if (n % 10 === 0 || n === steps.length - 1) {
              expect(await followed(AGENTS)).toEqual(await queried(AGENTS));
              expect(await followed(AGENTS, WEIGHTS)).toEqual(
                await queried(AGENTS, WEIGHTS),
              );
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('counts a closed ticket again when a reply reopens it (seed 1752538590)', async () => {
    const env = await staffedDesk({ closedReplyPolicy: 'reopen' });
    const { store, siteId } = env.desk.core;
    const read = feedWorkload(store, siteId);
    const { ticket } = await env.desk.submit({
      subject: 'VPN drops',
      description: 'Every hour',
      requester: { email: 'grace@example.com' },
    });
    const as = { actor: env.staff.system };
    const assign = {
      type: 'assign',
      assigneeId: 'ada',
      teamId: 'service-desk',
    };
    await env.desk.execute(ticket.id, assign as never, as);
    expect((await read(['ada'])).get('ada')?.open).toBe(1);
    await env.desk.execute(ticket.id, payloadFor('resolve'), as);
    await env.desk.execute(ticket.id, payloadFor('close'), as);
    expect((await read(['ada'])).get('ada')?.open).toBe(0);
    await env.desk.execute(ticket.id, payloadFor('reply'), {
      actor: env.actorFor('requester', ticket),
    });
    expect((await env.desk.get(ticket.id))?.status).toBe('in_progress');
    expect((await read(['ada'])).get('ada')).toEqual({ open: 1, weighted: 1 });
  });

  it("sees another desk's writes on the same store, and only its own site's", async () => {
    const env = await staffedDesk();
    const { store, siteId } = env.desk.core;
    const read = feedWorkload(store, siteId);
    expect((await read(['ada'])).get('ada')).toEqual({ open: 0, weighted: 0 });
    const other = createDesk({ store, clock: env.clock });
    const foreign = createDesk({ store, clock: env.clock, siteId: 'other' });
    await foreign.createTeam({ id: 'service-desk', name: 'Elsewhere' });
    await foreign.createAgent({
      id: 'ada',
      name: 'Ada elsewhere',
      role: 'agent',
      teamIds: ['service-desk'],
    });
    for (const desk of [other, foreign]) {
      const { ticket } = await desk.submit({
        subject: 'Printer',
        description: 'Jammed',
        requester: { email: 'grace@example.com' },
      });
      await desk.execute(
        ticket.id,
        {
          type: 'triage',
          impact: 'high',
          urgency: 'high',
          teamId: 'service-desk',
        },
        { actor: { role: 'system', id: null } },
      );
      await desk.execute(
        ticket.id,
        { type: 'assign', assigneeId: 'ada', teamId: 'service-desk' },
        { actor: { role: 'system', id: null } },
      );
    }
    const load = (await read(['ada'])).get('ada');
    expect(load).toEqual(
      (await storeWorkload(store, siteId)(['ada'])).get('ada'),
    );
    expect(load?.open).toBe(1);
  });
});
