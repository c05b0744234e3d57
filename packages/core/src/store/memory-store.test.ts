import { describe, expect, it } from 'vitest';
import type { Requester } from '../schemas/people.js';
import { bumped, sampleEvent, sampleTicket } from '../testing/fixtures.js';
import { createMemoryData, createMemoryStore } from './memory-store.js';

const requester = (id: string, email: string, siteId = 'default') =>
  ({
    id,
    siteId,
    email,
    name: null,
    createdAt: '2024-01-01T00:00:00.000Z',
  }) as Requester;

describe('the memory store keeps its records apart from its callers', () => {
  it('is not changed by mutating what it returned, however deep', async () => {
    const store = createMemoryStore();
    const r = { ...requester('r1', 'a@example.com'), name: 'Ada' };
    await store.putRequester(r);
    const read = (await store.getRequester('default', 'r1'))!;
    read.name = 'changed';
    r.email = 'changed@example.com';
    expect(await store.getRequester('default', 'r1')).toMatchObject({
      name: 'Ada',
      email: 'a@example.com',
    });
  });

  it('copies nested arrays and objects on the way in and out', async () => {
    const store = createMemoryStore();
    const ticket = sampleTicket({ tags: ['vpn'], fields: { floor: 3 } });
    const created = await store.createTicket({
      ticket,
      event: sampleEvent(ticket),
    });
    ticket.tags.push('written-after');
    created.ticket.fields.floor = 4;
    (created.event.changes.tags as string[]).push('event-after');

    const next = bumped(ticket, { tags: ['vpn', 'wifi'] });
    const event = await store.commit({
      ticket: next,
      expectedVersion: 1,
      event: sampleEvent(next),
    });
    next.tags.length = 0;
    event.actor.id = 'someone';

    const read = (await store.getTicket(ticket.siteId, ticket.id))!;
    expect(read.tags).toEqual(['vpn', 'wifi']);
    expect(read.fields).toEqual({ floor: 3 });
    read.tags.push('read-after');
    const events = await store.listEvents(ticket.siteId, ticket.id);
    expect(events[0]!.changes.tags).toEqual(['vpn']);
    expect(events[1]!.actor).toEqual({ role: 'system', id: null });
    expect((await store.getTicket(ticket.siteId, ticket.id))!.tags).toEqual([
      'vpn',
      'wifi',
    ]);
  });

  it('copies values that are not plain data as structuredClone does', async () => {
    const store = createMemoryStore();
    const ticket = sampleTicket();
    const at = new Date('2024-01-01T00:00:00.000Z');
    await store.createTicket({
      ticket,
      event: sampleEvent(ticket, { data: { at } as never }),
    });
    const [event] = await store.listEvents(ticket.siteId, ticket.id);
    const copied = event!.data!.at as Date;
    expect(copied).toBeInstanceOf(Date);
    expect(copied).not.toBe(at);
    expect(copied.getTime()).toBe(at.getTime());
  });
});

describe('finding a requester by email', () => {
  it('ignores case and keeps sites apart', async () => {
    const store = createMemoryStore();
    await store.putRequester(requester('r1', 'Grace@Example.com'));
    await store.putRequester(requester('r2', 'grace@example.com', 'other'));
    expect(
      (await store.findRequesterByEmail('default', 'GRACE@example.COM'))?.id,
    ).toBe('r1');
    expect(
      (await store.findRequesterByEmail('other', 'grace@example.com'))?.id,
    ).toBe('r2');
    expect(await store.findRequesterByEmail('default', 'x@example.com')).toBe(
      null,
    );
  });

  it('answers the first holder of an email, then the next when it moves', async () => {
    const store = createMemoryStore();
    await store.putRequester(requester('r1', 'same@example.com'));
    await store.putRequester(requester('r2', 'same@example.com'));
    expect(
      (await store.findRequesterByEmail('default', 'same@example.com'))?.id,
    ).toBe('r1');

    await store.putRequester(requester('r1', 'moved@example.com'));
    expect(
      (await store.findRequesterByEmail('default', 'same@example.com'))?.id,
    ).toBe('r2');
    expect(
      (await store.findRequesterByEmail('default', 'moved@example.com'))?.id,
    ).toBe('r1');

    await store.putRequester(requester('r2', 'gone@example.com'));
    expect(
      await store.findRequesterByEmail('default', 'same@example.com'),
    ).toBe(null);
  });

  it('finds requesters in data shared with a reopened store', async () => {
    const data = createMemoryData();
    await createMemoryStore({ data }).putRequester(
      requester('r1', 'a@example.com'),
    );
    const reopened = createMemoryStore({ data });
    expect(
      (await reopened.findRequesterByEmail('default', 'a@example.com'))?.id,
    ).toBe('r1');
  });

  it('indexes data made without an email index', async () => {
    const { requesterEmails: _, ...rest } = createMemoryData();
    rest.requesters.set('default\u0000r1', requester('r1', 'a@example.com'));
    const store = createMemoryStore({ data: rest as never });
    expect(
      (await store.findRequesterByEmail('default', 'A@example.com'))?.id,
    ).toBe('r1');
  });
});

describe('listing from the memory store', () => {
  it('follows dueAt as tickets gain and lose it', async () => {
    const store = createMemoryStore();
    const a = sampleTicket({ dueAt: '2024-02-01T00:00:00.000Z' });
    const b = sampleTicket();
    for (const t of [a, b]) {
      await store.createTicket({ ticket: t, event: sampleEvent(t) });
    }
    const due = async () =>
      (
        await store.listTickets(a.siteId, {
          dueBefore: '2024-03-01T00:00:00.000Z',
          sort: 'dueAt',
        })
      ).items.map((t) => t.id);
    expect(await due()).toEqual([a.id]);

    const a2 = bumped(a, { dueAt: null });
    const b2 = bumped(b, { dueAt: '2024-02-02T00:00:00.000Z' });
    await store.commit({
      ticket: a2,
      expectedVersion: 1,
      event: sampleEvent(a2),
    });
    await store.commit({
      ticket: b2,
      expectedVersion: 1,
      event: sampleEvent(b2),
    });
    expect(await due()).toEqual([b.id]);
  });

  it('pages through many tickets in the order a full sort gives', async () => {
    const store = createMemoryStore();
    const tickets = Array.from({ length: 300 }, (_, i) =>
      sampleTicket({
        dueAt:
          i % 3 === 0
            ? null
            : new Date(Date.UTC(2024, 0, 1 + ((i * 7) % 50))).toISOString(),
      }),
    );
    for (const t of tickets) {
      await store.createTicket({ ticket: t, event: sampleEvent(t) });
    }
    const expected = [...tickets]
      .sort((x, y) =>
        x.dueAt === y.dueAt
          ? x.id < y.id
            ? -1
            : 1
          : x.dueAt === null
            ? 1
            : y.dueAt === null
              ? -1
              : x.dueAt < y.dueAt
                ? -1
                : 1,
      )
      .map((t) => t.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await store.listTickets(tickets[0]!.siteId, {
        sort: 'dueAt',
        limit: 7,
        cursor,
      });
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });
});
