import { describe, expect, it } from 'vitest';
import { rebuildTicket } from '../desk/rebuild.js';
import { createMemoryStore } from '../store/memory-store.js';
import { chain } from './chain.js';
import { leastLoaded } from './least-loaded.js';
import { roundRobin } from './round-robin.js';
import { createRoutingService } from './service.js';
import { teamRules } from './team-rules.js';
import { agent, routingDesk, ticket } from './test-support.js';

const MINUTE = 60_000;
const toDesk = teamRules({
  rules: [],
  fallbackTeamId: 'desk',
  pick: roundRobin(),
});

describe('the routing service', () => {
  it('routes a new ticket on arrival and records why on the assignment', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada');
    await agent(desk, 'bo', { status: 'offline' });
    const routing = createRoutingService(desk, { router: toDesk });
    const t = await ticket(desk);
    await routing.idle();

    const after = await desk.get(t.id);
    expect(after).toMatchObject({
      status: 'assigned',
      assigneeId: 'ada',
      teamId: 'desk',
    });
    const assigned = (await desk.events(t.id)).find(
      (e) => e.type === 'ticket.assigned',
    );
    expect(assigned?.actor).toEqual({ role: 'system', id: null });
    const why = assigned?.data?.routing as {
      strategy: string;
      steps: { considered: unknown[] }[];
    };
    expect(why.strategy).toBe('team_rules');
    expect(why.steps[0]?.considered).toEqual([
      { agentId: 'ada', score: 0 },
      { agentId: 'bo', excluded: 'offline' },
    ]);
    routing.stop();
  });

  it('leaves tickets its `routes` option declines to whoever routes them by hand', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada');
    const { ticket: old } = await desk.submit({
      subject: 'Imported printer jam',
      description: "From last year's log.",
      requester: { email: 'old@example.com' },
      externalId: 'INC0005100',
    });
    const routing = createRoutingService(desk, {
      router: toDesk,
      routes: (t) => !t.externalId,
    });
    const fresh = await ticket(desk);
    await routing.idle();
    expect(await routing.sweep()).toEqual([]);

    expect((await desk.get(old.id))?.assigneeId).toBeNull();
    expect((await desk.get(fresh.id))?.assigneeId).toBe('ada');
    const byHand = await routing.route(old.id);
    expect(byHand.decision).toMatchObject({ agentId: 'ada' });
    routing.stop();
  });

  it('leaves a ticket queued with a routing event when nobody is eligible, once per reason', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada', { capacity: 0 });
    const routing = createRoutingService(desk, { router: toDesk });
    const t = await ticket(desk);
    await routing.idle();
    await routing.sweep();
    await routing.sweep();

    const after = await desk.get(t.id);
    expect(after).toMatchObject({ status: 'new', assigneeId: null });
    const queued = (await desk.events(t.id)).filter(
      (e) => e.type === 'ticket.routing_queued',
    );
    expect(queued).toHaveLength(1);
    expect(queued[0]?.data?.routing).toMatchObject({
      strategy: 'team_rules',
      steps: [{ reason: 'nobody in team desk is eligible' }],
    });

    await agent(desk, 'ada', { capacity: 3 });
    const [routed] = await routing.sweep();
    expect(routed).toMatchObject({
      ticketId: t.id,
      decision: { agentId: 'ada' },
    });
    expect((await desk.get(t.id))?.assigneeId).toBe('ada');
    routing.stop();
  });

  it('returns an unaccepted assignment to the queue and re-routes it to someone else', async () => {
    const { desk, clock } = await routingDesk();
    await agent(desk, 'ada');
    await agent(desk, 'bo');
    const routing = createRoutingService(desk, {
      router: toDesk,
      acceptTimeoutMs: 10 * MINUTE,
    });
    const t = await ticket(desk);
    await routing.idle();
    expect((await desk.get(t.id))?.assigneeId).toBe('ada');

    clock.advance(9 * MINUTE);
    expect(await routing.sweep()).toEqual([]);
    clock.advance(MINUTE);
    const [lapsed] = await routing.sweep();
    expect(lapsed).toMatchObject({
      lapsedBy: 'ada',
      decision: { agentId: 'bo' },
    });
    const reassigned = (await desk.events(t.id)).filter(
      (e) => e.type === 'ticket.assigned',
    );
    expect(reassigned[1]?.data?.routing).toMatchObject({
      steps: [
        {
          considered: [
            { agentId: 'ada', excluded: 'excluded: let this ticket lapse' },
            { agentId: 'bo' },
          ],
        },
      ],
    });

    // bo lets it lapse too: nobody is left, so it goes back to the queue.
    clock.advance(10 * MINUTE);
    await routing.sweep();
    const back = await desk.get(t.id);
    expect(back).toMatchObject({ status: 'open', assigneeId: null });
    const types = (await desk.events(t.id)).map((e) => e.type);
    expect(types.slice(-2)).toEqual([
      'ticket.unassigned',
      'ticket.routing_queued',
    ]);
    // The events alone still rebuild the ticket, routing included.
    expect(rebuildTicket(await desk.events(t.id))).toEqual(back);
    routing.stop();
  });

  it('keeps an assignment the agent accepted or started', async () => {
    const { desk, clock } = await routingDesk();
    await agent(desk, 'ada');
    await agent(desk, 'bo');
    const routing = createRoutingService(desk, {
      router: toDesk,
      acceptTimeoutMs: MINUTE,
    });
    const a = await ticket(desk);
    const b = await ticket(desk);
    await routing.idle();
    expect((await desk.get(a.id))?.assigneeId).toBe('ada');
    expect((await desk.get(b.id))?.assigneeId).toBe('bo');

    await routing.accept(a.id, 'ada');
    await desk.start(b.id, {}, { actor: { role: 'agent', id: 'bo' } });
    await expect(routing.accept(b.id, 'ada')).rejects.toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });
    clock.advance(5 * MINUTE);
    expect(await routing.sweep()).toEqual([]);
    expect((await desk.get(a.id))?.assigneeId).toBe('ada');
    expect((await desk.events(a.id)).map((e) => e.type)).toContain(
      'ticket.routing_accepted',
    );
    routing.stop();
  });

  it('refuses to route a ticket that is not in the queue', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada');
    const routing = createRoutingService(desk, { router: toDesk });
    const t = await ticket(desk);
    await routing.idle();
    await expect(routing.route(t.id)).rejects.toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });
    routing.stop();
  });
});

