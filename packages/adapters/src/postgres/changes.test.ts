import { type AuditEvent, createDesk, type Ticket } from '@ticketry/core';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { expect, it, vi } from 'vitest';
import { followChanges, type PostgresChange } from './index.js';
import { describeOnDatabases } from './test-support.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describeOnDatabases('postgres change notifications', ({ name, db, open }) => {
  it('reach a subscriber from every store on the schema, marked local or not', async () => {
    const a = await open();
    const b = await open({ schema: a.schema });
    const heard: PostgresChange[] = [];
    const stop = await a.subscribe((change) => heard.push(change));

    const ticket = sampleTicket();
    await b.createTicket({ ticket, event: sampleEvent(ticket) });
    const next = bumped(ticket);
    const event = await a.commit({
      ticket: next,
      expectedVersion: 1,
      event: sampleEvent(next),
    });
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    expect(heard).toEqual([
      expect.objectContaining({
        ticketId: ticket.id,
        version: 1,
        local: false,
      }),
      {
        seq: event.seq,
        siteId: 'site-a',
        ticketId: ticket.id,
        version: 2,
        local: true,
      },
    ]);
    await stop();
  });

  it('say nothing about a write that failed or a stale commit', async () => {
    const store = await open();
    const ticket = sampleTicket();
    const first = sampleEvent(ticket);
    await store.createTicket({ ticket, event: first });
    const heard: PostgresChange[] = [];
    const stop = await store.subscribe((change) => heard.push(change));
    const next = bumped(ticket);
    await expect(
      store.commit({
        ticket: next,
        expectedVersion: 1,
        event: { ...sampleEvent(next), id: first.id },
      }),
    ).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    await expect(
      store.commit({
        ticket: next,
        expectedVersion: 7,
        event: sampleEvent(next),
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    await settle();
    expect(heard).toEqual([]);
    await stop();
  });

  it('stop after the last unsubscribe and after close', async () => {
    const store = await open();
    const other = await open({ schema: store.schema });
    const heard: number[] = [];
    const stop = await store.subscribe((c) => heard.push(c.seq));
    await stop();
    const ticket = sampleTicket();
    await other.createTicket({ ticket, event: sampleEvent(ticket) });
    await settle();
    expect(heard).toEqual([]);
    await store.subscribe((c) => heard.push(c.seq));
    await store.close();
    const more = sampleTicket();
    await other.createTicket({ ticket: more, event: sampleEvent(more) });
    await settle();
    expect(heard).toEqual([]);
  });

  it('reach a followed desk from another desk, and its own changes once', async () => {
    const storeA = await open();
    const storeB = await open({ schema: storeA.schema });
    const deskA = createDesk({ store: storeA });
    const deskB = followChanges(createDesk({ store: storeB }));
    await deskB.ready;
    const heard: [AuditEvent, Ticket][] = [];
    const unsubscribe = deskB.subscribe((event, ticket) =>
      heard.push([event, ticket]),
    );

    const { ticket } = await deskA.submit({
      subject: 'Printer on fire',
      description: 'Smoke from tray 2.',
      requester: { email: 'ada@example.com' },
    });
    await deskA.createTeam({ id: 'desk', name: 'Desk' });
    await deskA.createAgent({
      id: 'sam',
      name: 'Sam',
      role: 'supervisor',
      teamIds: ['desk'],
    });
    const agent = { actor: { role: 'supervisor', id: 'sam' } } as const;
    await deskB.triage(ticket.id, { impact: 'low', urgency: 'low' }, agent);
    await deskA.cancel(ticket.id, { reason: 'duplicate' }, agent);
    await vi.waitFor(() => expect(heard).toHaveLength(3));
    await settle();
    expect(heard.map(([e]) => e.type)).toEqual([
      'ticket.submitted',
      'ticket.triaged',
      'ticket.cancelled',
    ]);
    expect(heard.map(([, t]) => t.id)).toEqual([
      ticket.id,
      ticket.id,
      ticket.id,
    ]);
    expect(heard[2]![1].status).toBe('cancelled');
    unsubscribe();
    await deskB.stop();
  });

  it.skipIf(name === 'pglite')(
    'renew a lost LISTEN connection and tell subscribers to catch up (server only: PGlite runs in process, with no connection to lose)',
    async () => {
      const errors: Error[] = [];
      const store = await open({ onError: (e) => errors.push(e) });
      const reconnected = vi.fn();
      const heard: number[] = [];
      await store.subscribe((c) => heard.push(c.version), {
        onReconnect: reconnected,
      });
      await db().query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE query = 'LISTEN "${store.schema}_changes"'`,
      );
      await vi.waitFor(() => expect(reconnected).toHaveBeenCalledTimes(1), {
        timeout: 5000,
      });
      expect(errors.length).toBeGreaterThan(0);
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      await vi.waitFor(() => expect(heard).toEqual([1]));
    },
  );
});
