import { expect, it } from 'vitest';
import { describeOnDatabases } from './test-support.js';

const cursor = {
  siteId: 'site-a',
  kind: 'routing.cursor',
  key: 'net',
  at: '2024-01-01T09:00:00.000Z',
};

describeOnDatabases('postgres records table (migration 5)', ({ db, open }) => {
  it('keeps a record as one row: the value as JSON text, NUL included', async () => {
    const store = await open();
    await store.putRecord({ ...cursor, value: 'first', expectedVersion: 0 });
    const value = { text: 'a\u0000b', 'ключ 🚀': [1.5, null], z: 1, a: 2 };
    await store.putRecord({ ...cursor, value, expectedVersion: 1 });
    const rows = await db().query(
      `SELECT site_id, kind, key, version::int AS version, value, updated_at
       FROM "${store.schema}".records`,
    );
    expect(rows).toEqual([
      {
        site_id: 'site-a',
        kind: 'routing.cursor',
        key: 'net',
        version: 2,
        value: JSON.stringify(value),
        updated_at: cursor.at,
      },
    ]);
    const read = await store.getRecord('site-a', cursor.kind, 'net');
    expect(Object.keys(read?.value as object)).toEqual(Object.keys(value));
  });
});
