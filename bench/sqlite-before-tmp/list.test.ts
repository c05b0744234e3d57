import {
  createMemoryStore,
  TICKET_SORTS,
  type TicketQuery,
  TicketryError,
  type TicketStore,
} from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqliteStore } from './index.js';
import { listSql } from './list.js';

// Few distinct instants, so sort values tie often and ids break ties.
const instant = fc.constantFrom(
  '2024-01-01T09:00:00.000Z',
  '2024-01-01T10:00:00.000Z',
  '2024-01-02T09:00:00.000Z',
);

const ticketArb = fc.record({
  siteId: fc.constantFrom('site-a', 'site-a', 'site-b'),
  createdAt: instant,
  updatedAt: instant,
  dueAt: fc.option(instant, { nil: null }),
  status: fc.constantFrom('new' as const, 'open' as const, 'resolved' as const),
  teamId: fc.option(fc.constantFrom('net', 'db'), { nil: null }),
  priority: fc.option(fc.constantFrom('high' as const, 'low' as const), {
    nil: null,
  }),
});

// One filter at most, and often none: stacked filters leave nothing
// to page through.
const filterArb: fc.Arbitrary<TicketQuery> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  fc.record({ status: fc.subarray(['new', 'open', 'resolved'] as const) }),
  fc.record({ teamId: fc.constantFrom('net', 'db') }),
  fc.record({
    priority: fc.subarray(['high', 'low'] as const, { minLength: 1 }),
  }),
  fc.record({ dueBefore: instant }),
);

const queryArb = fc
  .tuple(
    fc.constantFrom(...TICKET_SORTS),
    fc.integer({ min: 1, max: 6 }),
    filterArb,
  )
  .map(([sort, limit, filter]): TicketQuery => ({ ...filter, sort, limit }));

async function pages(store: TicketStore, query: TicketQuery) {
  const seen: unknown[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await store.listTickets('site-a', { ...query, cursor });
    seen.push({ ids: page.items.map((t) => t.id), next: page.nextCursor });
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('the pages never ended');
}

describe('sqlite ticket lists', () => {
  it('page exactly like the memory store for any tickets, filters and sort', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArb, { maxLength: 25 }),
        queryArb,
        async (rows, query) => {
          const memory = createMemoryStore();
          const sqlite = sqliteStore({ filename: ':memory:' });
          try {
            for (const row of rows) {
              const ticket = sampleTicket(row);
              for (const store of [memory, sqlite]) {
                await store.createTicket({
                  ticket,
                  event: sampleEvent(ticket),
                });
              }
            }
            expect(await pages(sqlite, query)).toEqual(
              await pages(memory, query),
            );
          } finally {
            await sqlite.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuse an unreadable cursor or one from another sort', async () => {
    const store = sqliteStore({ filename: ':memory:' });
    for (let i = 0; i < 3; i++) {
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
    }
    const first = await store.listTickets('site-a', {
      sort: 'dueAt',
      limit: 2,
    });
    for (const cursor of ['not-a-cursor', first.nextCursor]) {
      await expect(
        store.listTickets('site-a', { limit: 2, cursor }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    await store.close();
  });

  it('refuse a malformed query with a ValidationError', async () => {
    const store = sqliteStore({ filename: ':memory:' });
    const bad = [
      { limit: -1 },
      { limit: 2.5 },
      { sort: 'subject' },
      { status: ['lost'] },
      { teamId: 42 },
    ] as unknown as TicketQuery[];
    for (const query of bad) {
      const error = await store.listTickets('site-a', query).catch((e) => e);
      expect(error).toBeInstanceOf(TicketryError);
      expect(error.code).toBe('VALIDATION_FAILED');
    }
    await store.close();
  });

  it('read a page by walking an index instead of sorting every ticket', async () => {
    const store = sqliteStore({ filename: ':memory:' });
    const plan = (query: TicketQuery) => {
      const { sql, params } = listSql('site-a', query);
      return (
        store.database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
          detail: string;
        }[]
      )
        .map((row) => row.detail)
        .join('\n');
    };
    expect(plan({})).toMatch(/USING INDEX tickets_created/);
    expect(plan({})).not.toMatch(/TEMP B-TREE/);
    expect(plan({ sort: 'updatedAt' })).toMatch(/USING INDEX tickets_updated/);
    expect(plan({ sort: 'updatedAt' })).not.toMatch(/TEMP B-TREE/);
    expect(plan({ status: ['open'], sort: 'dueAt' })).toMatch(/USING INDEX/);
    await store.close();
  });
});
