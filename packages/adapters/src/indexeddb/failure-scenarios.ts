/**
 * How the IndexedDB store behaves when the browser gets in the way,
 * written once and run twice: in Node on fake-indexeddb and in
 * Chromium on the real thing (each runner supplies the environment).
 */
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { failureOf, type IndexedDbFailure } from './errors.js';
import { indexedDbStore } from './index.js';
import { openDatabase } from './open.js';
import { SCHEMA_VERSION } from './schema.js';
import {
  brokenFactories,
  indexedDbProbe,
  openRaw,
  settleWithin,
  spyFactory,
} from './test-support.js';

/** What a runner gives each scenario. */
export interface ScenarioEnv {
  factory: IDBFactory;
  range: typeof IDBKeyRange;
  /** A database name no other scenario uses. */
  newName(): string;
  /**
   * A factory whose origin has room for small tickets only: a write of
   * more than about a megabyte fails with QuotaExceededError.
   */
  smallQuota(): Promise<IDBFactory>;
}

/** One behaviour, as a sentence, and the steps that prove it. */
export interface Scenario {
  name: string;
  run(env: ScenarioEnv): Promise<void>;
}

function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function failsWith(
  promise: Promise<unknown>,
  reason: IndexedDbFailure,
  what: string,
) {
  const outcome = await settleWithin(promise, 3000);
  ok(outcome.state !== 'pending', `${what}: still pending after 3 s`);
  ok(outcome.state === 'rejected', `${what}: resolved, expected ${reason}`);
  const got = failureOf(outcome.error);
  ok(
    got === reason,
    `${what}: expected a StorageError (${reason}), got ${got ?? outcome.error}`,
  );
}

const storeOn = (env: ScenarioEnv, factory: IDBFactory, name?: string) =>
  indexedDbStore({
    name: name ?? env.newName(),
    indexedDB: factory,
    IDBKeyRange: env.range,
    blockedTimeoutMs: 200,
  });

async function withoutGlobalIndexedDb(run: () => Promise<void>) {
  const scope = globalThis as Record<string, unknown>;
  const own = Object.getOwnPropertyDescriptor(scope, 'indexedDB');
  Object.defineProperty(scope, 'indexedDB', {
    value: undefined,
    configurable: true,
  });
  try {
    await run();
  } finally {
    if (own) Object.defineProperty(scope, 'indexedDB', own);
    else delete scope.indexedDB;
  }
}

/** A ticket whose description is about `size` bytes of varied text. */
function bigTicket(size: number) {
  let text = '';
  let seed = 7;
  while (text.length < size) {
    seed = (seed * 48271) % 2147483647;
    text += seed.toString(36);
  }
  return sampleTicket({ description: text });
}

