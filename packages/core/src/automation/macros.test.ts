import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import {
  ConflictError,
  createAutomation,
  loadRules,
  markerOf,
  RULES_KIND,
  TicketryError,
} from '../index.js';

const MACROS = [
  {
    id: 'need-logs',
    name: 'Ask for logs',
    actions: [
      {
        type: 'reply' as const,
        template: 'Could you send the logs for {{ticket.ref}}?',
        as: 'sam',
      },
      { type: 'set' as const, addTags: ['logs-requested'] },
      {
        type: 'command' as const,
        command: { type: 'pend' as const, reason: 'requester' as const },
      },
    ],
  },
  {
    id: 'close-now',
    name: 'Close',
    actions: [
      { type: 'command' as const, command: { type: 'close' as const } },
    ],
  },
];

async function setUp() {
  const env = await staffedDesk();
  const { desk, staff } = env;
  const automation = createAutomation(desk, { macros: MACROS });
  const { ticket } = await desk.submit({
    subject: 'VPN drops',
    description: 'every hour',
    requester: { email: 'grace@example.com' },
  });
  const ada = { actor: staff.agent };
  await desk.triage(
    ticket.id,
    { impact: 'low', urgency: 'low', teamId: 'service-desk' },
    ada,
  );
  await desk.assign(ticket.id, { assigneeId: 'ada' }, ada);
  await desk.start(ticket.id, {}, ada);
  return { ...env, automation, id: ticket.id, ref: ticket.ref };
}

describe('macros', () => {
  it('apply every step as the agent, who also sends the reply', async () => {
    const { desk, automation, staff, id, ref } = await setUp();
    const { ticket, outcomes } = await automation.applyMacro(
      id,
      'need-logs',
      staff.agent,
    );
    expect(outcomes.every((o) => o.applied)).toBe(true);
    expect(ticket.status).toBe('pending');
    expect(ticket.tags).toContain('logs-requested');
    const auto = (await desk.events(id)).filter((e) => markerOf(e));
    expect(auto.map((e) => e.type)).toEqual([
      'ticket.replied',
      'ticket.updated',
      'ticket.pended',
    ]);
    // `as` in a macro does not let ada speak as sam.
    expect(auto.every((e) => e.actor.id === 'ada')).toBe(true);
    expect(auto[0]!.data?.body).toBe(`Could you send the logs for ${ref}?`);
  });

  it("stop at the step the agent's role may not take, naming it", async () => {
    const { automation, staff, id } = await setUp();
    const error = await automation
      .applyMacro(id, 'close-now', staff.agent)
      .catch((e) => e);
    expect(error).toBeInstanceOf(TicketryError);
    expect(error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(error.message).toMatch(/macro close-now, step 1 \(command\)/);
  });

  it('refuse requesters, the system, unknown macros and stale versions', async () => {
    const { desk, automation, staff, id } = await setUp();
    const t = (await desk.get(id))!;
    const requester = { role: 'requester' as const, id: t.requesterId };
    await expect(
      automation.applyMacro(id, 'need-logs', requester),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      automation.applyMacro(id, 'need-logs', staff.system),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      automation.applyMacro(id, 'nope', staff.agent),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      automation.applyMacro(id, 'need-logs', staff.agent, t.version - 1),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await desk.get(id))!.version).toBe(t.version);
  });
});

describe('stored rules', () => {
  it('save, load into another automation, and refuse a stale version', async () => {
    const { desk, automation } = await setUp();
    expect(automation.rules('macros').version).toBe(0);
    const saved = await automation.save('macros', [MACROS[1]], 0);
    expect(saved.version).toBe(1);
    expect(
      (await loadRules(desk.store, desk.siteId, 'macros'))!.items.map(
        (m) => m.id,
      ),
    ).toEqual(['close-now']);
    const record = await desk.store.getRecord(
      desk.siteId,
      RULES_KIND,
      'macros',
    );
    expect(record?.version).toBe(1);

    const other = createAutomation(desk, { macros: MACROS });
    expect(other.rules('macros').items).toHaveLength(2);
    await other.load();
    expect(other.rules('macros').items.map((m) => m.id)).toEqual(['close-now']);
    await expect(other.save('macros', MACROS, 0)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      automation.save('triggers', [{ id: 'Bad Id', on: [], actions: [] }], 0),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
