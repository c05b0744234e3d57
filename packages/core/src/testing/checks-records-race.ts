import type { TicketStore } from '../store/types.js';
import { check, checkConflictClass, checkEqual } from './assert.js';
import type { ConformanceCheck } from './harness.js';
import { expectedRecord, KIND, LATER, put, winners } from './record-kit.js';

const RACERS = 8;
const WRITERS = 8;
const INCREMENTS = 10;
// A writer that loses this many times in a row is starved, not unlucky.
const MAX_ATTEMPTS = 10_000;

type Counter = { count: number; by: Record<string, number> };

/**
 * One read-modify-write increment of a counter record: read, add one,
 * write at the version read, and on a conflict read again.
 */
async function increment(store: TicketStore, key: string, writer: string) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await store.getRecord('site-a', KIND, key);
    const value = (current?.value as Counter | undefined) ?? {
      count: 0,
      by: {},
    };
    const next: Counter = {
      count: value.count + 1,
      by: { ...value.by, [writer]: (value.by[writer] ?? 0) + 1 },
    };
    try {
      await put(store, key, next, current?.version ?? 0);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'VERSION_CONFLICT') throw error;
      checkConflictClass(error, `writer ${writer}'s conflict`);
    }
  }
  throw new Error(`writer ${writer} never got an increment through`);
}

/** Runs the writers, each with its store, and checks the counter. */
async function counted(stores: TicketStore[], key: string) {
  await Promise.all(
    stores.map(async (store, i) => {
      for (let n = 0; n < INCREMENTS; n++) await increment(store, key, `w${i}`);
    }),
  );
  const final = await stores[0]!.getRecord('site-a', KIND, key);
  const done = stores.length * INCREMENTS;
  const value = final?.value as Counter | undefined;
  check(
    value?.count === done,
    `${value?.count} of ${done} increments survived`,
  );
  check(final?.version === done, `version is ${final?.version}, not ${done}`);
  for (let i = 0; i < stores.length; i++) {
    const mine = value.by[`w${i}`];
    check(mine === INCREMENTS, `writer w${i} has ${mine} increments`);
  }
}

/**
 * Writes at one version from every store at once: exactly one must win
 * and every loser must be a ConflictError; answers the winner's index.
 */
async function race(stores: TicketStore[], key: string, version: number) {
  const results = await Promise.allSettled(
    stores.map((store, i) => put(store, key, { writer: i }, version)),
  );
  const won = winners(results, `writes at version ${version}`, (e, what) =>
    checkConflictClass(e, what),
  );
  check(
    won === 1,
    `${won} of ${stores.length} writes at version ${version} succeeded`,
  );
  const index = results.findIndex((r) => r.status === 'fulfilled');
  checkEqual(
    await stores[0]!.getRecord('site-a', KIND, key),
    expectedRecord(key, { writer: index }, version + 1),
    `the record after the race at version ${version}`,
  );
}

/** Deletes at one version from every store at once: exactly one wins. */
async function deleteRace(stores: TicketStore[], key: string, version: number) {
  const results = await Promise.allSettled(
    stores.map((store) => store.deleteRecord('site-a', KIND, key, version)),
  );
  const won = winners(results, 'concurrent deletes', (e, what) =>
    checkConflictClass(e, what),
  );
  check(won === 1, `${won} of ${stores.length} concurrent deletes succeeded`);
}

/** Records under concurrent writers, and across a reopen. */
export const recordRaceChecks: ConformanceCheck[] = [
  {
    area: 'records',
    name: `of ${RACERS} concurrent record writes at one version exactly one wins`,
    async run({ store }) {
      const stores = Array.from({ length: RACERS }, () => store);
      await race(stores, 'race', 0);
      await race(stores, 'race', 1);
      await deleteRace(stores, 'race', 2);
      const gone = await store.getRecord('site-a', KIND, 'race');
      check(gone === null, 'the record survived its delete');
    },
  },
  {
    area: 'records',
    timeoutMs: 120_000,
    name: `${WRITERS} writers doing ${INCREMENTS} read-modify-write increments each lose no increment`,
    async run({ store }) {
      await counted(
        Array.from({ length: WRITERS }, () => store),
        'counter',
      );
    },
  },
  {
    area: 'records',
    name: 'records are kept across closing and reopening the store',
    async run(subject) {
      // Without reopen, the reopen check already asks for a reason.
      if (!subject.reopen) return;
      const { store } = subject;
      await put(store, 'kept', { n: 1 }, 0);
      await put(store, 'kept', { n: 2 }, 1, { at: LATER });
      await put(store, 'dropped', 'x', 0);
      await store.deleteRecord('site-a', KIND, 'dropped', 1);
      await store.close();
      const again = await subject.reopen();
      try {
        const kept = expectedRecord('kept', { n: 2 }, 2, { at: LATER });
        checkEqual(
          await again.store.getRecord('site-a', KIND, 'kept'),
          kept,
          'after reopen',
        );
        checkEqual(
          await again.store.listRecords('site-a', KIND),
          [kept],
          'the list after reopen',
        );
        const next = await put(again.store, 'kept', { n: 3 }, 2);
        check(next.version === 3, `the version restarted at ${next.version}`);
      } finally {
        await again.store.close();
      }
    },
  },
];

/**
 * For stores with `sharedAccess`: records written through two stores
 * on the same data keep every guarantee between them.
 */
export const recordSharedCheck: ConformanceCheck = {
  area: 'shared access',
  name: 'record writes through two stores on the same data keep their versions',
  timeoutMs: 120_000,
  async run(subject) {
    check(
      subject.reopen,
      'sharedAccess is on, but the harness has no reopen to open a second store',
    );
    const a = subject.store;
    const second = await subject.reopen();
    const b = second.store;
    try {
      const both = [a, b, a, b, a, b];
      await race(both, 'shared', 0);
      const seen = await b.getRecord('site-a', KIND, 'shared');
      check(
        seen?.version === 1,
        "the second store must read the first's write",
      );
      await race(both, 'shared', 1);
      await deleteRace(both, 'shared', 2);
      await counted([a, b, a, b], 'shared-counter');
    } finally {
      await second.store.close();
    }
  },
};
