import { createDesk, createManualClock, rebuildTicket } from '@ticketry/core';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStore } from './index.js';
import { tempFiles } from './test-support.js';

const files = tempFiles();
afterAll(() => files.remove());

const DAY = 24 * 60 * 60 * 1000;

describe('a desk on the sqlite store', () => {
  it('runs a ticket from submission to auto-close and keeps it across a reopen', async () => {
    const filename = files.file('desk');
    const clock = createManualClock('2024-03-04T09:00:00.000Z');
    const desk = createDesk({ store: sqliteStore({ filename }), clock });
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
    await desk.resolve(
      ticket.id,
      { code: 'fixed', note: 'New firmware.' },
      ada,
    );
    expect((await desk.list({ assigneeId: 'ada' })).items).toHaveLength(1);

    clock.advance(10 * DAY);
    const closed = await desk.tick();
    expect(closed.map((c) => c.ticket.id)).toEqual([ticket.id]);
    await desk.store.close();

    const again = createDesk({ store: sqliteStore({ filename }), clock });
    const stored = await again.get(ticket.id);
    expect(stored?.status).toBe('closed');
    expect(stored?.ref).toBe(ticket.ref);
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
    await again.store.close();
  });
});
