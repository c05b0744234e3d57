/**
 * The IndexedDB store's tests in real Chromium: the whole storage
 * conformance suite, then the ways a browser gets in the way (the same
 * scenarios the Node tests run on fake-indexeddb), with a real
 * over-quota error from a storage bucket of a small quota. Registered
 * by indexeddb.browser.test.ts once everything has loaded.
 */
import { createDesk } from '@ticketry/core';
import {
  conformanceChecks,
  runConformance,
  sampleEvent,
  sampleTicket,
} from '@ticketry/core/testing';
import { type ScenarioEnv, scenarios } from './failure-scenarios.js';
import { INDEXEDDB_CAPABILITY_REASONS, indexedDbStore } from './index.js';
import { mocha } from './mocha.js';
import { indexedDbProbe } from './test-support.js';

interface Buckets {
  open(
    name: string,
    options: { quota: number },
  ): Promise<{ indexedDB: IDBFactory }>;
  delete(name: string): Promise<void>;
}

const run = Date.now().toString(36);
const names: string[] = [];
const buckets: string[] = [];
let count = 0;
const newName = () => {
  const name = `ticketry-test-${run}-${++count}`;
  names.push(name);
  return name;
};

const unhandled: unknown[] = [];
addEventListener('unhandledrejection', (event) => unhandled.push(event.reason));

const storageBuckets = (navigator as unknown as { storageBuckets?: Buckets })
  .storageBuckets;

const env: ScenarioEnv = {
  factory: indexedDB,
  range: IDBKeyRange,
  newName,
  async smallQuota() {
    if (!storageBuckets)
      throw new Error('this Chromium has no storage buckets');
    const name = `ticketry-quota-${run}-${++count}`;
    buckets.push(name);
    const bucket = await storageBuckets.open(name, { quota: 1_000_000 });
    return bucket.indexedDB;
  },
};

/** Registers the Chromium tests with mocha. */
export function registerChromiumTests() {
  mocha.describe('the IndexedDB store in Chromium', body);
}

function body() {
  mocha.afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (unhandled.length > 0) {
      throw new Error(
        `unhandled rejections: ${unhandled.splice(0).join('; ')}`,
      );
    }
  });

  mocha.after(async () => {
    await Promise.all(
      names.map(
        (name) =>
          new Promise((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = resolve;
          }),
      ),
    );
    await Promise.all(buckets.map((name) => storageBuckets?.delete(name)));
  });

  mocha.it('passes the storage conformance suite', async function () {
    this.timeout(120_000);
    let created = 0;
    const failures = await runConformance({
      capabilityReasons: INDEXEDDB_CAPABILITY_REASONS,
      async create() {
        created += 1;
        const name = newName();
        const open = () => ({
          store: indexedDbStore({ name }),
          probe: indexedDbProbe(indexedDB, name, IDBKeyRange),
        });
        return { ...open(), reopen: async () => open() };
      },
    });
    if (failures.length > 0) {
      const list = failures.map((f) => `- ${f.name}: ${f.message}`);
      throw new Error(`${failures.length} checks failed:\n${list.join('\n')}`);
    }
    if (created < conformanceChecks.length) {
      throw new Error(
        `only ${created} of ${conformanceChecks.length} checks ran`,
      );
    }
  });

  for (const durability of ['strict', 'relaxed'] as const) {
    mocha.it(
      `writes and reads back with ${durability} durability`,
      async () => {
        const store = indexedDbStore({ name: newName(), durability });
        const ticket = sampleTicket();
        await store.createTicket({ ticket, event: sampleEvent(ticket) });
        const read = await store.getTicket(ticket.siteId, ticket.id);
        await store.close();
        if (read?.id !== ticket.id) throw new Error('the ticket was not kept');
      },
    );
  }

  mocha.it('a desk command reads and writes in one transaction', async () => {
    const store = indexedDbStore({ name: newName() });
    const ticket = sampleTicket();
    await store.createTicket({ ticket, event: sampleEvent(ticket) });
    const desk = createDesk({ store, siteId: ticket.siteId });
    const proto = IDBDatabase.prototype;
    const original = proto.transaction;
    const modes: string[] = [];
    proto.transaction = function (this: IDBDatabase, ...args) {
      modes.push(args[1] ?? 'readonly');
      return original.apply(this, args);
    } as typeof original;
    try {
      const system = { actor: { role: 'system', id: null } } as const;
      await desk.update(ticket.id, { tags: ['held'] }, system);
    } finally {
      proto.transaction = original;
    }
    const read = await store.getTicket(ticket.siteId, ticket.id);
    await store.close();
    if (modes.join() !== 'readwrite') {
      throw new Error(`one command took these transactions: ${modes}`);
    }
    if (read?.tags[0] !== 'held') throw new Error('the update was not kept');
  });

  for (const scenario of scenarios) {
    mocha.it(scenario.name, async function () {
      if (scenario.name.includes('over quota') && !storageBuckets) {
        // Chromium before 122 has no storage buckets to set a quota on.
        this.skip();
      }
      await scenario.run(env);
    });
  }
}
