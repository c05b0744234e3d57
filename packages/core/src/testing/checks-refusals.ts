import type { TicketQuery } from '../store/types.js';
import { check, checkConflict, checkRejects, checkTyped } from './assert.js';
import { bumped, sampleEvent, sampleTicket } from './fixtures.js';
import type { ConformanceCheck } from './harness.js';

/** Lists the desk never sends, which a store must refuse all the same. */
const MALFORMED_QUERIES: [string, TicketQuery][] = [
  ['an unknown sort', { sort: 'bogus' as never }],
  ['a negative limit', { limit: -1 }],
  ['a fractional limit', { limit: 1.5 }],
  ['a limit that is not a number', { limit: Number.NaN }],
  ['an unknown status', { status: ['bogus' as never] }],
  ['an unknown priority', { priority: ['bogus' as never] }],
];

/** Feed positions and limits that are not whole numbers of 0 or more. */
const MALFORMED_FEED_ARGUMENTS: [number, number][] = [
  [-1, 10],
  [0.5, 10],
  [Number.NaN, 10],
  [0, -1],
  [0, 1.5],
  [0, Number.POSITIVE_INFINITY],
];

/** Writes and reads the store must refuse, and what they leave behind. */
export const refusalChecks: ConformanceCheck[] = [
  {
    area: 'versions',
    name: 'a commit on a missing ticket is a ConflictError and writes nothing',
    async run({ store, probe }) {
      const ghost = bumped(sampleTicket());
      const error = await checkConflict(
        () =>
          store.commit({
            ticket: ghost,
            expectedVersion: 1,
            event: sampleEvent(ghost),
          }),
        'a commit on a missing ticket',
      );
      check(
        error.details.actual === null,
        `the conflict's current version should be null, is ${String(error.details.actual)}`,
      );
      check(
        (await probe.readTicket(ghost.siteId, ghost.id)) === null,
        'a commit on a missing ticket created it',
      );
      check(
        (await store.readFeed(0, 10)).events.length === 0,
        'a commit on a missing ticket added an event',
      );
    },
  },
  {
    area: 'round trip',
    name: 'a second ticket with a used id or ref is refused with a typed error and writes nothing',
    async run({ store, probe }) {
      const ticket = sampleTicket({ subject: 'The first' });
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      const sameId = sampleTicket({ id: ticket.id, subject: 'Same id' });
      const sameRef = sampleTicket({ ref: ticket.ref, subject: 'Same ref' });
      for (const [what, other] of [
        ['a used id', sameId],
        ['a used ref', sameRef],
      ] as const) {
        let thrown: unknown = null;
        try {
          await store.createTicket({
            ticket: other,
            event: sampleEvent(other),
          });
        } catch (error) {
          thrown = error;
        }
        check(thrown, `a second ticket with ${what} was accepted`);
        checkTyped(thrown, `a second ticket with ${what}`);
      }
      const raw = await probe.readTicket(ticket.siteId, ticket.id);
      check(
        raw?.subject === 'The first',
        `the first ticket was overwritten: ${raw?.subject}`,
      );
      check(
        (await probe.readTicket(sameRef.siteId, sameRef.id)) === null,
        'the ticket with a used ref was written',
      );
      check(
        (await probe.countEvents(ticket.siteId, ticket.id)) === 1,
        'a refused ticket added an event',
      );
      const feed = await store.readFeed(0, 10);
      check(feed.events.length === 1, `${feed.events.length} events in feed`);
    },
  },
  {
    area: 'queries',
    name: 'a malformed list query is refused with VALIDATION_FAILED',
    async run({ store }) {
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      for (const [what, query] of MALFORMED_QUERIES) {
        await checkRejects(
          () => store.listTickets('site-a', query),
          'VALIDATION_FAILED',
          what,
        );
      }
      const empty = await store.listTickets('site-a', { limit: 0 });
      check(
        empty.items.length === 0,
        `a limit of 0 answered ${empty.items.length} tickets`,
      );
    },
  },
  {
    area: 'change feed',
    name: 'feed arguments that are not whole numbers of 0 or more are refused',
    async run({ store }) {
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      for (const [after, limit] of MALFORMED_FEED_ARGUMENTS) {
        await checkRejects(
          () => store.readFeed(after, limit),
          'VALIDATION_FAILED',
          `readFeed(${after}, ${limit})`,
        );
      }
      const none = await store.readFeed(0, 0);
      check(
        none.events.length === 0 && none.cursor === 0,
        `readFeed(0, 0) answered ${none.events.length} events at ${none.cursor}`,
      );
    },
  },
];
