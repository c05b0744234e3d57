import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, migrations, schemaVersion, sqliteStore } from './index.js';
import { tempFiles } from './test-support.js';

const files = tempFiles();
afterAll(() => files.remove());

const cursor = {
  siteId: 'site-a',
  kind: 'routing.cursor',
  key: 'net',
  at: '2024-01-01T09:00:00.000Z',
};

describe('sqlite records table', () => {
  it('keeps a record as one row: the value as JSON text, its version and instant', async () => {
    const filename = files.file();
    const store = sqliteStore({ filename });
    await store.putRecord({
      ...cursor,
      value: { next: 'ada' },
      expectedVersion: 0,
    });
    const value = { next: 'bob', 'ключ 🚀': [1.5, null] };
    await store.putRecord({
      ...cursor,
      value,
      expectedVersion: 1,
      at: '2024-01-01T09:05:00.000Z',
    });
    const raw = new Database(filename, { readonly: true });
    const rows = raw
      .prepare('SELECT * FROM records WHERE site_id = ? AND kind = ?')
      .all('site-a', 'routing.cursor');
    expect(rows).toEqual([
      {
        site_id: 'site-a',
        kind: 'routing.cursor',
        key: 'net',
        version: 2,
        value: JSON.stringify(value),
        updated_at: '2024-01-01T09:05:00.000Z',
      },
    ]);
    await store.deleteRecord('site-a', 'routing.cursor', 'net', 2);
    const left = raw.prepare('SELECT count(*) AS n FROM records').get();
    expect(left).toEqual({ n: 0 });
    raw.close();
    await store.close();
  });

  it('is added to a file at schema 5, which keeps its data', async () => {
    const filename = files.file();
    const db = new Database(filename);
    migrate(db, migrations.slice(0, 5));
    db.prepare('INSERT INTO counters (site_id, value) VALUES (?, ?)').run(
      'site-a',
      1041,
    );
    db.close();
    const store = sqliteStore({ filename });
    expect(schemaVersion(store.database)).toBe(6);
    expect(await store.nextRef('site-a')).toBe(1042);
    const put = await store.putRecord({
      ...cursor,
      value: 1,
      expectedVersion: 0,
    });
    expect(await store.getRecord('site-a', cursor.kind, 'net')).toEqual(put);
    await store.close();
  });
});
