import { describe, expect, it } from 'vitest';
import { availability } from './availability.js';
import { chain } from './chain.js';
import { leastLoaded } from './least-loaded.js';
import { roundRobin } from './round-robin.js';
import { skillsMatch } from './skills.js';
import { teamRules } from './team-rules.js';
import { agent, ctxOf, routingDesk, ticket } from './test-support.js';
import type { RoutingDecision } from './types.js';

const chosen = (d: RoutingDecision) => (d.queued ? null : d.agentId);
const system = { role: 'system', id: null } as const;

describe('round robin', () => {
  it('gives each eligible agent of the team a turn, in id order', async () => {
    const { desk } = await routingDesk();
    for (const id of ['cy', 'ada', 'bo']) await agent(desk, id);
    const t = await ticket(desk, { team: 'desk' });
    const router = roundRobin();
    const picks: (string | null)[] = [];
    for (let i = 0; i < 6; i++)
      picks.push(chosen(await router.route(t, ctxOf(desk))));
    expect(picks).toEqual(['ada', 'bo', 'cy', 'ada', 'bo', 'cy']);
  });

  it('skips an agent who became ineligible without losing the turn', async () => {
    const { desk } = await routingDesk();
    for (const id of ['ada', 'bo', 'cy']) await agent(desk, id);
    const t = await ticket(desk, { team: 'desk' });
    const router = roundRobin();
    expect(chosen(await router.route(t, ctxOf(desk)))).toBe('ada');
    await agent(desk, 'bo', { status: 'offline' });
    const next = await router.route(t, ctxOf(desk));
    expect(chosen(next)).toBe('cy');
    expect(next.explanation.considered).toContainEqual({
      agentId: 'bo',
      excluded: 'offline',
    });
  });
});

describe('least loaded', () => {
  it('weighs open work by priority and respects capacity', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada', { capacity: 1 });
    await agent(desk, 'bo');
    await agent(desk, 'cy');
    const a = await ticket(desk, { team: 'desk' });
    await desk.assign(a.id, { assigneeId: 'ada' }, { actor: system });
    const b = await ticket(desk, { team: 'desk' });
    await desk.triage(
      b.id,
      { impact: 'high', urgency: 'high' },
      { actor: system },
    );
    await desk.assign(b.id, { assigneeId: 'bo' }, { actor: system });
    const c = await ticket(desk, { team: 'desk' });
    await desk.assign(c.id, { assigneeId: 'cy' }, { actor: system });
    await desk.start(c.id, {}, { actor: { role: 'agent', id: 'cy' } });

    const d = await ticket(desk, { team: 'desk' });
    const decision = await leastLoaded().route(d, ctxOf(desk));
    // ada is full (1 of 1); bo holds a critical ticket (8), cy a moderate one (2).
    expect(chosen(decision)).toBe('cy');
    expect(decision.explanation.considered).toEqual([
      { agentId: 'ada', score: 2, excluded: 'at capacity (1 of 1 open)' },
      { agentId: 'bo', score: 8 },
      { agentId: 'cy', score: 2 },
    ]);
  });

  it('leaves the ticket queued when everybody is full, out of office or inactive', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada', { capacity: 0 });
    await agent(desk, 'bo', { outOfOffice: { until: '2024-03-08T00:00:00Z' } });
    await desk.createAgent({
      id: 'cy',
      name: 'cy',
      role: 'agent',
      teamIds: ['desk'],
      active: false,
    });
    const t = await ticket(desk, { team: 'desk' });
    const decision = await leastLoaded().route(t, ctxOf(desk));
    expect(decision.queued).toBe(true);
    expect(decision.reason).toBe('nobody in team desk is eligible');
    expect(decision.explanation.considered.map((c) => c.excluded)).toEqual([
      'at capacity (0 of 0 open)',
      'out of office until 2024-03-08T00:00:00Z',
      'inactive',
    ]);
  });

  it('takes an agent back once the out-of-office ends', async () => {
    const { desk, clock } = await routingDesk();
    await agent(desk, 'bo', { outOfOffice: { until: '2024-03-04T12:00:00Z' } });
    const t = await ticket(desk, { team: 'desk' });
    expect((await leastLoaded().route(t, ctxOf(desk))).queued).toBe(true);
    clock.set('2024-03-04T12:00:00Z');
    expect(chosen(await leastLoaded().route(t, ctxOf(desk)))).toBe('bo');
  });

  it('queues a ticket without a team, saying so', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada');
    const t = await ticket(desk);
    const decision = await leastLoaded().route(t, ctxOf(desk));
    expect(decision).toMatchObject({
      queued: true,
      reason: 'the ticket has no team; triage it or add a team rule',
    });
  });
});

describe('skills match', () => {
  it('prefers the agents who cover most of the category and tags', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada', { skills: ['VPN'] });
    await agent(desk, 'bo', { skills: ['vpn', 'windows'] });
    await agent(desk, 'cy', { skills: ['printers'] });
    const t = await ticket(desk, {
      team: 'desk',
      category: 'vpn',
      tags: ['windows'],
    });
    const decision = await skillsMatch().route(t, ctxOf(desk));
    expect(chosen(decision)).toBe('bo');
    expect(decision.explanation.considered).toEqual([
      { agentId: 'ada', score: 1, excluded: 'has 1 of the 2 skills needed' },
      { agentId: 'bo', score: 2 },
      { agentId: 'cy', score: 0, excluded: 'has 0 of the 2 skills needed' },
    ]);
    expect(decision.explanation.steps?.[0]?.strategy).toBe('least_loaded');
  });

  it("in 'all' mode queues when nobody has every skill", async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada', { skills: ['vpn'] });
    const t = await ticket(desk, {
      team: 'desk',
      category: 'vpn',
      tags: ['mac'],
    });
    const decision = await skillsMatch({ mode: 'all' }).route(t, ctxOf(desk));
    expect(decision).toMatchObject({
      queued: true,
      reason: 'no eligible agent has all of the skills vpn, mac',
    });
  });
});

