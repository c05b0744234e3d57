import { check, checkConflict, checkEqual } from './assert.js';
import { UNICODE_SAMPLES } from './checks-unicode.js';
import type { ConformanceCheck } from './harness.js';
import {
  checkVersion,
  expectedRecord,
  KIND,
  keysOf,
  LATER,
  put,
} from './record-kit.js';

/**
 * Keys whose order differs from insertion order, with the characters a
 * SQL `LIKE` treats as wildcards and text beyond ASCII. Each sorts the
 * same by UTF-16 code unit and by code point, so a store may order by
 * either.
 */
const LIST_KEYS = [
  'b',
  'a',
  'a/10',
  'a/2',
  'A',
  'a-1',
  'ab',
  'a_b',
  'axb',
  'a%c',
  '_z',
  'Z',
  'é',
  '中文',
  '😀',
  'a b',
  'aé',
];
const SORTED = [...LIST_KEYS].sort();

/** Values JSON carries, each of which must come back as it went in. */
const JSON_VALUES: Record<string, unknown> = {
  nested: {
    a: { b: { c: [1, { d: [true, false, null] }] } },
    empty: {},
    list: [],
    'key with "quotes" and \\ and 🚀': 'k',
  },
  numbers: {
    zero: 0,
    negative: -17,
    fraction: 0.30000000000000004,
    tiny: 5e-324,
    huge: 1.7976931348623157e308,
    safe: Number.MAX_SAFE_INTEGER,
    unsafeButExact: 2 ** 60,
    avogadro: 6.02214076e23,
  },
  unicode: { ...UNICODE_SAMPLES, nul: 'a\u0000b', escape: '\u001b[31m' },
  'a bare string': 'just text 🚀',
  'a bare number': 42.5,
  'a bare null': null,
  'a bare false': false,
  'an array of mixed values': [1, 'two', { three: 3 }, [4], null],
};

