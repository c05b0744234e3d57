import { describe, expect, it } from 'vitest';
import { createDesk } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { TicketStore } from '../store/types.js';

const submission = {
  subject: 'Printer jams on every page',
  description: 'Third floor, the one by the window.',
  requester: { email: 'grace@example.com', name: 'Grace' },
};

/** A memory store that counts every call that can write. */
function countingStore() {
  const inner = createMemoryStore();
  const writes: string[] = [];
  const counted = (name: 'putRequester' | 'nextRef' | 'createTicket') =>
    ((...args: unknown[]) => {
      writes.push(name);
      return (inner[name] as (...a: unknown[]) => unknown)(...args);
    }) as never;
  const store: TicketStore = Object.assign(Object.create(inner), {
    putRequester: counted('putRequester'),
    nextRef: counted('nextRef'),
    createTicket: counted('createTicket'),
  });
  return { store, writes };
}

async function deskWithOneTicket() {
  const { store, writes } = countingStore();
  const desk = createDesk({ store });
  const first = await desk.submit(submission, {
    idempotencyKey: 'victim-key-0001',
  });
  writes.length = 0;
  return { desk, store, writes, first };
}

describe('an idempotency key used before', () => {
  it('refused with another body, writes no requester and uses no ticket number', async () => {
    const { desk, store, writes } = await deskWithOneTicket();
    const stranger = { email: 'stranger@example.com', name: 'Stranger' };
    await expect(
      desk.submit(
        { ...submission, subject: 'Another subject', requester: stranger },
        { idempotencyKey: 'victim-key-0001' },
      ),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(writes).toEqual([]);
    expect(
      await store.findRequesterByEmail(desk.siteId, stranger.email),
    ).toBeNull();

    const next = await desk.submit({ ...submission, requester: stranger });
    expect(next.ticket.ref).toBe('T-1002');
  });

  it('retried with the same body answers the first ticket and writes nothing', async () => {
    const { desk, writes, first } = await deskWithOneTicket();
    const again = await desk.submit(submission, {
      idempotencyKey: 'victim-key-0001',
    });
    expect(again.replayed).toBe(true);
    expect(again.ticket.id).toBe(first.ticket.id);
    expect(again.event).toEqual(first.event);
    expect(writes).toEqual([]);
    expect((await desk.submit(submission)).ticket.ref).toBe('T-1002');
  });

  it('is looked up per site: the same key opens a new ticket on another site', async () => {
    const { desk, store } = await deskWithOneTicket();
    const other = createDesk({ store, siteId: 'other-site' });
    const there = await other.submit(submission, {
      idempotencyKey: 'victim-key-0001',
    });
    expect(there.replayed).toBe(false);
    expect(there.ticket.siteId).toBe('other-site');
    expect(await store.findIdempotency(desk.siteId, 'victim-key-0001')).toEqual(
      expect.objectContaining({ fingerprint: expect.any(String) }),
    );
  });
});

describe('a decoy submission', () => {
  it('builds the ticket a real one would get, writes nothing but the ticket number, and tells no listener', async () => {
    const { desk, writes } = await deskWithOneTicket();
    const heard: string[] = [];
    desk.subscribe((event) => heard.push(event.type));
    const decoy = await desk.submit(
      { ...submission, requester: { email: 'bot@spam.example' } },
      { decoy: true, idempotencyKey: 'victim-key-0001' },
    );
    expect(decoy.replayed).toBe(false);
    expect(decoy.ticket.ref).toBe('T-1002');
    expect(decoy.event.type).toBe('ticket.submitted');
    expect(writes).toEqual(['nextRef']);
    expect(heard).toEqual([]);
    expect(await desk.get(decoy.ticket.id)).toBeNull();
    expect((await desk.list()).items).toHaveLength(1);
    const next = await desk.submit(submission);
    expect(next.ticket.ref).toBe('T-1003');
  });
});
