import type { Ticket } from '../schemas/ticket.js';
import {
  TICKET_SORTS,
  type TicketQuery,
  type TicketStore,
} from '../store/types.js';
import { check, checkEqual, checkRejects, checkSeq } from './assert.js';
import { sampleEvent, sampleTicket } from './fixtures.js';
import type { ConformanceCheck } from './harness.js';

async function seed(store: TicketStore, tickets: Ticket[]) {
  for (const ticket of tickets) {
    await store.createTicket({ ticket, event: sampleEvent(ticket) });
  }
}

async function ids(store: TicketStore, query: TicketQuery) {
  const page = await store.listTickets('site-a', { ...query, limit: 100 });
  return page.items.map((t) => t.subject).sort();
}

async function readAll(store: TicketStore, query: TicketQuery) {
  const seen: string[] = [];
  let cursor: string | null = query.cursor ?? null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await store.listTickets('site-a', { ...query, cursor });
    seen.push(...page.items.map((t) => t.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

/** Reads: filters, sorting, cursors and the change feed. */
export const readChecks: ConformanceCheck[] = [
  {
    area: 'queries',
    name: 'each list filter keeps exactly the matching tickets',
    async run({ store }) {
      await seed(store, [
        sampleTicket({
          subject: 'a',
          status: 'open',
          teamId: 'net',
          priority: 'high',
        }),
        sampleTicket({
          subject: 'b',
          status: 'assigned',
          teamId: 'net',
          assigneeId: 'ada',
        }),
        sampleTicket({
          subject: 'c',
          status: 'resolved',
          category: 'Hardware',
          dueAt: '2024-02-01T00:00:00.000Z',
        }),
        sampleTicket({
          subject: 'd',
          requesterId: 'r-2',
          dueAt: '2024-03-01T00:00:00.000Z',
        }),
        sampleTicket({ subject: 'e', siteId: 'site-b', status: 'open' }),
      ]);
      checkEqual(await ids(store, { status: ['open'] }), ['a'], 'status');
      checkEqual(
        await ids(store, { status: ['open', 'assigned'] }),
        ['a', 'b'],
        'statuses',
      );
      checkEqual(await ids(store, { teamId: 'net' }), ['a', 'b'], 'team');
      checkEqual(await ids(store, { assigneeId: 'ada' }), ['b'], 'assignee');
      checkEqual(await ids(store, { requesterId: 'r-2' }), ['d'], 'requester');
      checkEqual(await ids(store, { priority: ['high'] }), ['a'], 'priority');
      checkEqual(await ids(store, { category: 'Hardware' }), ['c'], 'category');
      checkEqual(
        await ids(store, { dueBefore: '2024-02-15T00:00:00.000Z' }),
        ['c'],
        'due',
      );
      checkEqual(await ids(store, {}), ['a', 'b', 'c', 'd'], 'site');
    },
  },
  {
    area: 'queries',
    name: 'a filter on several statuses pages in order under every sort',
    async run({ store }) {
      const statuses = ['open', 'assigned', 'pending', 'closed'] as const;
      const tickets = Array.from({ length: 31 }, (_, i) =>
        sampleTicket({
          status: statuses[i % 4],
          teamId: i % 5 ? 'net' : 'desk',
          dueAt:
            i % 3
              ? `2024-06-${String(10 + (i % 9)).padStart(2, '0')}T00:00:00.000Z`
              : null,
        }),
      );
      await seed(store, tickets);
      const query: TicketQuery = {
        status: ['assigned', 'open', 'open'],
        teamId: 'net',
      };
      const expected = tickets
        .filter((t) => ['open', 'assigned'].includes(t.status))
        .filter((t) => t.teamId === 'net')
        .map((t) => t.id)
        .sort();
      for (const sort of TICKET_SORTS) {
        const all = (
          await store.listTickets('site-a', { ...query, sort, limit: 100 })
        ).items.map((t) => t.id);
        checkEqual([...all].sort(), expected, `${sort}: the matching tickets`);
        checkEqual(
          await readAll(store, { ...query, sort, limit: 3 }),
          all,
          `${sort} pages`,
        );
      }
    },
  },
  {
    area: 'queries',
    name: 'a cursor stays stable while tickets are added',
    async run({ store }) {
      await seed(
        store,
        Array.from({ length: 10 }, () => sampleTicket()),
      );
      const first = await store.listTickets('site-a', {
        sort: 'createdAt',
        limit: 4,
      });
      await seed(
        store,
        Array.from({ length: 3 }, () => sampleTicket()),
      );
      const rest = await readAll(store, {
        sort: 'createdAt',
        limit: 4,
        cursor: first.nextCursor,
      });
      const seen = [...first.items.map((t) => t.id), ...rest];
      check(new Set(seen).size === seen.length, 'a ticket appeared twice');
      check(seen.length === 13, `${seen.length} of 13 tickets seen`);
    },
  },
  {
    area: 'queries',
    name: 'a cursor that is not valid for the sort is refused',
    async run({ store }) {
      await seed(
        store,
        Array.from({ length: 3 }, () => sampleTicket()),
      );
      const page = await store.listTickets('site-a', {
        sort: 'createdAt',
        limit: 1,
      });
      await checkRejects(
        () =>
          store.listTickets('site-a', {
            sort: 'dueAt',
            cursor: page.nextCursor,
          }),
        'VALIDATION_FAILED',
        'a cursor of another sort',
      );
      await checkRejects(
        () => store.listTickets('site-a', { cursor: 'not-a-cursor' }),
        'VALIDATION_FAILED',
        'a made-up cursor',
      );
    },
  },
  {
    area: 'change feed',
    name: 'the feed returns every event after a position, in write order',
    async run({ store }) {
      const tickets = Array.from({ length: 5 }, () => sampleTicket());
      await seed(store, tickets);
      const all = await store.readFeed(0, 100);
      for (const e of all.events) checkSeq(e.seq, 'readFeed');
      checkSeq(all.cursor, 'the cursor of readFeed');
      checkEqual(
        all.events.map((e) => e.ticketId),
        tickets.map((t) => t.id),
        'feed order',
      );
      const head = await store.readFeed(0, 2);
      check(head.events.length === 2, 'the limit is kept');
      const tail = await store.readFeed(head.cursor, 100);
      checkEqual(
        tail.events.map((e) => e.ticketId),
        tickets.slice(2).map((t) => t.id),
        'resume',
      );
      const none = await store.readFeed(all.cursor, 100);
      check(
        none.events.length === 0 && none.cursor === all.cursor,
        'nothing new at the end',
      );
    },
  },
  {
    area: 'references',
    name: 'ticket numbers start at 1001 in each site, grow and are never handed out twice',
    async run({ store }) {
      const first = await store.nextRef('site-a');
      check(first === 1001, `the first number of a site is ${first}, not 1001`);
      const numbers = await Promise.all(
        Array.from({ length: 20 }, () => store.nextRef('site-a')),
      );
      for (const n of numbers) {
        check(Number.isSafeInteger(n), `nextRef answered ${typeof n} ${n}`);
      }
      check(new Set(numbers).size === 20, 'a number was handed out twice');
      check(Math.min(...numbers) > first, 'numbers must grow');
      const later = await store.nextRef('site-a');
      check(later > Math.max(...numbers), 'numbers must grow');
      const elsewhere = await store.nextRef('site-b');
      check(
        elsewhere === 1001,
        `each site counts on its own: site-b's first number is ${elsewhere}`,
      );
    },
  },
];