/** Records: versions, JSON, order, sites and kinds, deletes, validation. */
export const recordChecks: ConformanceCheck[] = [
  {
    area: 'records',
    name: 'a record is created at version 0 and each write at the version read adds one',
    async run({ store }) {
      const created = await put(store, 'cursor', { next: 1 }, 0);
      checkVersion(created, 'putRecord');
      checkEqual(created, expectedRecord('cursor', { next: 1 }, 1), 'create');
      const read = await store.getRecord('site-a', KIND, 'cursor');
      checkVersion(read, 'getRecord');
      checkEqual(read, created, 'read after create');
      for (let n = 2; n <= 5; n++) {
        const next = await put(store, 'cursor', { next: n }, n - 1, {
          at: LATER,
        });
        check(
          next.version === n,
          `write ${n} answered version ${next.version}`,
        );
      }
      const want = expectedRecord('cursor', { next: 5 }, 5, { at: LATER });
      const after = await store.getRecord('site-a', KIND, 'cursor');
      checkEqual(after, want, 'read after four updates');
      (after!.value as { next: number }).next = 99;
      checkEqual(
        await store.getRecord('site-a', KIND, 'cursor'),
        want,
        'a change to an answered value reached the store',
      );
      const missing = await store.getRecord('site-a', KIND, 'missing');
      check(
        missing === null,
        `a missing record must read null, not ${missing}`,
      );
    },
  },
  {
    area: 'records',
    name: 'a stale write or a create over a record is a ConflictError and writes nothing',
    async run({ store }) {
      await put(store, 'k', { w: 1 }, 0);
      await put(store, 'k', { w: 2 }, 1);
      const stale = await checkConflict(
        () => put(store, 'k', { w: 'stale' }, 1),
        'a write at a stale version',
      );
      check(
        stale.details.actual === 2,
        `the conflict should name version 2, names ${stale.details.actual}`,
      );
      await checkConflict(
        () => put(store, 'k', { w: 'again' }, 0),
        'a create over an existing record',
      );
      await checkConflict(
        () => put(store, 'k', { w: 'ahead' }, 3),
        'a write at a version not reached yet',
      );
      const ghost = await checkConflict(
        () => put(store, 'ghost', { w: 1 }, 1),
        'a write at version 1 of a missing record',
      );
      check(
        ghost.details.actual === null,
        `a missing record's conflict should name version null, names ${ghost.details.actual}`,
      );
      checkEqual(
        await store.getRecord('site-a', KIND, 'k'),
        expectedRecord('k', { w: 2 }, 2),
        'a refused write changed the record',
      );
      const made = await store.getRecord('site-a', KIND, 'ghost');
      check(made === null, 'a refused write created a record');
    },
  },
  {
    area: 'records',
    name: 'record values round trip as JSON: nesting, numbers, unicode, bare values',
    async run({ store }) {
      for (const [key, value] of Object.entries(JSON_VALUES)) {
        const written = await put(store, key, value, 0);
        checkEqual(written.value, value, `${key}: as putRecord answers it`);
        const read = await store.getRecord('site-a', KIND, key);
        checkEqual(read?.value, value, `${key}: as getRecord reads it`);
      }
      const listed = await store.listRecords('site-a', KIND);
      for (const record of listed) {
        checkEqual(
          record.value,
          JSON_VALUES[record.key],
          `${record.key} listed`,
        );
      }
      check(
        listed.length === Object.keys(JSON_VALUES).length,
        `${listed.length} records listed`,
      );
    },
  },
  {
    area: 'records',
    name: 'records list in key order, by prefix, after a key and up to a limit',
    async run({ store }) {
      for (const key of LIST_KEYS) await put(store, key, { key }, 0);
      const list = async (query = {}) =>
        keysOf(await store.listRecords('site-a', KIND, query));
      checkEqual(await list(), SORTED, 'every key, in order');
      const all = await store.listRecords('site-a', KIND);
      for (const r of all) {
        checkEqual(r, expectedRecord(r.key, { key: r.key }, 1), 'listed');
      }
      const starts = (p: string) => SORTED.filter((k) => k.startsWith(p));
      checkEqual(await list({ prefix: 'a' }), starts('a'), "prefix 'a'");
      checkEqual(await list({ prefix: 'a_' }), ['a_b'], "prefix 'a_'");
      checkEqual(await list({ prefix: 'a%' }), ['a%c'], "prefix 'a%'");
      checkEqual(await list({ prefix: '' }), SORTED, 'an empty prefix');
      checkEqual(await list({ prefix: 'zzz' }), [], 'a prefix of no key');
      const after = SORTED.filter((k) => k > 'a/10');
      checkEqual(await list({ after: 'a/10' }), after, "after 'a/10'");
      checkEqual(
        await list({ prefix: 'a', after: 'a/2' }),
        starts('a').filter((k) => k > 'a/2'),
        "prefix 'a' after 'a/2'",
      );
      checkEqual(
        await list({ after: 'b-' }),
        ['é', '中文', '😀'],
        'after a gap',
      );
      checkEqual(await list({ limit: 3 }), SORTED.slice(0, 3), 'limit 3');
      const paged: string[] = [];
      for (let page = await list({ limit: 4 }); page.length > 0; ) {
        paged.push(...page);
        page = await list({ limit: 4, after: page.at(-1) });
      }
      checkEqual(paged, SORTED, 'in pages of 4');
    },
  },
  {
    area: 'records',
    name: 'a list answers at most 100 records unless told, and up to 1,000',
    async run({ store }) {
      for (let i = 0; i < 120; i++) {
        await put(store, `item-${String(i).padStart(3, '0')}`, i, 0);
      }
      const count = async (limit?: number) =>
        (await store.listRecords('site-a', KIND, limit ? { limit } : {}))
          .length;
      check((await count()) === 100, `${await count()} records by default`);
      check((await count(1000)) === 120, `${await count(1000)} of 120`);
      check((await count(7)) === 7, `${await count(7)} records for limit 7`);
    },
  },
  {
    area: 'records',
    name: 'records are separated by site and by kind',
    async run({ store }) {
      const places = [
        { siteId: 'site-a', kind: 'org' },
        { siteId: 'site-b', kind: 'org' },
        { siteId: 'site-a', kind: 'org.members' },
        { siteId: 'site-a', kind: 'org.x' },
      ];
      for (const where of places) await put(store, 'same', where, 0, where);
      await put(store, 'x.same', 'glued', 0, { kind: 'org' });
      for (const where of places) {
        const { siteId, kind } = where;
        checkEqual(
          await store.getRecord(siteId, kind, 'same'),
          expectedRecord('same', where, 1, where),
          `${siteId} ${kind}`,
        );
      }
      await put(store, 'same', 'moved on', 1, places[0]);
      const other = await store.getRecord('site-b', 'org', 'same');
      check(other?.version === 1, 'a write in site-a moved site-b on');
      checkEqual(
        keysOf(await store.listRecords('site-a', 'org')),
        ['same', 'x.same'],
        'the keys of site-a org',
      );
      checkEqual(
        keysOf(await store.listRecords('site-b', 'org')),
        ['same'],
        'the keys of site-b org',
      );
      await store.deleteRecord('site-a', 'org', 'same', 2);
      for (const where of places.slice(1)) {
        const left = await store.getRecord(where.siteId, where.kind, 'same');
        check(
          left,
          `a delete in site-a org removed ${where.siteId} ${where.kind}`,
        );
      }
    },
  },
  {
    area: 'records',
    name: 'a delete at the version read removes the record; a stale one is a ConflictError',
    async run({ store }) {
      await put(store, 'k', 1, 0);
      await put(store, 'k', 2, 1);
      const del = (key: string, version: number) => () =>
        store.deleteRecord('site-a', KIND, key, version);
      await checkConflict(del('k', 1), 'a delete at a stale version');
      await checkConflict(del('k', 3), 'a delete at a version not reached');
      await checkConflict(del('missing', 1), 'a delete of a missing record');
      await checkConflict(del('missing', 0), 'a delete at version 0');
      checkEqual(
        await store.getRecord('site-a', KIND, 'k'),
        expectedRecord('k', 2, 2),
        'a refused delete changed the record',
      );
      await store.deleteRecord('site-a', KIND, 'k', 2);
      const gone = await store.getRecord('site-a', KIND, 'k');
      check(gone === null, 'a deleted record still reads');
      check(
        (await store.listRecords('site-a', KIND)).length === 0,
        'a deleted record is still listed',
      );
      await checkConflict(del('k', 2), 'a second delete');
      const again = await put(store, 'k', 'anew', 0);
      check(again.version === 1, `a re-created record is at ${again.version}`);
    },
  },
];
