import 'fake-indexeddb/auto';
import { ConflictError, createDesk } from '@ticketry/core';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedDbStore } from './index.js';
import { indexedDbProbe } from './test-support.js';

const system = { actor: { role: 'system', id: null } } as const;
const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

// Counts the transactions the stores of a test open, by mode.
const proto = IDBDatabase.prototype;
const original = proto.transaction;
let modes: string[] = [];
proto.transaction = function (this: IDBDatabase, ...args) {
  modes.push(args[1] ?? 'readonly');
  return original.apply(this, args);
} as typeof original;
afterEach(() => {
  modes = [];
});

async function seeded() {
  const factory = new IDBFactory();
  const store = indexedDbStore({
    name: 'held',
    indexedDB: factory,
    IDBKeyRange,
  });
  const probe = indexedDbProbe(factory, 'held', IDBKeyRange);
  const ticket = sampleTicket();
  await store.createTicket({ ticket, event: sampleEvent(ticket) });
  modes = [];
  return { store, probe, ticket };
}

describe('reads held open for a commit', () => {
  it('a desk command reads and writes in one read-write transaction', async () => {
    const { store, probe, ticket } = await seeded();
    const desk = createDesk({ store, siteId: ticket.siteId });
    await desk.update(ticket.id, { tags: ['held'] }, system);
    expect(modes).toEqual(['readwrite']);
    expect((await probe.readTicket(ticket.siteId, ticket.id))?.tags).toEqual([
      'held',
    ]);
    expect(await probe.countEvents(ticket.siteId, ticket.id)).toBe(2);
  });

  it('a commit after the read has ended writes in a guarded transaction of its own', async () => {
    const { store, probe, ticket } = await seeded();
    const read = await store.getTicket(ticket.siteId, ticket.id);
    await macrotask();
    const next = bumped(read!, { subject: 'Later' });
    await store.commit({
      ticket: next,
      expectedVersion: 1,
      event: sampleEvent(next),
    });
    expect(modes).toEqual(['readwrite', 'readwrite']);
    expect((await probe.readTicket(ticket.siteId, ticket.id))?.subject).toBe(
      'Later',
    );
  });

  it('a commit at another version than the one read is a conflict and writes nothing', async () => {
    const { store, probe, ticket } = await seeded();
    const read = await store.getTicket(ticket.siteId, ticket.id);
    const next = bumped(bumped(read!), { subject: 'Skipped ahead' });
    const error = await store
      .commit({ ticket: next, expectedVersion: 2, event: sampleEvent(next) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ details: { expected: 2, actual: 1 } });
    expect((await probe.readTicket(ticket.siteId, ticket.id))?.version).toBe(1);
    expect(await probe.countEvents(ticket.siteId, ticket.id)).toBe(1);
  });

  it('an event that cannot be written undoes the ticket in the held transaction', async () => {
    const { store, probe, ticket } = await seeded();
    const [first] = await store.listEvents(ticket.siteId, ticket.id);
    modes = [];
    const read = await store.getTicket(ticket.siteId, ticket.id);
    const next = bumped(read!, { subject: 'Must not stay' });
    const clash = { ...sampleEvent(next), id: first!.id };
    await expect(
      store.commit({ ticket: next, expectedVersion: 1, event: clash }),
    ).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    expect(modes).toEqual(['readwrite']);
    const raw = await probe.readTicket(ticket.siteId, ticket.id);
    expect(raw?.subject).toBe(ticket.subject);
    expect(await probe.countEvents(ticket.siteId, ticket.id)).toBe(1);
  });

  it('a read held for one ticket does not take the commit of another', async () => {
    const { store, ticket } = await seeded();
    const other = sampleTicket();
    await store.createTicket({ ticket: other, event: sampleEvent(other) });
    modes = [];
    await store.getTicket(ticket.siteId, ticket.id);
    const next = bumped(other, { subject: 'Other' });
    await store.commit({
      ticket: next,
      expectedVersion: 1,
      event: sampleEvent(next),
    });
    expect(modes).toEqual(['readwrite', 'readwrite']);
    expect((await store.getTicket(other.siteId, other.id))?.subject).toBe(
      'Other',
    );
  });

  it('two commands started together on one ticket both apply, one after the other', async () => {
    const { store, ticket } = await seeded();
    const desk = createDesk({ store, siteId: ticket.siteId });
    await Promise.all([
      desk.update(ticket.id, { tags: ['a'] }, system),
      desk.note(ticket.id, { body: 'b' }, system),
    ]);
    const events = await store.listEvents(ticket.siteId, ticket.id);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
    expect((await store.getTicket(ticket.siteId, ticket.id))?.version).toBe(3);
  });
});
