import 'fake-indexeddb/auto';
import {
  IDBObjectStore as FakeObjectStore,
  IDBFactory,
  IDBKeyRange,
} from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ScenarioEnv, scenarios } from './failure-scenarios.js';

type Store = InstanceType<typeof FakeObjectStore> & {
  transaction: IDBTransaction & {
    _execRequestAsync(request: {
      operation(): never;
      source: unknown;
    }): IDBRequest;
  };
};

const quotaNames = new Set<string>();
const LIMIT = 1_000_000;

// fake-indexeddb knows no quota. In databases opened through
// smallQuota()'s factory, a
// put or add of a large value fails the way the spec says a request
// fails: an error event at the request with QuotaExceededError, then
// the transaction aborts with that error.
function limitWrites() {
  const proto = FakeObjectStore.prototype as unknown as Record<
    'put' | 'add',
    (this: Store, value: unknown, key?: IDBValidKey) => IDBRequest
  >;
  const originals = { put: proto.put, add: proto.add };
  for (const method of ['put', 'add'] as const) {
    proto[method] = function (value, key) {
      const tooBig =
        quotaNames.has(this.transaction.db.name) &&
        JSON.stringify(value).length > LIMIT;
      if (!tooBig) return originals[method].call(this, value, key);
      return this.transaction._execRequestAsync({
        source: this,
        operation() {
          throw new DOMException('quota exceeded', 'QuotaExceededError');
        },
      });
    };
  }
  return () => Object.assign(proto, originals);
}

describe('the IndexedDB store when the browser gets in the way (fake-indexeddb)', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let restore: () => void;
  let count = 0;

  beforeAll(() => {
    restore = limitWrites();
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(() => {
    restore();
    process.off('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled, 'unhandled rejections').toEqual([]);
  });

  const env = (): ScenarioEnv => ({
    factory: new IDBFactory(),
    range: IDBKeyRange,
    newName: () => `failures-${++count}`,
    async smallQuota() {
      const real = new IDBFactory();
      const factory: IDBFactory = {
        open(name, version) {
          quotaNames.add(name);
          return real.open(name, version);
        },
        deleteDatabase: (name) => real.deleteDatabase(name),
        databases: () => real.databases(),
        cmp: (a, b) => real.cmp(a, b),
      };
      return factory;
    },
  });

  for (const scenario of scenarios) {
    it(scenario.name, () => scenario.run(env()));
  }
});
