import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ConflictError, StorageError, TicketryError } from '@ticketry/core';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type SqliteStoreOptions, sqliteStore } from './index.js';
import { tempFiles } from './test-support.js';

const files = tempFiles();
afterAll(() => files.remove());

const pragma = (db: Database.Database, name: string) =>
  db.pragma(name, { simple: true });

async function rejection(work: Promise<unknown>): Promise<TicketryError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TicketryError);
  return error as TicketryError;
}

// Holds the write lock of `filename` from another thread for `holdMs`
// and writes meanwhile, so a store that read before taking the lock
// would find its snapshot stale and fail instead of waiting.
const LOCK_HOLDER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO counters VALUES ('site-z', 1)").run();
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
db.exec('COMMIT');
db.close();
`;

describe('sqlite store connections', () => {
  it('open files in WAL mode, NORMAL sync, foreign keys on, 5 s busy timeout', async () => {
    const store = sqliteStore({ filename: files.file() });
    const db = store.database;
    expect(pragma(db, 'journal_mode')).toBe('wal');
    expect(pragma(db, 'synchronous')).toBe(1);
    expect(pragma(db, 'foreign_keys')).toBe(1);
    expect(pragma(db, 'busy_timeout')).toBe(5000);
    await store.close();
  });

  it('apply synchronous FULL and a custom busy timeout when asked', async () => {
    const store = sqliteStore({
      filename: files.file(),
      synchronous: 'FULL',
      busyTimeoutMs: 250,
    });
    expect(pragma(store.database, 'synchronous')).toBe(2);
    expect(pragma(store.database, 'busy_timeout')).toBe(250);
    await store.close();
  });

  it('keep an in-memory database out of WAL mode', async () => {
    const store = sqliteStore({ filename: ':memory:' });
    expect(pragma(store.database, 'journal_mode')).toBe('memory');
    expect(pragma(store.database, 'foreign_keys')).toBe(1);
    await store.close();
  });

  it('refuse bad options with a ValidationError naming the option', () => {
    const bad = (options: unknown) => () =>
      sqliteStore(options as SqliteStoreOptions);
    const coded = expect.objectContaining({ code: 'VALIDATION_FAILED' });
    expect(bad({})).toThrow(coded);
    expect(bad({})).toThrow(/exactly one of filename or database/);
    expect(bad({ filename: '' })).toThrow(coded);
    const database = new Database(':memory:');
    expect(bad({ filename: 'a.sqlite', database })).toThrow(/exactly one/);
    database.close();
    expect(bad({ filename: ':memory:', synchronous: 'OFF' })).toThrow(
      /at synchronous/,
    );
    expect(bad({ filename: ':memory:', busyTimeoutMs: -1 })).toThrow(
      /at busyTimeoutMs/,
    );
    expect(bad({ database: { prepare: 1 } })).toThrow(/better-sqlite3/);
  });

  it('turn a stale write from a second store on one file into a ConflictError', async () => {
    const filename = files.file();
    const a = sqliteStore({ filename });
    const b = sqliteStore({ filename });
    const ticket = sampleTicket();
    await a.createTicket({ ticket, event: sampleEvent(ticket) });
    const readByB = await b.getTicket(ticket.siteId, ticket.id);
    expect(readByB).toEqual(ticket);

    const fromA = bumped(ticket, { subject: 'Written by A' });
    await a.commit({
      ticket: fromA,
      expectedVersion: 1,
      event: sampleEvent(fromA),
    });
    const fromB = bumped(readByB!, { subject: 'Stale write by B' });
    const error = await rejection(
      b.commit({
        ticket: fromB,
        expectedVersion: 1,
        event: sampleEvent(fromB),
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.details).toMatchObject({ expected: 1, actual: 2 });
    expect((await b.getTicket(ticket.siteId, ticket.id))?.subject).toBe(
      'Written by A',
    );
    expect(await b.listEvents(ticket.siteId, ticket.id)).toHaveLength(2);
    await a.close();
    await b.close();
  });

  it('honour an idempotency key written by another store on the same file', async () => {
    const filename = files.file();
    const a = sqliteStore({ filename });
    const b = sqliteStore({ filename });
    const idempotency = { key: 'shared-key-1', fingerprint: 'same-body' };
    const first = sampleTicket();
    await a.createTicket({
      ticket: first,
      event: sampleEvent(first),
      idempotency,
    });
    const retry = sampleTicket();
    const result = await b.createTicket({
      ticket: retry,
      event: sampleEvent(retry),
      idempotency,
    });
    expect(result.replayed).toBe(true);
    expect(result.ticket.id).toBe(first.id);
    expect(result.event.version).toBe(1);
    await a.close();
    await b.close();
  });

  it('fail a write blocked past busyTimeoutMs with a StorageError naming sqlite', async () => {
    const filename = files.file();
    const store = sqliteStore({ filename, busyTimeoutMs: 150 });
    const holder = new Database(filename);
    holder.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    const error = await rejection(store.nextRef('site-a'));
    const waited = performance.now() - started;
    holder.exec('ROLLBACK');
    holder.close();

    expect(waited).toBeGreaterThanOrEqual(140);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).backend).toBe('sqlite');
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).toMatch(/^sqlite: could not number a ticket: /);
    expect((error.cause as { code?: string }).code).toBe('SQLITE_BUSY');
    expect(await store.nextRef('site-a')).toBe(1001);
    await store.close();
  });

  it('wait for a lock held by another thread and write once it is released', async () => {
    const filename = files.file();
    const store = sqliteStore({ filename, busyTimeoutMs: 5000 });
    const worker = new Worker(LOCK_HOLDER, {
      eval: true,
      workerData: {
        filename,
        holdMs: 300,
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      },
    });
    await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const started = performance.now();
    const ticket = sampleTicket();
    await store.createTicket({
      ticket,
      event: sampleEvent(ticket),
      idempotency: { key: 'read-then-write', fingerprint: 'body' },
    });
    const waited = performance.now() - started;
    await new Promise((resolve) => worker.once('exit', resolve));

    expect(waited).toBeGreaterThanOrEqual(100);
    expect(waited).toBeLessThan(4000);
    expect(await store.getTicket(ticket.siteId, ticket.id)).toEqual(ticket);
    expect(await store.nextRef('site-z')).toBe(2);
    await store.close();
  });

  it('close the database it opened and refuse calls after close', async () => {
    const store = sqliteStore({ filename: files.file() });
    await store.close();
    expect(store.database.open).toBe(false);
    const error = await rejection(store.listTeams('site-a'));
    expect(error.message).toBe('sqlite: the store is closed');
    await store.close();
  });

  it('leave a database it was given open after close', async () => {
    const database = new Database(':memory:');
    const store = sqliteStore({ database });
    await store.putTeam({ id: 'net', siteId: 'site-a', name: 'Network' });
    await store.close();
    expect(database.open).toBe(true);
    const row = database.prepare('SELECT count(*) AS n FROM teams').get();
    expect(row).toEqual({ n: 1 });
    const again = sqliteStore({ database });
    expect(await again.getTeam('site-a', 'net')).not.toBeNull();
    await again.close();
    database.close();
  });
});
