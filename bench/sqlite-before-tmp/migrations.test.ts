import { StorageError } from '@ticketry/core';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, migrations, schemaVersion, sqliteStore } from './index.js';
import {
  eventParams,
  INSERT_EVENT,
  INSERT_TICKET,
  ticketParams,
} from './rows.js';
import { tempFiles } from './test-support.js';

const files = tempFiles();
afterAll(() => files.remove());

const indexNames = (db: Database.Database) =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((row) => row.name);

describe('sqlite schema migrations', () => {
  it('are numbered 1 to n with at least two steps', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    expect(migrations.map((m) => m.version)).toEqual(
      migrations.map((_, i) => i + 1),
    );
  });

  it('bring a fresh database to the latest version', async () => {
    const store = sqliteStore({ filename: ':memory:' });
    expect(schemaVersion(store.database)).toBe(migrations.length);
    expect(indexNames(store.database)).toContain('tickets_status');
    await store.close();
  });

  it('upgrade a file written at schema 1 and keep its data', async () => {
    const filename = files.file('v1');
    const old = new Database(filename);
    expect(migrate(old, migrations.slice(0, 1))).toBe(1);
    expect(indexNames(old)).toEqual([]);
    const ticket = sampleTicket({ status: 'open', teamId: 'net' });
    old.prepare(INSERT_TICKET).run(ticketParams(ticket));
    old.prepare(INSERT_EVENT).get(eventParams(sampleEvent(ticket)));
    old
      .prepare(
        'INSERT INTO requesters (site_id, id, email_key, body) VALUES (?, ?, ?, ?)',
      )
      .run('site-a', 'r1', 'ada@example.com', JSON.stringify({ id: 'r1' }));
    old.prepare("INSERT INTO counters VALUES ('site-a', 1041)").run();
    old.close();

    const store = sqliteStore({ filename });
    expect(schemaVersion(store.database)).toBe(migrations.length);
    expect(indexNames(store.database)).toEqual(
      expect.arrayContaining([
        'tickets_status',
        'tickets_team',
        'tickets_assignee',
        'tickets_requester',
        'tickets_due',
        'requesters_email',
      ]),
    );
    expect(await store.getTicket('site-a', ticket.id)).toEqual(ticket);
    const page = await store.listTickets('site-a', { teamId: 'net' });
    expect(page.items.map((t) => t.id)).toEqual([ticket.id]);
    expect(
      await store.findRequesterByEmail('site-a', 'ADA@example.com'),
    ).toEqual({ id: 'r1' });
    expect(await store.nextRef('site-a')).toBe(1042);

    const next = bumped(ticket, { status: 'assigned' });
    await store.commit({
      ticket: next,
      expectedVersion: 1,
      event: sampleEvent(next),
    });
    expect((await store.listEvents('site-a', ticket.id)).length).toBe(2);
    await store.close();
  });

  it('leave an up-to-date file untouched when it is opened again', async () => {
    const filename = files.file();
    await sqliteStore({ filename }).close();
    const db = new Database(filename);
    const before = indexNames(db);
    expect(migrate(db)).toBe(migrations.length);
    expect(indexNames(db)).toEqual(before);
    db.close();
  });

  it('roll a failing step back and stop at the step before it', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken on purpose',
        sql: 'CREATE TABLE half_done (a); SELECT * FROM no_such_table;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(migrations.length);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'")
      .all();
    expect(tables).toEqual([]);
    db.close();
  });

  it('refuse a list whose steps are numbered out of order', () => {
    const db = new Database(':memory:');
    const skipped = [migrations[0]!, { ...migrations[1]!, version: 3 }];
    expect(() => migrate(db, skipped)).toThrow(/migration 2 is numbered 3/);
    expect(schemaVersion(db)).toBe(0);
    db.close();
  });

  it('refuse a database from a newer schema with a StorageError', () => {
    const filename = files.file('future');
    const db = new Database(filename);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    const open = () => sqliteStore({ filename });
    expect(open).toThrow(StorageError);
    expect(open).toThrow(/sqlite: could not migrate.*upgrade the package/);
  });
});
