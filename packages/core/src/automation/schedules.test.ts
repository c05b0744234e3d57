import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import {
  createAutomation,
  FIRING_KIND,
  markerOf,
  type Notice,
} from '../index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const submission = (subject: string, category?: string) => ({
  subject,
  description: `${subject}: details`,
  requester: { email: 'grace@example.com' },
  ...(category && { fields: { area: category } }),
});

async function workedDesk() {
  const env = await staffedDesk();
  const { desk, staff } = env;
  const ada = { actor: staff.agent };
  /** A ticket assigned to ada and in progress. */
  const working = async (subject: string) => {
    const { ticket } = await desk.submit(submission(subject));
    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', teamId: 'service-desk' },
      ada,
    );
    await desk.assign(ticket.id, { assigneeId: 'ada' }, ada);
    await desk.start(ticket.id, {}, ada);
    return ticket.id;
  };
  return { ...env, ada, working };
}

describe('scheduled rules', () => {
  it('remind a requester once per pending period, and again after they answer and it pends again', async () => {
    const { desk, clock, ada, working } = await workedDesk();
    const notices: Notice[] = [];
    const automation = createAutomation(desk, {
      notify: (n) => {
        notices.push(n);
      },
      schedules: [
        {
          id: 'nudge',
          kind: 'remind_pending',
          afterHours: 24,
          actions: [
            {
              type: 'notify',
              to: ['requester'],
              template: 'Still waiting on you for {{ticket.ref}}',
            },
          ],
        },
      ],
    });
    const id = await working('needs logs');
    const other = await working('waiting on vendor');
    await desk.pend(id, { reason: 'requester' }, ada);
    await desk.pend(other, { reason: 'vendor' }, ada);

    clock.advance(23 * HOUR);
    expect(await automation.runSchedules()).toHaveLength(0);
    clock.advance(2 * HOUR);
    const first = await automation.runSchedules();
    expect(first.map((r) => r.ticketId)).toEqual([id]);
    clock.advance(30 * HOUR);
    expect(await automation.runSchedules()).toHaveLength(0);
    expect(notices).toHaveLength(1);

    const t = (await desk.get(id))!;
    await desk.reply(
      id,
      { body: 'here are the logs' },
      { actor: { role: 'requester', id: t.requesterId } },
    );
    await desk.pend(id, { reason: 'requester' }, ada);
    clock.advance(25 * HOUR);
    expect((await automation.runSchedules()).map((r) => r.ticketId)).toEqual([
      id,
    ]);
    expect(notices).toHaveLength(2);
  });

  it('escalate a stale ticket once: priority up, reassigned, with the marker on each event', async () => {
    const { desk, clock, working } = await workedDesk();
    await desk.createAgent({
      id: 'lead',
      name: 'Lead',
      role: 'supervisor',
      teamIds: ['service-desk'],
    });
    const automation = createAutomation(desk, {
      schedules: [
        {
          id: 'stale',
          kind: 'escalate_stale',
          afterHours: 48,
          conditions: {
            all: [{ field: 'ticket.priority', op: 'ne', value: 'critical' }],
          },
          actions: [
            { type: 'raise_priority' },
            { type: 'assign', assigneeId: 'lead' },
          ],
        },
      ],
    });
    const id = await working('slow one');
    const before = (await desk.get(id))!;
    clock.advance(49 * HOUR);
    const runs = await automation.runSchedules();
    expect(runs).toHaveLength(1);
    const after = (await desk.get(id))!;
    expect(after.priority).not.toBe(before.priority);
    expect(after.assigneeId).toBe('lead');
    const auto = (await desk.events(id)).filter((e) => markerOf(e));
    expect(auto.map((e) => markerOf(e))).toEqual([
      { ruleId: 'stale', kind: 'schedule', depth: 1 },
      { ruleId: 'stale', kind: 'schedule', depth: 1 },
    ]);
    // Our own escalation is an update, but not a new stale condition.
    clock.advance(10 * DAY);
    expect(await automation.runSchedules()).toHaveLength(0);
  });

  it('fire once across two automations on one store (two processes)', async () => {
    const { desk, clock, working } = await workedDesk();
    const schedule = {
      id: 'stale',
      kind: 'escalate_stale' as const,
      afterHours: 1,
      actions: [{ type: 'note' as const, template: 'stale {{ticket.ref}}' }],
    };
    const a = createAutomation(desk, { schedules: [schedule] });
    const b = createAutomation(desk, { schedules: [schedule] });
    const ids = [
      await working('one'),
      await working('two'),
      await working('three'),
    ];
    clock.advance(2 * HOUR);
    const [ra, rb] = await Promise.all([a.runSchedules(), b.runSchedules()]);
    expect([...ra, ...rb].map((r) => r.ticketId).sort()).toEqual(
      [...ids].sort(),
    );
    for (const id of ids) {
      const notes = (await desk.events(id)).filter(
        (e) => e.type === 'ticket.noted',
      );
      expect(notes).toHaveLength(1);
    }
    const firings = await desk.store.listRecords(desk.siteId, FIRING_KIND);
    expect(firings).toHaveLength(3);
  });

  it('close resolved tickets of one kind sooner than the desk, and leave the rest to its auto-close', async () => {
    const { desk, clock, ada, working } = await workedDesk();
    const automation = createAutomation(desk, {
      schedules: [
        {
          id: 'close-questions',
          kind: 'close_resolved',
          afterDays: 2,
          conditions: {
            all: [{ field: 'ticket.category', op: 'eq', value: 'question' }],
          },
        },
      ],
    });
    const question = await working('how do I');
    const incident = await working('it broke');
    await desk.triage(
      question,
      { impact: 'low', urgency: 'low', category: 'question' },
      ada,
    );
    for (const id of [question, incident]) {
      await desk.resolve(id, { code: 'answered', note: 'done' }, ada);
    }
    clock.advance(2 * DAY + HOUR);
    const runs = await automation.runSchedules();
    expect(runs.map((r) => r.ticketId)).toEqual([question]);
    expect((await desk.get(question))!.status).toBe('closed');
    expect((await desk.get(incident))!.status).toBe('resolved');

    // Past the desk's own 5 days the schedule stands aside for tick().
    clock.advance(4 * DAY);
    expect(await automation.runSchedules()).toHaveLength(0);
    const ticked = await desk.tick();
    expect(ticked.map((r) => r.ticket.id)).toEqual([incident]);
  });

  it('leave tickets the desk would close anyway when the schedule is looser than the desk', async () => {
    const { desk, clock, ada, working } = await workedDesk();
    const automation = createAutomation(desk, {
      schedules: [{ id: 'close-late', kind: 'close_resolved', afterDays: 9 }],
    });
    const id = await working('x');
    await desk.resolve(id, { code: 'fixed', note: 'done' }, ada);
    clock.advance(10 * DAY);
    expect(await automation.runSchedules()).toHaveLength(0);
    expect((await desk.tick()).map((r) => r.ticket.id)).toEqual([id]);
  });
});
