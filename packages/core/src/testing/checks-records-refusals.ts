import { check, checkRejects } from './assert.js';
import type { ConformanceCheck } from './harness.js';
import { KIND, put } from './record-kit.js';

const BAD_WRITES: [string, Parameters<typeof put>[1], unknown, object][] = [
  ['a kind in upper case', 'k', 1, { kind: 'Org' }],
  ['an empty kind', 'k', 1, { kind: '' }],
  ['a kind with a slash', 'k', 1, { kind: 'a/b' }],
  ['a kind of 65 characters', 'k', 1, { kind: 'k'.repeat(65) }],
  ['an empty site', 'k', 1, { siteId: '' }],
  ['an empty key', '', 1, {}],
  ['a key with NUL', 'a\u0000b', 1, {}],
  ['a key with a bell', 'a\u0007b', 1, {}],
  ['a key of 201 characters', 'k'.repeat(201), 1, {}],
  ['an undefined value', 'k', undefined, {}],
  ['a function', 'k', () => 1, {}],
  ['a function inside an object', 'k', { f: () => 1 }, {}],
  ['an undefined inside an object', 'k', { u: undefined }, {}],
  ['NaN', 'k', Number.NaN, {}],
  ['Infinity', 'k', Number.POSITIVE_INFINITY, {}],
  ['a bigint', 'k', 1n, {}],
  ['a Date', 'k', new Date(0), {}],
  ['an instant that is not ISO', 'k', 1, { at: 'yesterday' }],
];

/** Records: what a store must refuse before it writes anything. */
export const recordRefusalChecks: ConformanceCheck[] = [
  {
    area: 'records',
    name: 'a malformed record, address or query is refused with VALIDATION_FAILED',
    async run({ store }) {
      for (const [what, key, value, where] of BAD_WRITES) {
        await checkRejects(
          () => put(store, key, value, 0, where),
          'VALIDATION_FAILED',
          `putRecord with ${what}`,
        );
      }
      for (const version of [-1, 1.5, Number.NaN]) {
        await checkRejects(
          () => put(store, 'k', 1, version),
          'VALIDATION_FAILED',
          `putRecord at version ${version}`,
        );
      }
      const calls: [string, () => Promise<unknown>][] = [
        [
          'getRecord of a bad kind',
          () => store.getRecord('site-a', 'A B', 'k'),
        ],
        [
          'getRecord of an empty key',
          () => store.getRecord('site-a', KIND, ''),
        ],
        ['listRecords of a bad kind', () => store.listRecords('site-a', '')],
        [
          'deleteRecord of an empty key',
          () => store.deleteRecord('site-a', KIND, '', 1),
        ],
        [
          'deleteRecord of a bad kind',
          () => store.deleteRecord('site-a', 'A', 'k', 1),
        ],
      ];
      for (const limit of [1001, 0, -1, 1.5]) {
        calls.push([
          `listRecords with limit ${limit}`,
          () => store.listRecords('site-a', KIND, { limit }),
        ]);
      }
      calls.push([
        'listRecords with a prefix of 201 characters',
        () => store.listRecords('site-a', KIND, { prefix: 'p'.repeat(201) }),
      ]);
      for (const [what, call] of calls) {
        await checkRejects(call, 'VALIDATION_FAILED', what);
      }
      const stored = await store.listRecords('site-a', KIND, { limit: 1000 });
      check(
        stored.length === 0,
        `${stored.length} refused records were stored`,
      );
      check(
        (await store.getRecord('site-a', KIND, 'k')) === null,
        'a refused write was stored',
      );
    },
  },
];