describe('round robin over one store', () => {
  it('continues the turn after a restart', async () => {
    const store = createMemoryStore();
    const first = await routingDesk(store);
    for (const id of ['ada', 'bo', 'cy']) await agent(first.desk, id);
    const before = createRoutingService(first.desk, { router: toDesk });
    await ticket(first.desk);
    await ticket(first.desk);
    await before.idle();
    before.stop();

    const second = await routingDesk(store);
    const after = createRoutingService(second.desk, { router: toDesk });
    const t = await ticket(second.desk);
    await after.idle();
    expect((await second.desk.get(t.id))?.assigneeId).toBe('cy');
    after.stop();
  });

  it('stays fair between two desks routing at the same time', async () => {
    const store = createMemoryStore();
    const one = await routingDesk(store);
    const two = await routingDesk(store);
    for (const id of ['ada', 'bo', 'cy', 'di']) await agent(one.desk, id);
    const services = [one, two].map(({ desk }) =>
      createRoutingService(desk, { router: toDesk }),
    );
    const desks = [one.desk, two.desk];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => ticket(desks[i % 2]!)),
    );
    await Promise.all(services.map((s) => s.idle()));

    const counts: Record<string, number> = {};
    for (const t of (await one.desk.list({ limit: 100 })).items) {
      counts[t.assigneeId ?? 'none'] =
        (counts[t.assigneeId ?? 'none'] ?? 0) + 1;
    }
    expect(counts).toEqual({ ada: 10, bo: 10, cy: 10, di: 10 });
    const cursor = await store.getRecord('default', 'routing.cursor', 'desk');
    expect(cursor?.version).toBe(40);
    for (const s of services) s.stop();
  });

  it('chains into least loaded when round robin has nobody', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'nia', {}, ['net']);
    const router = chain([
      roundRobin(),
      teamRules({
        rules: [],
        fallbackTeamId: 'net',
        override: true,
        pick: leastLoaded(),
      }),
    ]);
    const routing = createRoutingService(desk, { router });
    // Untriaged: round robin has no team to turn in.
    const t = await ticket(desk);
    await routing.idle();
    expect(await desk.get(t.id)).toMatchObject({
      assigneeId: 'nia',
      teamId: 'net',
    });
    routing.stop();
  });
});