describe('availability', () => {
  const berlinDays = {
    timeZone: 'Europe/Berlin',
    workingHours: { sun: [['08:00', '12:00']] as [string, string][] },
  };

  it('reads working hours in the agent zone across the spring DST change', async () => {
    // 31 March 2024: Berlin moves from UTC+1 to UTC+2 at 02:00 local.
    const { desk, clock } = await routingDesk(
      undefined,
      '2024-03-31T06:30:00Z',
    );
    await agent(desk, 'ada', berlinDays);
    const t = await ticket(desk, { team: 'desk' });
    // 06:30 UTC is 08:30 CEST: at work (it would be 07:30 under CET).
    expect(chosen(await availability().route(t, ctxOf(desk)))).toBe('ada');
    clock.set('2024-03-31T05:30:00Z'); // 07:30 CEST: not yet
    const early = await availability().route(t, ctxOf(desk));
    expect(early).toMatchObject({
      queued: true,
      reason: 'no eligible agent is at work now',
    });
    expect(early.explanation.considered[0]?.excluded).toBe(
      'outside working hours (2024-03-31T07:30 in Europe/Berlin)',
    );
    clock.set('2024-03-31T10:00:00Z'); // 12:00 CEST: closed
    expect((await availability().route(t, ctxOf(desk))).queued).toBe(true);
  });

  it('reads the autumn DST change too, and skips away agents', async () => {
    // 27 October 2024: Berlin goes back to UTC+1; 07:30 UTC is 08:30 CET.
    const { desk } = await routingDesk(undefined, '2024-10-27T07:30:00Z');
    await agent(desk, 'ada', berlinDays);
    await agent(desk, 'bo', { status: 'away' });
    const t = await ticket(desk, { team: 'desk' });
    const decision = await availability().route(t, ctxOf(desk));
    expect(chosen(decision)).toBe('ada');
    expect(decision.explanation.considered).toContainEqual({
      agentId: 'bo',
      excluded: 'away',
    });
  });
});

describe('team rules and chains', () => {
  it('sends a category to its team, then picks inside it', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada');
    await agent(desk, 'nia', {}, ['net']);
    const t = await ticket(desk, { category: 'network' });
    const router = teamRules({
      rules: [{ category: 'network', teamId: 'net' }],
      fallbackTeamId: 'desk',
    });
    const decision = await router.route(t, ctxOf(desk));
    expect(decision).toMatchObject({ agentId: 'nia', teamId: 'net' });
    expect(decision.reason).toMatch(
      /^rule 1 sends it to team net; nia carries/,
    );
    const other = await ticket(desk, { category: 'printers' });
    expect(await router.route(other, ctxOf(desk))).toMatchObject({
      agentId: 'ada',
      teamId: 'desk',
    });
  });

  it('falls back to the next router and keeps every reason when all queue', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada', { skills: ['printers'] });
    const t = await ticket(desk, { team: 'desk', category: 'vpn' });
    const strict = chain([skillsMatch({ mode: 'all' }), roundRobin()]);
    const decision = await strict.route(t, ctxOf(desk));
    expect(decision).toMatchObject({ agentId: 'ada' });
    expect(decision.reason).toMatch(/^fallback 2 \(round_robin\)/);
    expect(decision.explanation.steps?.map((s) => s.strategy)).toEqual([
      'skills',
      'round_robin',
    ]);

    await agent(desk, 'ada', { skills: ['printers'], status: 'offline' });
    const none = await strict.route(t, ctxOf(desk));
    expect(none.queued).toBe(true);
    expect(none.reason).toBe(
      'skills: nobody in team desk is eligible; round_robin: nobody in team desk is eligible',
    );
  });

  it('never assigns an agent the caller excluded', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada');
    const t = await ticket(desk, { team: 'desk' });
    const decision = await roundRobin().route(
      t,
      ctxOf(desk, { exclude: ['ada'] }),
    );
    expect(decision.queued).toBe(true);
  });
});

describe('explanations', () => {
  it('are cut to what the assign command takes, however deep or wide', async () => {
    const { routingExplanationSchema, trimExplanation, MAX_EXPLANATION_DEPTH } =
      await import('../schemas/routing.js');
    type E = import('../schemas/routing.js').RoutingExplanation;
    const wide = Array.from({ length: 1500 }, (_, i) => ({ agentId: `a${i}` }));
    const node = (steps?: E[]): E => ({
      strategy: 'chain',
      teamId: null,
      agentId: null,
      reason: 'y',
      considered: wide,
      ...(steps && { steps }),
    });
    let e = node();
    for (let i = 0; i < MAX_EXPLANATION_DEPTH + 3; i++) e = node([e]);
    expect(routingExplanationSchema.safeParse(e).success).toBe(false);
    const trimmed = trimExplanation(e);
    expect(routingExplanationSchema.safeParse(trimmed).success).toBe(true);
    let depth = 0;
    for (let at: E | undefined = trimmed; at; at = at.steps?.[0]) depth++;
    expect(depth).toBe(MAX_EXPLANATION_DEPTH);
    expect(trimmed.considered).toHaveLength(1000);
  });
});