/** Every scenario, in the order the runners register them. */
export const scenarios: Scenario[] = [
  {
    name: 'without IndexedDB every call fails as unavailable, never hangs',
    async run(env) {
      await withoutGlobalIndexedDb(async () => {
        const store = indexedDbStore({ name: env.newName() });
        await failsWith(store.ready(), 'unavailable', 'ready');
        await failsWith(store.getTicket('s', 'x'), 'unavailable', 'read');
        const ticket = sampleTicket();
        await failsWith(
          store.createTicket({ ticket, event: sampleEvent(ticket) }),
          'unavailable',
          'write',
        );
        await store.close();
      });
    },
  },
  {
    name: 'an open that errors, as in private mode, fails as unavailable',
    async run(env) {
      const store = storeOn(env, brokenFactories(env.factory).openFails);
      await failsWith(store.listTickets('s', {}), 'unavailable', 'list');
      await failsWith(store.nextRef('s'), 'unavailable', 'a second call');
    },
  },
  {
    name: 'an open that throws, as in a sandboxed frame, fails as unavailable',
    async run(env) {
      const store = storeOn(env, brokenFactories(env.factory).openThrows);
      await failsWith(store.getTeam('s', 't'), 'unavailable', 'read');
    },
  },
  {
    name: 'an open that never answers fails as unavailable after the timeout',
    async run(env) {
      const store = storeOn(env, brokenFactories(env.factory).openHangs);
      await failsWith(store.getAgent('s', 'a'), 'unavailable', 'read');
    },
  },
  {
    name: 'an upgrade blocked by another tab fails as blocked within the timeout',
    async run(env) {
      const name = env.newName();
      const made = storeOn(env, env.factory, name);
      await made.ready();
      await made.close();
      // The other tab keeps this version open and ignores versionchange.
      const other = await openRaw(env.factory, name, SCHEMA_VERSION);
      const open = (ms: number) =>
        openDatabase({
          factory: env.factory,
          name,
          version: SCHEMA_VERSION + 1,
          blockedTimeoutMs: ms,
        });
      const started = Date.now();
      await failsWith(open(150), 'blocked', 'blocked upgrade');
      const took = Date.now() - started;
      ok(took < 1500, `settled after ${took} ms, allowed 150 ms`);
      other.close();
      const db = await open(2000);
      ok(db.version === SCHEMA_VERSION + 1, `opened at ${db.version}`);
      db.close();
      // The request that timed out got its connection late and closed
      // it, so it blocks no one: a further upgrade goes through.
      const next = await settleWithin(openRaw(env.factory, name, 9), 1000);
      ok(next.state === 'resolved', `a later upgrade was ${next.state}`);
      next.value.close();
    },
  },
  {
    name: 'an open store steps aside for an upgrade in another tab',
    async run(env) {
      const name = env.newName();
      const store = storeOn(env, env.factory, name);
      await store.ready();
      const upgrade = await settleWithin(
        openRaw(env.factory, name, SCHEMA_VERSION + 1),
        1000,
      );
      ok(
        upgrade.state === 'resolved',
        `the other tab's upgrade ${upgrade.state}`,
      );
      upgrade.value.close();
      await failsWith(store.getTicket('s', 'x'), 'version', 'call after');
      await store.close();
    },
  },
  {
    name: 'after another tab deletes the database the next call starts afresh',
    async run(env) {
      const name = env.newName();
      const store = storeOn(env, env.factory, name);
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      const deleted = new Promise<void>((resolve, reject) => {
        const request = env.factory.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
      const outcome = await settleWithin(deleted, 1000);
      ok(outcome.state === 'resolved', `the delete was ${outcome.state}`);
      ok(
        (await store.getTicket(ticket.siteId, ticket.id)) === null,
        'the deleted ticket is still there',
      );
      const again = sampleTicket();
      await store.createTicket({ ticket: again, event: sampleEvent(again) });
      await store.close();
    },
  },
  {
    name: 'a connection closed under the store is opened again on the next call',
    async run(env) {
      const { factory, opened } = spyFactory(env.factory);
      const store = storeOn(env, factory);
      await store.ready();
      opened[0]?.close();
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      ok(opened.length === 2, `${opened.length} connections, expected 2`);
      await store.close();
    },
  },
  {
    name: 'a write over quota fails as quota, writes nothing, and the store goes on',
    async run(env) {
      const factory = await env.smallQuota();
      const name = env.newName();
      const store = storeOn(env, factory, name);
      const probe = indexedDbProbe(factory, name, env.range);
      const small = sampleTicket();
      await store.createTicket({ ticket: small, event: sampleEvent(small) });
      const big = bigTicket(3_000_000);
      await failsWith(
        store.createTicket({ ticket: big, event: sampleEvent(big) }),
        'quota',
        'big create',
      );
      ok(
        (await probe.readTicket(big.siteId, big.id)) === null,
        'big ticket kept',
      );
      const next = { ...small, version: 2, description: big.description };
      await failsWith(
        store.commit({
          ticket: next,
          expectedVersion: 1,
          event: sampleEvent(next),
        }),
        'quota',
        'big commit',
      );
      ok((await probe.countEvents(small.siteId, small.id)) === 1, 'event kept');
      const after = sampleTicket();
      await store.createTicket({ ticket: after, event: sampleEvent(after) });
      await store.close();
    },
  },
  {
    name: "another app's database under the same name is refused as version",
    async run(env) {
      const name = env.newName();
      const foreign = await openRaw(env.factory, name, SCHEMA_VERSION);
      foreign.close();
      const store = storeOn(env, env.factory, name);
      await failsWith(store.ready(), 'version', 'ready');
    },
  },
  {
    name: 'a store closed while it opens refuses calls and lets the database go',
    async run(env) {
      const name = env.newName();
      const store = storeOn(env, env.factory, name);
      const first = store.getTicket('s', 'x');
      await store.close();
      await failsWith(first, 'closed', 'the call in flight');
      await failsWith(store.getTicket('s', 'x'), 'closed', 'a later call');
      const upgrade = await settleWithin(openRaw(env.factory, name, 5), 1000);
      ok(
        upgrade.state === 'resolved',
        `the database is held: ${upgrade.state}`,
      );
      upgrade.value.close();
    },
  },
];
