import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import { parsePriorityMatrix, raisePriority } from '../priority.js';
import { escalateByAge } from './escalate.js';

const HOUR = 3_600_000;

async function waitingTicket() {
  const setup = await staffedDesk();
  const { ticket } = await setup.desk.submit({
    subject: 'Monitor flickers',
    description: 'Since this morning.',
    requester: { email: 'lin@example.com' },
  });
  await setup.desk.triage(
    ticket.id,
    { impact: 'low', urgency: 'medium' },
    { actor: setup.staff.agent },
  );
  return { ...setup, id: ticket.id };
}

describe('priority escalation with age', () => {
  it('raises an unassigned ticket one step per full period, up to the ceiling', async () => {
    const { desk, clock, id } = await waitingTicket();
    expect((await desk.get(id))?.priority).toBe('low');
    const policy = { afterHours: 4, ceiling: 'high' as const };

    clock.advance(3 * HOUR);
    expect(await escalateByAge(desk, policy)).toHaveLength(0);

    clock.advance(1 * HOUR);
    const [raised] = await escalateByAge(desk, policy);
    expect(raised?.ticket.priority).toBe('moderate');
    expect(raised?.event.actor).toEqual({ role: 'system', id: null });
    expect(raised?.ticket.priorityReason).toMatch(
      /unassigned for 4\.0 h: raised from low to moderate/,
    );
    // Running again at the same instant changes nothing.
    expect(await escalateByAge(desk, policy)).toHaveLength(0);

    clock.advance(4 * HOUR);
    expect((await escalateByAge(desk, policy))[0]?.ticket.priority).toBe(
      'high',
    );
    clock.advance(40 * HOUR);
    expect(await escalateByAge(desk, policy)).toHaveLength(0);
    expect((await desk.get(id))?.priority).toBe('high');
  });

  it('leaves assigned tickets alone unless told otherwise', async () => {
    const { desk, clock, staff, id } = await waitingTicket();
    await desk.assign(
      id,
      { assigneeId: 'ada', teamId: 'service-desk' },
      { actor: staff.agent },
    );
    clock.advance(5 * HOUR);
    expect(await escalateByAge(desk, { afterHours: 4 })).toHaveLength(0);
    const all = await escalateByAge(desk, {
      afterHours: 4,
      unassignedOnly: false,
      statuses: ['assigned'],
    });
    expect(all[0]?.ticket.priority).toBe('moderate');
    expect(all[0]?.ticket.priorityReason).toMatch(/^assigned for 5\.0 h/);
  });

  it('leaves tickets created before `createdAfter` alone', async () => {
    const { desk, clock, id } = await waitingTicket();
    const created = (await desk.get(id))!.createdAt;
    clock.advance(5 * HOUR);
    const policy = { afterHours: 4, createdAfter: created };
    expect(await escalateByAge(desk, policy)).toHaveLength(0);
    const earlier = new Date(Date.parse(created) - 1).toISOString();
    const raised = await escalateByAge(desk, {
      ...policy,
      createdAfter: earlier,
    });
    expect(raised).toHaveLength(1);
  });

  it('refuses a policy without a period', async () => {
    const { desk } = await waitingTicket();
    await expect(escalateByAge(desk, { afterHours: 0 })).rejects.toThrow(
      /escalation policy/,
    );
  });
});

describe('the priority matrix', () => {
  it('is checked when it comes from configuration', () => {
    const matrix = parsePriorityMatrix({
      high: { high: 'critical', medium: 'critical', low: 'high' },
      medium: { high: 'high', medium: 'moderate', low: 'low' },
      low: { high: 'moderate', medium: 'low', low: 'planning' },
    });
    expect(matrix.high.medium).toBe('critical');
    expect(() => parsePriorityMatrix({ high: { high: 'critical' } })).toThrow(
      /priority matrix/,
    );
  });

  it('drives triage on a desk that is given one', async () => {
    const { desk, staff } = await staffedDesk({
      priorityMatrix: parsePriorityMatrix({
        high: { high: 'critical', medium: 'critical', low: 'high' },
        medium: { high: 'high', medium: 'moderate', low: 'low' },
        low: { high: 'moderate', medium: 'low', low: 'planning' },
      }),
    });
    const { ticket } = await desk.submit({
      subject: 'Payroll run fails',
      description: 'Every employee is affected.',
      requester: { email: 'hr@example.com' },
    });
    const { ticket: t } = await desk.triage(
      ticket.id,
      { impact: 'high', urgency: 'medium' },
      { actor: staff.agent },
    );
    expect(t.priority).toBe('critical');
  });

  it('raises one step at a time and never past the ceiling', () => {
    expect(raisePriority('planning')).toBe('low');
    expect(raisePriority('high')).toBe('critical');
    expect(raisePriority('critical')).toBe('critical');
    expect(raisePriority('moderate', 'moderate')).toBe('moderate');
    expect(raisePriority('critical', 'high')).toBe('critical');
  });
});
