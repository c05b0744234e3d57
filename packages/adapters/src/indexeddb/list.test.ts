import 'fake-indexeddb/auto';
import {
  createMemoryStore,
  TICKET_SORTS,
  type TicketQuery,
  type TicketStore,
} from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexedDbStore } from './index.js';

const at = (minute: number) =>
  new Date(Date.UTC(2024, 4, 1, 9, minute)).toISOString();

// Few distinct values, so ties in every sort key and every filter
// matching several tickets are common.
const ticketArb = fc.record({
  siteId: fc.constantFrom('site-a', 'site-a', 'site-b'),
  status: fc.constantFrom('new', 'open', 'assigned', 'resolved'),
  teamId: fc.constantFrom(null, 'net', 'desk'),
  assigneeId: fc.constantFrom(null, 'ada', 'bo'),
  requesterId: fc.constantFrom('r1', 'r2'),
  priority: fc.constantFrom(null, 'high', 'low'),
  category: fc.constantFrom(null, 'Hardware'),
  createdAt: fc.integer({ min: 0, max: 4 }).map(at),
  updatedAt: fc.integer({ min: 0, max: 4 }).map(at),
  dueAt: fc.option(fc.integer({ min: 0, max: 4 }).map(at)),
});

const queryArb: fc.Arbitrary<TicketQuery> = fc.record(
  {
    status: fc.subarray(['new', 'open', 'assigned', 'resolved'] as const),
    teamId: fc.constantFrom('net', 'desk'),
    assigneeId: fc.constantFrom('ada', 'bo'),
    requesterId: fc.constantFrom('r1', 'r2'),
    priority: fc.subarray(['high', 'low'] as const, { minLength: 1 }),
    category: fc.constant('Hardware'),
    dueBefore: fc.integer({ min: 0, max: 4 }).map(at),
    sort: fc.constantFrom(...TICKET_SORTS),
    limit: fc.integer({ min: 1, max: 7 }),
  },
  { requiredKeys: [] },
);

// Lists by several statuses merge one walk per status: give them
// their own share of the runs.
const statusQueryArb: fc.Arbitrary<TicketQuery> = fc.record(
  {
    status: fc.subarray(['new', 'open', 'assigned', 'resolved'] as const, {
      minLength: 2,
    }),
    dueBefore: fc.integer({ min: 0, max: 4 }).map(at),
    sort: fc.constantFrom(...TICKET_SORTS),
    limit: fc.integer({ min: 1, max: 7 }),
  },
  { requiredKeys: ['status', 'sort', 'limit'] },
);

async function readAll(store: TicketStore, query: TicketQuery) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const page = await store.listTickets('site-a', { ...query, cursor });
    ids.push(...page.items.map((t) => t.id));
    cursor = page.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('more than 200 pages');
}

describe('IndexedDB ticket lists', () => {
  it('page through the same tickets in the same order as the memory store', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArb, { minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(queryArb, statusQueryArb), {
          minLength: 1,
          maxLength: 4,
        }),
        async (fields, queries) => {
          const memory = createMemoryStore();
          const idb = indexedDbStore({
            name: 'lists',
            indexedDB: new IDBFactory(),
            IDBKeyRange,
          });
          const tickets = fields.map((f) => sampleTicket(f));
          await idb.importTickets(
            tickets.map((ticket) => ({
              ticket,
              events: [sampleEvent(ticket)],
            })),
          );
          for (const ticket of tickets) {
            await memory.createTicket({ ticket, event: sampleEvent(ticket) });
          }
          for (const query of queries) {
            expect(await readAll(idb, query)).toEqual(
              await readAll(memory, query),
            );
          }
          await idb.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answer an empty page for an empty status list or a limit of 0', async () => {
    const store = indexedDbStore({
      name: 'empty',
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    const ticket = sampleTicket();
    await store.createTicket({ ticket, event: sampleEvent(ticket) });
    expect(await store.listTickets('site-a', { status: [] })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await store.listTickets('site-a', { limit: 0 })).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('refuse a malformed query with a ValidationError naming the field', async () => {
    const store = indexedDbStore({
      name: 'bad',
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    const bad = [
      [{ limit: -1 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ sort: 'priority' }, 'sort'],
      [{ status: ['lost'] }, 'status'],
    ] as const;
    for (const [query, field] of bad) {
      await expect(
        store.listTickets('site-a', query as unknown as TicketQuery),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining(field),
      });
    }
  });
});
