import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import { createAutomation, TicketryError } from '../index.js';

const ASK = {
  id: 'ask',
  name: 'Ask for logs',
  actions: [
    { type: 'reply' as const, template: 'Logs for {{ticket.ref}}, please.' },
    { type: 'set' as const, addTags: ['logs-requested'] },
    {
      type: 'command' as const,
      command: { type: 'start' as const },
      ifAllowed: true,
    },
    {
      type: 'command' as const,
      command: { type: 'pend' as const, reason: 'requester' as const },
    },
  ],
};

async function setUp() {
  const env = await staffedDesk();
  const { desk, staff } = env;
  const ada = { actor: staff.agent };
  const { ticket } = await desk.submit({
    subject: 'VPN drops',
    description: 'every hour',
    requester: { email: 'grace@example.com' },
  });
  await desk.triage(
    ticket.id,
    { impact: 'low', urgency: 'low', teamId: 'service-desk' },
    ada,
  );
  return { ...env, ada, id: ticket.id };
}

describe('a macro checked before it runs', () => {
  it('is refused up front, naming the step, with nothing written', async () => {
    const { desk, staff, id } = await setUp();
    const automation = createAutomation(desk, { macros: [ASK] });
    const before = (await desk.get(id))!;
    const error = await automation
      .applyMacro(id, 'ask', staff.agent)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketryError);
    expect(error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      details: { step: 3, command: 'pend', status: 'open', applied: [] },
    });
    expect((error as Error).message).toMatch(
      /macro ask, step 4 \(command\): sends pend to a ticket that is open/,
    );
    expect((await desk.get(id))!.version).toBe(before.version);
  });

  it('skips an ifAllowed step the status refuses and runs on an assigned ticket', async () => {
    const { desk, staff, ada, id } = await setUp();
    const automation = createAutomation(desk, { macros: [ASK] });
    await desk.assign(id, { assigneeId: 'ada' }, ada);
    const assigned = await automation.applyMacro(id, 'ask', staff.agent);
    expect(assigned.ticket).toMatchObject({
      status: 'pending',
      pendingReason: 'requester',
    });
    expect(assigned.outcomes.map((o) => o.applied)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    // In progress already: the start step is skipped, not failed.
    const resumed = await desk.resume(id, {}, ada);
    expect(resumed.ticket.status).toBe('in_progress');
    const again = await automation.applyMacro(id, 'ask', staff.agent);
    expect(again.outcomes[2]).toMatchObject({ applied: false });
    expect(again.ticket.status).toBe('pending');
  });

  it('lists the applied steps when a step fails while running', async () => {
    const { desk, staff, ada, id } = await setUp();
    await desk.assign(id, { assigneeId: 'ada' }, ada);
    await desk.start(id, {}, ada);
    // A check the lifecycle table cannot see refuses the pend.
    desk.core.addCheck((_t, c) => {
      if (c.type === 'pend') {
        throw new TicketryError('TRANSITION_NOT_ALLOWED', 'held by a module');
      }
    });
    const automation = createAutomation(desk, { macros: [ASK] });
    const error = await automation
      .applyMacro(id, 'ask', staff.agent)
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /step 4 \(command\): held by a module; steps before it stay applied \(reply, set\)/,
    );
    const applied = (error as TicketryError).details?.applied as {
      type: string;
      applied: boolean;
    }[];
    expect(applied.map((o) => [o.type, o.applied])).toEqual([
      ['reply', true],
      ['set', true],
      ['command', false],
    ]);
  });
});
