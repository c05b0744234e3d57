import { describe, expect, it, vi } from 'vitest';
import { createDesk } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import {
  clockOf,
  slaDesk,
  standardPolicy,
  standardSla,
  triaged,
} from './test-support.js';

const SLA_TYPES = [
  'ticket.sla_warned',
  'ticket.sla_breached',
  'ticket.escalated',
  'ticket.reminded',
];

async function timerEvents(
  desk: { events(id: string): Promise<{ type: string; data: unknown }[]> },
  id: string,
) {
  return (await desk.events(id)).filter((e) => SLA_TYPES.includes(e.type));
}

describe('desk.tick()', () => {
  it('fires each due warning, breach and escalation level once, in due order', async () => {
    const env = await slaDesk();
    const t = await triaged(env);
    env.clock.set('2024-03-08T12:00:00Z');
    const fired = await env.desk.tick();
    expect(fired.map((r) => r.event.type)).toEqual([
      'ticket.sla_warned',
      'ticket.sla_breached',
      'ticket.sla_warned',
      'ticket.escalated',
      'ticket.sla_breached',
      'ticket.escalated',
    ]);
    expect(
      fired.map((r) => (r.event.data as { timerId: string }).timerId),
    ).toEqual([
      'firstResponse.1.warning.0',
      'firstResponse.1.breach',
      'resolution.1.warning.0',
      'resolution.1.escalation.1',
      'resolution.1.breach',
      'resolution.1.escalation.2',
    ]);
    expect(fired.every((r) => r.event.actor.role === 'system')).toBe(true);
    expect(fired.every((r) => r.ticket.status === 'open')).toBe(true);
    const after = (await env.desk.get(t.id))!;
    expect(clockOf(after, 'resolution')?.breachedAt).toBe(
      '2024-03-06T10:00:00.000Z',
    );
    expect(after.sla?.escalationLevel).toBe(2);
    expect(await env.desk.tick()).toEqual([]);
    expect(await timerEvents(env.desk, t.id)).toHaveLength(6);
  });

  it('fires nothing at the deadline itself: an answer at the closing time still meets it', async () => {
    const env = await slaDesk();
    const t = await triaged(env);
    env.clock.set('2024-03-04T13:00:00Z'); // 14:00 Berlin, the deadline
    const atDeadline = await env.desk.tick();
    expect(atDeadline.map((r) => r.event.type)).toEqual(['ticket.sla_warned']);
    const { ticket } = await env.desk.reply(t.id, { body: 'On it' }, env.ada);
    expect(clockOf(ticket, 'firstResponse')?.met).toBe(true);
    env.clock.set('2024-03-04T13:00:00.001Z');
    expect(await env.desk.tick()).toEqual([]);
  });

  it('fires after a restart only what the first desk had not fired', async () => {
    const store = createMemoryStore();
    const first = await slaDesk({ store });
    const t = await triaged(first);
    first.clock.set('2024-03-04T12:00:00Z');
    expect(await first.desk.tick()).toHaveLength(1);
    const again = await slaDesk({
      store: createMemoryStore({ data: store.data }),
    });
    again.clock.set('2024-03-04T12:00:00Z');
    expect(await again.desk.tick()).toEqual([]);
    again.clock.set('2024-03-04T14:00:00Z');
    expect((await again.desk.tick()).map((r) => r.event.type)).toEqual([
      'ticket.sla_breached',
    ]);
    expect(await timerEvents(again.desk, t.id)).toHaveLength(2);
  });

  it('fires each timer once when two desks tick one store at the same instant', async () => {
    const store = createMemoryStore();
    const a = await slaDesk({ store });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await triaged(a)).id);
    const other = createMemoryStore({ data: store.data });
    let conflicts = 0;
    const commit = other.commit.bind(other);
    other.commit = (write) =>
      commit(write).catch((error: { code?: string }) => {
        if (error.code === 'VERSION_CONFLICT') conflicts += 1;
        throw error;
      });
    const b = await slaDesk({ store: other });
    const now = new Date('2024-03-08T12:00:00Z');
    const [fromA, fromB] = await Promise.all([
      a.desk.tick(now),
      b.desk.tick(now),
    ]);
    expect(fromA.length + fromB.length).toBe(5 * 6);
    // The race really happened: the second desk lost some commits.
    expect(conflicts).toBeGreaterThan(0);
    for (const id of ids) {
      const events = await timerEvents(a.desk, id);
      const timerIds = events.map(
        (e) => (e.data as { timerId: string }).timerId,
      );
      expect(new Set(timerIds).size).toBe(6);
      expect(timerIds).toHaveLength(6);
    }
  });

  it('raises the priority, reassigns and runs the automation of an escalation', async () => {
    const page = vi.fn();
    const onEscalation = vi.fn();
    const policy = {
      ...standardPolicy,
      escalations: [
        {
          level: 1,
          target: 'resolution' as const,
          offset: '-1h',
          actions: [
            { type: 'raise_priority' as const },
            { type: 'reassign' as const, assigneeId: 'sam' },
            { type: 'automation' as const, name: 'page' },
          ],
        },
      ],
    };
    const env = await slaDesk({
      sla: { ...standardSla, policies: [policy] },
      slaHooks: { automations: { page }, onEscalation },
    });
    const t = await triaged(env);
    await env.desk.assign(t.id, { assigneeId: 'ada' }, env.ada);
    env.clock.set('2024-03-06T09:00:00Z');
    const fired = await env.desk.tick();
    const escalation = fired.find((r) => r.event.type === 'ticket.escalated')!;
    expect(escalation.ticket).toMatchObject({
      priority: 'high',
      priorityReason: 'SLA escalation level 1',
      assigneeId: 'sam',
      status: 'assigned',
    });
    expect(escalation.event.data).toMatchObject({
      level: 1,
      outcomes: [
        { type: 'raise_priority', applied: true },
        { type: 'reassign', applied: true },
        { type: 'automation', applied: true },
      ],
    });
    // High priority has an 8 h resolution target: the deadline moved back.
    expect(clockOf(escalation.ticket, 'resolution')?.targetMs).toBe(
      8 * 3_600_000,
    );
    expect(page).toHaveBeenCalledTimes(1);
    expect(onEscalation).toHaveBeenCalledWith(
      expect.objectContaining({ level: 1, ticket: escalation.ticket }),
    );
    await env.desk.tick();
    expect(page).toHaveBeenCalledTimes(1);
  });

  it('reports a failing hook after firing everything due', async () => {
    const store = createMemoryStore();
    const env = await slaDesk({
      store,
      slaHooks: {
        automations: {
          page: () => {
            throw new Error('pager down');
          },
        },
      },
    });
    const t = await triaged(env);
    env.clock.set('2024-03-08T12:00:00Z');
    await expect(env.desk.tick()).rejects.toMatchObject({
      code: 'INTERNAL_ERROR',
      cause: new Error('pager down'),
    });
    expect(await timerEvents(env.desk, t.id)).toHaveLength(6);
    const errors: unknown[] = [];
    const quiet = await slaDesk({
      store: createMemoryStore({ data: store.data }),
      slaHooks: {
        automations: { page: () => {} },
        onHookError: (e) => errors.push(e),
      },
    });
    expect(await quiet.desk.tick(new Date('2024-03-08T12:00:00Z'))).toEqual([]);
  });

  it('refuses a policy naming an automation the desk was not given', () => {
    expect(() =>
      createDesk({ store: createMemoryStore(), sla: standardSla }),
    ).toThrow(/automation "page"/);
  });

  it('reminds a requester twice while the ticket waits on them, then stops', async () => {
    const env = await slaDesk();
    const t = await triaged(env);
    await env.desk.assign(t.id, { assigneeId: 'ada' }, env.ada);
    await env.desk.start(t.id, {}, env.ada);
    await env.desk.reply(t.id, { body: 'Which laptop?' }, env.ada);
    const { ticket } = await env.desk.pend(
      t.id,
      { reason: 'requester' },
      env.ada,
    );
    // 8 business hours from Monday 09:00: Tuesday 10:00; 16: Wednesday 11:00.
    expect(ticket.sla?.timers).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        at: '2024-03-05T09:00:00.000Z',
      }),
    ]);
    env.clock.set('2024-03-11T08:00:00Z');
    const fired = await env.desk.tick();
    expect(
      fired.map((r) => [
        r.event.type,
        (r.event.data as { reminder: number }).reminder,
      ]),
    ).toEqual([
      ['ticket.reminded', 1],
      ['ticket.reminded', 2],
    ]);
    expect(fired.every((r) => r.ticket.status === 'pending')).toBe(true);
    expect(await env.desk.tick(new Date('2024-04-01T00:00:00Z'))).toEqual([]);
  });

  it('still closes resolved tickets when their auto-close time comes, once', async () => {
    const env = await slaDesk();
    const t = await triaged(env);
    await env.desk.resolve(t.id, { code: 'fixed', note: 'Done' }, env.ada);
    env.clock.set('2024-03-09T08:00:01Z');
    const fired = await env.desk.tick();
    expect(fired.map((r) => r.event.type)).toEqual(['ticket.closed']);
    expect(await env.desk.tick()).toEqual([]);
  });
});
