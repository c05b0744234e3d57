import { createDesk, createManualClock, rebuildTicket } from '@ticketry/core';
import { expect, it } from 'vitest';
import { describeOnDatabases } from './test-support.js';

const DAY = 24 * 60 * 60 * 1000;

describeOnDatabases('a desk on the postgres store', ({ open }) => {
  it('runs a ticket from submission to auto-close and keeps it across a reopen', async () => {
    const store = await open();
    const clock = createManualClock('2024-03-04T09:00:00.000Z');
    const desk = createDesk({ store, clock });
    await desk.createTeam({ id: 'net', name: 'Network' });
    await desk.createAgent({
      id: 'ada',
      name: 'Ada',
      role: 'agent',
      teamIds: ['net'],
    });
    const ada = { actor: { role: 'agent', id: 'ada' } } as const;
    const submission = {
      subject: 'VPN drops every hour',
      description: 'Since Monday the VPN disconnects on the hour.',
      requester: { email: 'Grace@Example.com', name: 'Grace' },
    };
    const { ticket } = await desk.submit(submission, {
      idempotencyKey: 'submit-0001',
    });
    const retry = await desk.submit(submission, {
      idempotencyKey: 'submit-0001',
    });
    expect(retry.replayed).toBe(true);
    expect(retry.ticket.id).toBe(ticket.id);
    await desk.triage(
      ticket.id,
      { impact: 'high', urgency: 'high', teamId: 'net' },
      ada,
    );
    await desk.assign(ticket.id, { assigneeId: 'ada' }, ada);
    await desk.start(ticket.id, {}, ada);
    await desk.resolve(ticket.id, { code: 'fixed', note: 'Firmware.' }, ada);
    expect((await desk.list({ assigneeId: 'ada' })).items).toHaveLength(1);

    clock.advance(10 * DAY);
    const closed = await desk.tick();
    expect(closed.map((c) => c.ticket.id)).toEqual([ticket.id]);
    await store.close();

    const again = createDesk({
      store: await open({ schema: store.schema }),
      clock,
    });
    const stored = await again.get(ticket.id);
    expect(stored?.status).toBe('closed');
    const events = await again.events(ticket.id);
    expect(events.map((e) => e.type)).toEqual([
      'ticket.submitted',
      'ticket.triaged',
      'ticket.assigned',
      'ticket.started',
      'ticket.resolved',
      'ticket.closed',
    ]);
    expect(rebuildTicket(events)).toEqual(stored);
    const next = await again.submit({ ...submission, subject: 'Another' });
    expect(next.ticket.requesterId).toBe(ticket.requesterId);
    expect(next.ticket.ref).not.toBe(ticket.ref);
  });

  it('closes each due ticket once when two desks tick at the same instant', async () => {
    const clock = createManualClock('2024-03-04T09:00:00.000Z');
    const storeA = await open();
    const a = createDesk({ store: storeA, clock });
    const b = createDesk({
      store: await open({ schema: storeA.schema }),
      clock,
    });
    const system = { actor: { role: 'system', id: null } } as const;
    await a.createTeam({ id: 'net', name: 'Network' });
    await a.createAgent({
      id: 'sam',
      name: 'Sam',
      role: 'supervisor',
      teamIds: ['net'],
    });
    const sam = { actor: { role: 'supervisor', id: 'sam' } } as const;
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { ticket } = await a.submit({
        subject: `Due ${i}`,
        description: 'Resolves, then closes itself.',
        requester: { email: 'r@example.com' },
      });
      await a.triage(
        ticket.id,
        { impact: 'low', urgency: 'low', teamId: 'net' },
        system,
      );
      await a.assign(ticket.id, { assigneeId: 'sam' }, sam);
      await a.resolve(ticket.id, { code: 'fixed', note: 'Done.' }, sam);
      ids.push(ticket.id);
    }
    clock.advance(10 * DAY);
    const [byA, byB] = await Promise.all([a.tick(), b.tick()]);
    expect(byA.length + byB.length).toBe(30);
    const closedBy = [...byA, ...byB].map((c) => c.ticket.id).sort();
    expect(closedBy).toEqual([...ids].sort());
    for (const id of ids) {
      const events = await a.events(id);
      expect(events.filter((e) => e.type === 'ticket.closed')).toHaveLength(1);
    }
  });
});
