import {
  createDesk,
  createRoutingService,
  roundRobin,
  teamRules,
} from '@ticketry/core';
import { expect, it } from 'vitest';
import { describeOnDatabases } from './test-support.js';

const router = () =>
  teamRules({ rules: [], fallbackTeamId: 'desk', pick: roundRobin() });

describeOnDatabases('round robin on one PostgreSQL schema', ({ db, open }) => {
  it('stays fair between two desks on two stores routing at once', async () => {
    const schema = db().schema();
    const first = createDesk({ store: await open({ schema }) });
    await first.createTeam({ id: 'desk', name: 'Service desk' });
    for (const id of ['ada', 'bo', 'cy']) {
      await first.createAgent({
        id,
        name: id,
        role: 'agent',
        teamIds: ['desk'],
      });
    }
    const second = createDesk({ store: await open({ schema }) });

    const routeMany = async (desk: typeof first, count: number) => {
      const routing = createRoutingService(desk, {
        router: router(),
        auto: false,
      });
      const chosen: string[] = [];
      for (let i = 0; i < count; i++) {
        const { ticket } = await desk.submit({
          subject: `Ticket ${i}`,
          description: 'Routed by one of two desks.',
          requester: { email: 'pg@example.com' },
        });
        const { decision } = await routing.route(ticket.id);
        chosen.push(decision.queued ? 'queued' : decision.agentId);
      }
      return chosen;
    };
    const [a, b] = await Promise.all([
      routeMany(first, 31),
      routeMany(second, 31),
    ]);

    // 62 turns over 3 agents through one shared turn: 21/21/20.
    const counts: Record<string, number> = {};
    for (const id of [...a, ...b]) counts[id] = (counts[id] ?? 0) + 1;
    expect(counts).toEqual({ ada: 21, bo: 21, cy: 20 });
    const cursor = await second.store.getRecord(
      'default',
      'routing.cursor',
      'desk',
    );
    expect(cursor?.version).toBe(62);
  }, 120_000);
});
