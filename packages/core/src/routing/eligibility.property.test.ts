import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgentRouting } from '../schemas/routing.js';
import { availability } from './availability.js';
import { chain } from './chain.js';
import { leastLoaded } from './least-loaded.js';
import { roundRobin } from './round-robin.js';
import { skillsMatch } from './skills.js';
import { ctxOf, routingDesk, ticket } from './test-support.js';
import type { Router } from './types.js';

const SYSTEM = { role: 'system', id: null } as const;

/** Out of office at `now`, computed apart from the code under test. */
const awayAt = (o: { from?: string; until: string }, now: Date) =>
  (!o.from || new Date(o.from) <= now) && now < new Date(o.until);

/** Monday 08:00–16:00 on the wall clock of `timeZone`, by Intl. */
function mondayHour(timeZone: string, now: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  const hour = Number(part('hour'));
  return part('weekday') === 'Mon' && hour >= 8 && hour < 16;
}

const routingArb: fc.Arbitrary<AgentRouting> = fc.record(
  {
    skills: fc.subarray(['vpn', 'mail', 'printers']),
    capacity: fc.integer({ min: 0, max: 3 }),
    status: fc.constantFrom('available', 'away', 'offline'),
    timeZone: fc.constantFrom(
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
    ),
    workingHours: fc.constant({
      mon: [['08:00', '16:00']] as [string, string][],
    }),
    outOfOffice: fc.constantFrom(
      { until: '2024-03-04T09:00:00Z' },
      { until: '2024-03-05T00:00:00Z' },
      { from: '2024-03-04T11:00:00Z', until: '2024-03-06T00:00:00Z' },
    ),
  },
  { requiredKeys: [] },
);

const agentArb = fc.record({
  active: fc.boolean(),
  inTeam: fc.boolean(),
  open: fc.integer({ min: 0, max: 3 }),
  routing: routingArb,
});

const routers: Record<string, () => Router> = {
  roundRobin: () => roundRobin(),
  leastLoaded: () => leastLoaded(),
  skills: () => skillsMatch(),
  availability: () => availability(),
  chain: () =>
    chain([skillsMatch({ mode: 'all' }), availability(), roundRobin()]),
};

describe('every strategy', () => {
  for (const [name, make] of Object.entries(routers)) {
    it(`${name} assigns only eligible agents, or queues with a reason`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(agentArb, { minLength: 1, maxLength: 5 }),
          async (specs) => {
            const { desk } = await routingDesk();
            for (const [i, s] of specs.entries()) {
              await desk.createAgent({
                id: `a${i}`,
                name: `a${i}`,
                role: 'agent',
                teamIds: s.inTeam ? ['desk'] : ['net'],
                active: s.active,
                routing: s.routing,
              });
            }
            for (const [i, s] of specs.entries()) {
              // Open work assigned directly, whatever the attributes say.
              for (let k = 0; k < s.open && s.active && s.inTeam; k++) {
                const held = await ticket(desk, { team: 'desk' });
                await desk.assign(
                  held.id,
                  { assigneeId: `a${i}` },
                  { actor: SYSTEM },
                );
              }
            }
            const t = await ticket(desk, { team: 'desk', category: 'vpn' });
            const decision = await make().route(t, ctxOf(desk));
            if (decision.queued) {
              expect(decision.reason.length).toBeGreaterThan(0);
              return;
            }
            const chosen = specs[Number(decision.agentId.slice(1))]!;
            const now = desk.clock.now();
            const r = chosen.routing;
            expect(chosen.inTeam && chosen.active).toBe(true);
            expect(r.status).not.toBe('offline');
            expect(r.outOfOffice && awayAt(r.outOfOffice, now)).toBeFalsy();
            if (r.capacity !== undefined)
              expect(chosen.open).toBeLessThan(r.capacity);
            if (name === 'availability') {
              expect(r.status).not.toBe('away');
              if (r.workingHours) {
                expect(mondayHour(r.timeZone ?? 'UTC', now)).toBe(true);
              }
            }
          },
        ),
        { numRuns: 40 },
      );
    }, 60_000);
  }
});
