import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError, TicketryError } from '@ticketry/core';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type SqliteStore, sqliteStore } from './index.js';
import { tempFiles } from './test-support.js';

const files = tempFiles();
const open: SqliteStore[] = [];

function store(filename = ':memory:') {
  const s = sqliteStore({ filename });
  open.push(s);
  return s;
}

async function rejection(work: Promise<unknown>): Promise<TicketryError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TicketryError);
  return error as TicketryError;
}

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
afterAll(() => files.remove());

describe('sqlite store errors', () => {
  it('wrap a constraint failure in a StorageError naming sqlite, with the driver error as cause', async () => {
    const s = store();
    const ticket = sampleTicket({ ref: 'T-7' });
    await s.createTicket({ ticket, event: sampleEvent(ticket) });
    const twin = sampleTicket({ ref: 'T-7' });
    const error = await rejection(
      s.createTicket({ ticket: twin, event: sampleEvent(twin) }),
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).backend).toBe('sqlite');
    expect(error.status).toBe(503);
    expect(error.message).toMatch(
      /^sqlite: could not create ticket .+: UNIQUE constraint failed: tickets.site_id, tickets.ref$/,
    );
    expect(error.cause).toBeInstanceOf(Database.SqliteError);
    expect((error.cause as { code: string }).code).toBe(
      'SQLITE_CONSTRAINT_UNIQUE',
    );
  });

  it('refuse a file that is not a database with a StorageError', () => {
    const filename = files.file('garbage');
    writeFileSync(filename, 'this is not a database file '.repeat(100));
    let error: unknown;
    try {
      sqliteStore({ filename });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toMatch(
      /^sqlite: could not .*not a database/,
    );
    expect((error as { cause: { code: string } }).cause.code).toBe(
      'SQLITE_NOTADB',
    );
  });

  it('refuse a path in a missing folder with a StorageError', () => {
    const filename = join(files.dir, 'missing', 'desk.sqlite');
    expect(() => sqliteStore({ filename })).toThrow(
      /^sqlite: could not open the database: /,
    );
  });

  it('keep no idempotency key when the create it guards fails', async () => {
    const s = store();
    const ticket = sampleTicket();
    const event = sampleEvent(ticket);
    await s.createTicket({ ticket, event });
    const idempotency = { key: 'fails-first', fingerprint: 'body' };
    const other = sampleTicket();
    await rejection(
      s.createTicket({
        ticket: other,
        event: { ...sampleEvent(other), id: event.id },
        idempotency,
      }),
    );
    const retry = await s.createTicket({
      ticket: other,
      event: sampleEvent(other),
      idempotency,
    });
    expect(retry.replayed).toBe(false);
    expect(retry.ticket).toEqual(other);
  });

  it('report the current version in a conflict and a missing ticket as null', async () => {
    const s = store();
    const ticket = sampleTicket();
    await s.createTicket({ ticket, event: sampleEvent(ticket) });
    const next = bumped(ticket);
    const stale = await rejection(
      s.commit({ ticket: next, expectedVersion: 4, event: sampleEvent(next) }),
    );
    expect(stale.code).toBe('VERSION_CONFLICT');
    expect(stale.details).toEqual({
      ticketId: ticket.id,
      expected: 4,
      actual: 1,
    });
    const ghost = sampleTicket({ version: 2 });
    const missing = await rejection(
      s.commit({
        ticket: ghost,
        expectedVersion: 1,
        event: sampleEvent(ghost),
      }),
    );
    expect(missing.details).toMatchObject({ actual: null });
    expect(await s.getTicket(ghost.siteId, ghost.id)).toBeNull();
  });

  it('return the first ticket and event to a retry made after the ticket moved on', async () => {
    const s = store();
    const ticket = sampleTicket();
    const idempotency = { key: 'moved-on', fingerprint: 'body' };
    const first = await s.createTicket({
      ticket,
      event: sampleEvent(ticket),
      idempotency,
    });
    const next = bumped(ticket, { status: 'open' });
    await s.commit({
      ticket: next,
      expectedVersion: 1,
      event: sampleEvent(next),
    });
    const again = sampleTicket();
    const retry = await s.createTicket({
      ticket: again,
      event: sampleEvent(again),
      idempotency,
    });
    expect(retry).toEqual({ ticket: next, event: first.event, replayed: true });
  });

  it('refuse a bad feed position with a ValidationError', async () => {
    const s = store();
    for (const [after, limit] of [
      [-1, 10],
      [0, 1.5],
      [Number.NaN, 10],
    ] as const) {
      const error = await rejection(s.readFeed(after, limit));
      expect(error.code).toBe('VALIDATION_FAILED');
    }
  });
});
