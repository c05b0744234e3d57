import 'fake-indexeddb/auto';
import { createDesk, createManualClock, rebuildTicket } from '@ticketry/core';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbStore } from './index.js';
import { indexedDbProbe } from './test-support.js';

const DAY = 24 * 60 * 60 * 1000;

const fresh = (name = 'store') => {
  const factory = new IDBFactory();
  const open = () => indexedDbStore({ name, indexedDB: factory, IDBKeyRange });
  return { factory, open, store: open() };
};

describe('the IndexedDB store', () => {
  it('refuses bad options at once, naming the option', () => {
    const bad = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'x', durability: 'fast' }, 'durability'],
      [{ name: 'x', blockedTimeoutMs: -1 }, 'blockedTimeoutMs'],
      [{ name: 'x', indexedDB: {} }, 'indexedDB'],
      [{ name: 'x', IDBKeyRange: 3 }, 'IDBKeyRange'],
    ] as const;
    for (const [options, field] of bad) {
      expect(() => indexedDbStore(options as never)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          message: expect.stringContaining(field),
        }),
      );
    }
  });

  it('writes with each durability', async () => {
    for (const durability of ['default', 'strict', 'relaxed'] as const) {
      const store = indexedDbStore({
        name: 'durable',
        durability,
        indexedDB: new IDBFactory(),
        IDBKeyRange,
      });
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      expect(await store.getTicket(ticket.siteId, ticket.id)).toEqual(ticket);
      await store.close();
    }
  });

  it('refuses a feed position or limit that is not a whole number', async () => {
    const { store } = fresh();
    await expect(store.readFeed(-1, 10)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(store.readFeed(0, 1.5)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await store.readFeed(0, 0)).toEqual({ events: [], cursor: 0 });
  });

  it('lists agents and teams in the order they were first put, per site', async () => {
    const { store } = fresh();
    const team = (id: string, siteId = 'site-a') => ({ id, siteId, name: id });
    for (const id of ['zeta', 'alpha', 'mid']) await store.putTeam(team(id));
    await store.putTeam(team('other', 'site-b'));
    await store.putTeam({ ...team('alpha'), name: 'Renamed' });
    expect((await store.listTeams('site-a')).map((t) => t.name)).toEqual([
      'zeta',
      'Renamed',
      'mid',
    ]);
    expect((await store.listTeams('site-b')).map((t) => t.id)).toEqual([
      'other',
    ]);
  });

  it('finds the first requester put for an address, in any case', async () => {
    const { store } = fresh();
    const at = '2024-01-01T00:00:00.000Z';
    const person = (id: string, email: string) => ({
      id,
      siteId: 'site-a',
      email,
      name: null,
      createdAt: at,
    });
    await store.putRequester(person('r2', 'Ada@Example.com'));
    await store.putRequester(person('r1', 'ada@example.com'));
    expect(
      (await store.findRequesterByEmail('site-a', 'ADA@example.com'))?.id,
    ).toBe('r2');
    await store.putRequester(person('r2', 'grace@example.com'));
    expect(
      (await store.findRequesterByEmail('site-a', 'ada@example.com'))?.id,
    ).toBe('r1');
  });

  it('imports tickets with their events into the feed, all or nothing', async () => {
    const { store, factory } = fresh('import');
    const probe = indexedDbProbe(factory, 'import', IDBKeyRange);
    const first = sampleTicket();
    const second = bumped(sampleTicket(), { subject: 'Edited' });
    const result = await store.importTickets([
      { ticket: first, events: [sampleEvent(first)] },
      {
        ticket: second,
        events: [sampleEvent({ ...second, version: 1 }), sampleEvent(second)],
      },
    ]);
    expect(result).toEqual({ tickets: 2, events: 3, lastSeq: 3 });
    expect(await probe.countEvents(second.siteId, second.id)).toBe(2);
    const feed = await store.readFeed(0, 10);
    expect(feed.events.map((e) => [e.ticketId, e.version])).toEqual([
      [first.id, 1],
      [second.id, 1],
      [second.id, 2],
    ]);

    const fresh1 = sampleTicket();
    await expect(
      store.importTickets([
        { ticket: fresh1, events: [sampleEvent(fresh1)] },
        { ticket: first, events: [sampleEvent(first)] },
      ]),
    ).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    expect(await probe.readTicket(fresh1.siteId, fresh1.id)).toBeNull();
  });

  it('refuses an import whose events do not fit the ticket', async () => {
    const { store } = fresh();
    const ticket = bumped(sampleTicket());
    const cases = [
      [],
      [sampleEvent({ ...ticket, version: 1 })],
      [sampleEvent(ticket), sampleEvent({ ...ticket, version: 1 })],
      [
        sampleEvent({ ...ticket, version: 1 }),
        sampleEvent({ ...ticket, id: 'x' }),
      ],
    ];
    for (const events of cases) {
      await expect(
        store.importTickets([{ ticket, events }]),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    await expect(
      store.importTickets([
        { ticket: { ...ticket, version: 'two' }, events: cases[1] } as never,
      ]),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await store.readFeed(0, 10)).toEqual({ events: [], cursor: 0 });
  });

  it('carries a desk from submission to auto-close and keeps it across a reopen', async () => {
    const { open } = fresh('desk');
    const clock = createManualClock('2024-03-04T09:00:00.000Z');
    const desk = createDesk({ store: open(), clock });
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
      requester: { email: 'grace@example.com', name: 'Grace' },
    };
    const { ticket } = await desk.submit(submission, {
      idempotencyKey: 'submit-0001',
    });
    const retry = await desk.submit(submission, {
      idempotencyKey: 'submit-0001',
    });
    expect(retry).toMatchObject({ replayed: true, ticket: { id: ticket.id } });

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
    expect((await desk.tick()).map((c) => c.ticket.id)).toEqual([ticket.id]);
    await desk.store.close();

    const again = createDesk({ store: open(), clock });
    const stored = await again.get(ticket.id);
    expect(stored?.status).toBe('closed');
    const events = await again.events(ticket.id);
    expect(events).toHaveLength(6);
    expect(rebuildTicket(events)).toEqual(stored);
    await again.store.close();
  });
});
