import type { CreateResult, TicketStore } from '../store/types.js';
import { check, checkConflictClass, checkEqual } from './assert.js';
import { bumped, sampleEvent, sampleTicket } from './fixtures.js';
import type { ConformanceCheck } from './harness.js';

const WRITERS = 16;
const UPDATES = 50;
const SUBMITS = 1000;
// A writer that loses this many times in a row is starved, not unlucky.
const MAX_ATTEMPTS = 20_000;

type Fields = Record<string, number>;

/**
 * One read-modify-write update: read the ticket, count one more in its
 * fields, commit at the version read, and on a conflict read again.
 * Answers how many conflicts it met.
 */
async function update(
  store: TicketStore,
  siteId: string,
  id: string,
  writer: number,
  n: number,
): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await store.getTicket(siteId, id);
    check(current, 'the ticket disappeared under concurrent writers');
    const before = current.fields as Fields;
    const fields = { ...before, [`w${writer}`]: n, total: before.total! + 1 };
    const next = bumped(current, { fields });
    try {
      await store.commit({
        ticket: next,
        expectedVersion: current.version,
        event: sampleEvent(next, { changes: { fields } }),
      });
      return attempt;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'VERSION_CONFLICT') throw error;
      checkConflictClass(error, `writer ${writer}'s conflict`);
    }
  }
  throw new Error(`writer ${writer} never got update ${n} through`);
}

/** Runs `work` over `count` items with at most `width` in flight. */
async function pooled<T>(
  count: number,
  width: number,
  work: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}

/** Concurrency: many writers on one ticket, many duplicate submits. */
export const concurrencyChecks: ConformanceCheck[] = [
  {
    area: 'concurrency',
    timeoutMs: 120_000,
    name: `${WRITERS} writers doing ${UPDATES} read-modify-write updates each lose no update`,
    async run({ store, probe }) {
      const ticket = sampleTicket({ fields: { total: 0 } });
      const { siteId, id } = ticket;
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          for (let n = 1; n <= UPDATES; n++) {
            await update(store, siteId, id, writer, n);
          }
        }),
      );
      const done = WRITERS * UPDATES;
      const final = await store.getTicket(siteId, id);
      const fields = final?.fields as Fields | undefined;
      check(final && fields, 'the ticket is gone');
      check(
        fields?.total === done,
        `${fields?.total} of ${done} updates survived`,
      );
      for (let writer = 0; writer < WRITERS; writer++) {
        check(
          fields[`w${writer}`] === UPDATES,
          `writer ${writer}'s last update is ${fields[`w${writer}`]}`,
        );
      }
      check(
        final.version === done + 1,
        `version is ${final.version}, not ${done + 1}`,
      );
      const persisted = await probe.countEvents(siteId, id);
      check(
        persisted === final.version,
        `${persisted} events persisted for version ${final.version}`,
      );
      const events = await store.listEvents(siteId, id);
      checkEqual(
        events.map((e) => e.version),
        Array.from({ length: done + 1 }, (_, i) => i + 1),
        'event versions',
      );
    },
  },
  {
    area: 'concurrency',
    timeoutMs: 120_000,
    name: `${SUBMITS} duplicate submits, ${WRITERS} at a time, make one ticket`,
    async run({ store, probe }) {
      const idempotency = { key: 'same-submit', fingerprint: 'same-body' };
      const results: CreateResult[] = await pooled(SUBMITS, WRITERS, () => {
        const ticket = sampleTicket();
        return store.createTicket({
          ticket,
          event: sampleEvent(ticket),
          idempotency,
        });
      });
      const first = results.filter((r) => !r.replayed);
      check(first.length === 1, `${first.length} submits were not replays`);
      const id = first[0]!.ticket.id;
      const others = results.filter((r) => r.ticket.id !== id).length;
      check(others === 0, `${others} submits answered another ticket`);
      const page = await store.listTickets('site-a', { limit: 100 });
      check(page.items.length === 1, `${page.items.length} tickets were made`);
      check(
        (await probe.countEvents('site-a', id)) === 1,
        'the ticket has more than its first event',
      );
      const feed = await store.readFeed(0, SUBMITS + 1);
      check(feed.events.length === 1, `${feed.events.length} events in feed`);
    },
  },
];
