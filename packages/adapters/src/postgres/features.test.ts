import { createManualClock, ValidationError } from '@ticketry/core';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { expect, it } from 'vitest';
import type { PostgresStore } from './index.js';
import { describeOnDatabases } from './test-support.js';

async function seed(store: PostgresStore) {
  const tickets = [
    sampleTicket({ subject: 'VPN drops hourly', description: 'Cisco client' }),
    sampleTicket({ subject: 'Printer jam', description: 'The VPN is fine.' }),
    sampleTicket({ subject: 'Kaffeemaschine kaputt', description: 'Küche' }),
    sampleTicket({ siteId: 'site-b', subject: 'VPN at site b' }),
    sampleTicket({ subject: 'Mot de passe', description: 'nul\u0000 byte' }),
  ];
  for (const ticket of tickets) {
    await store.createTicket({ ticket, event: sampleEvent(ticket) });
  }
  return tickets;
}

describeOnDatabases('postgres full-text search', ({ open }) => {
  it('finds words in subject or description, subject matches first', async () => {
    const store = await open();
    const [vpn, printer] = await seed(store);
    const found = await store.searchTickets('site-a', 'vpn');
    expect(found.map((t) => t.id)).toEqual([vpn!.id, printer!.id]);
  });

  it('keeps sites apart and reads web-search syntax', async () => {
    const store = await open();
    const [vpn, , coffee] = await seed(store);
    expect(
      (await store.searchTickets('site-a', 'vpn -printer')).map((t) => t.id),
    ).toEqual([vpn!.id]);
    expect(
      (await store.searchTickets('site-a', 'küche')).map((t) => t.id),
    ).toEqual([coffee!.id]);
    expect(await store.searchTickets('site-c', 'vpn')).toEqual([]);
    expect((await store.searchTickets('site-a', 'vpn', 1)).length).toBe(1);
  });

  it('follows a commit that changes the subject', async () => {
    const store = await open();
    const [vpn] = await seed(store);
    const next = { ...vpn!, subject: 'Wireless outage', version: 2 };
    await store.commit({
      ticket: next,
      expectedVersion: 1,
      event: sampleEvent(next),
    });
    expect(
      (await store.searchTickets('site-a', 'wireless')).map((t) => t.id),
    ).toEqual([vpn!.id]);
    expect(
      (await store.searchTickets('site-a', 'hourly')).map((t) => t.id),
    ).toEqual([]);
  });

  it('finds text next to a NUL character', async () => {
    const store = await open();
    const tickets = await seed(store);
    const found = await store.searchTickets('site-a', 'byte');
    expect(found.map((t) => t.description)).toEqual([tickets[4]!.description]);
  });

  it('refuses empty text and a limit out of range', async () => {
    const store = await open();
    await expect(store.searchTickets('site-a', '   ')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      store.searchTickets('site-a', 'vpn', 0),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

const NOW = new Date('2024-06-01T12:00:00.000Z');

async function seedDue(store: PostgresStore, count: number) {
  const tickets = Array.from({ length: count }, (_, i) =>
    sampleTicket({
      status: 'resolved',
      dueAt: new Date(NOW.getTime() - (count - i) * 60_000).toISOString(),
    }),
  );
  const later = sampleTicket({ dueAt: '2024-07-01T00:00:00.000Z' });
  for (const ticket of [...tickets, later]) {
    await store.createTicket({ ticket, event: sampleEvent(ticket) });
  }
  return tickets;
}

describeOnDatabases('postgres due claims', ({ open }) => {
  it('hand each due ticket to one of many concurrent claimers', async () => {
    const store = await open();
    const others = await Promise.all(
      Array.from({ length: 3 }, () => open({ schema: store.schema })),
    );
    const due = await seedDue(store, 40);
    const claims = await Promise.all(
      [store, ...others].flatMap((s) =>
        Array.from({ length: 3 }, () => s.claimDue('site-a', NOW, 7)),
      ),
    );
    const again = await store.claimDue('site-a', NOW, 100);
    const claimed = [...claims.flat(), ...again].map((t) => t.id);
    expect(claimed.sort()).toEqual(due.map((t) => t.id).sort());
  });

  it('answer the earliest due first and nothing not yet due', async () => {
    const store = await open();
    const due = await seedDue(store, 5);
    const first = await store.claimDue('site-a', NOW, 2);
    expect(first.map((t) => t.id)).toEqual([due[0]!.id, due[1]!.id]);
    const rest = await store.claimDue('site-a', NOW, 100);
    expect(rest.map((t) => t.id)).toEqual(due.slice(2).map((t) => t.id));
  });

  it('release a claim when its lease ends or the ticket is committed', async () => {
    const store = await open();
    const [a, b] = await seedDue(store, 2);
    await store.claimDue('site-a', NOW, 10, { leaseMs: 1000 });
    expect(await store.claimDue('site-a', NOW, 10)).toEqual([]);
    const next = bumped(a!);
    await store.commit({
      ticket: next,
      expectedVersion: 1,
      event: sampleEvent(next),
    });
    expect((await store.claimDue('site-a', NOW, 10)).map((t) => t.id)).toEqual([
      a!.id,
    ]);
    const later = new Date(NOW.getTime() + 1000);
    expect(
      (await store.claimDue('site-a', later, 10)).map((t) => t.id),
    ).toEqual([b!.id]);
  });

  it('refuse a bad limit or date', async () => {
    const store = await open();
    await expect(store.claimDue('site-a', NOW, 0)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      store.claimDue('site-a', new Date('nope'), 1),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

const HOUR = 3_600_000;

function submit(store: PostgresStore, key: string) {
  const ticket = sampleTicket();
  return store.createTicket({
    ticket,
    event: sampleEvent(ticket),
    idempotency: { key, fingerprint: 'body' },
  });
}

describeOnDatabases('postgres idempotency retention', ({ db, open }) => {
  it('replays a key within the retention period and not after it', async () => {
    const clock = createManualClock('2024-01-01T00:00:00.000Z');
    const store = await open({ clock, idempotencyRetentionMs: 2 * HOUR });
    const first = await submit(store, 'k1');
    clock.advance(HOUR);
    const retry = await submit(store, 'k1');
    expect(retry.replayed).toBe(true);
    expect(retry.ticket.id).toBe(first.ticket.id);
    const site = first.ticket.siteId;
    expect(await store.findIdempotency(site, 'k1')).toEqual({
      ticketId: first.ticket.id,
      fingerprint: 'body',
    });
    clock.advance(HOUR);
    // Past its retention, a key reads as unused, as createTicket treats it.
    expect(await store.findIdempotency(site, 'k1')).toBeNull();
    const late = await submit(store, 'k1');
    expect(late.replayed).toBe(false);
    expect(late.ticket.id).not.toBe(first.ticket.id);
    expect((await submit(store, 'k1')).ticket.id).toBe(late.ticket.id);
  });

  it('purges expired keys on request and after writes, at most hourly', async () => {
    const clock = createManualClock('2024-01-01T00:00:00.000Z');
    const store = await open({ clock, idempotencyRetentionMs: HOUR });
    const keys = async () =>
      (
        await db().query<{ key: string }>(
          `SELECT key FROM "${store.schema}".idempotency ORDER BY key`,
        )
      ).map((r) => r.key);
    await submit(store, 'a');
    await submit(store, 'b');
    clock.advance(2 * HOUR);
    expect(await store.purgeIdempotencyKeys()).toBe(2);
    expect(await keys()).toEqual([]);

    await submit(store, 'c');
    clock.advance(2 * HOUR);
    await submit(store, 'd');
    await expect.poll(keys).toEqual(['d']);
  });

  it('refuses a retention that is not a positive whole number of ms', async () => {
    await expect(open({ idempotencyRetentionMs: 0 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/idempotencyRetentionMs/),
    });
  });
});
