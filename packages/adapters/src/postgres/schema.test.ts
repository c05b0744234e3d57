import { createServer, type Server } from 'node:net';
import { StorageError, ValidationError } from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresMigrations, postgresStore } from './index.js';
import { describeOnDatabases } from './test-support.js';

describeOnDatabases('postgres migrations', ({ db, open }) => {
  it('create the schema and record every step once in the migrations table', async () => {
    const store = await open();
    const rows = await db().query<{ version: number; name: string }>(
      `SELECT version, name FROM "${store.schema}".migrations ORDER BY version`,
    );
    expect(rows).toEqual(
      postgresMigrations.map(({ version, name }) => ({ version, name })),
    );
  });

  it('run once when several stores open one empty schema at the same time', async () => {
    const schema = db().schema();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => open({ schema })),
    );
    const [row] = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".migrations`,
    );
    expect(row!.n).toBe(postgresMigrations.length);
    const ticket = sampleTicket();
    await stores[0]!.createTicket({ ticket, event: sampleEvent(ticket) });
    expect((await stores[3]!.getTicket(ticket.siteId, ticket.id))?.id).toBe(
      ticket.id,
    );
  });

  it('keep schemas apart: a ticket in one schema is not in another', async () => {
    const a = await open();
    const b = await open();
    const ticket = sampleTicket();
    await a.createTicket({ ticket, event: sampleEvent(ticket) });
    expect(await b.getTicket(ticket.siteId, ticket.id)).toBeNull();
    expect(await b.nextRef('site-a')).toBe(1001);
  });

  it('refuse a schema migrated by a newer version of the package', async () => {
    const store = await open();
    await db().query(
      `INSERT INTO "${store.schema}".migrations (version, name) VALUES (99, 'future')`,
    );
    await expect(open({ schema: store.schema })).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      backend: 'postgres',
      message: expect.stringMatching(/at migration 99.*upgrade the package/),
    });
  });
});

describe('postgres store options', () => {
  it('refuse a call without pool or pglite, naming the option', async () => {
    const error = await postgresStore({} as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(
      /at pool: give exactly one of pool or pglite/,
    );
  });

  it('refuse a schema name that is not a plain identifier', async () => {
    const pglite = { query() {}, transaction() {}, listen() {} };
    const error = await postgresStore({
      pglite: pglite as never,
      schema: 'Robert"; DROP TABLE x; --',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/at schema/);
  });

  it('refuse something that is not a pool', async () => {
    const error = await postgresStore({ pool: {} as never }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/pool must be a pg Pool/);
  });
});

describeOnDatabases('the events table', ({ db, open }) => {
  async function withEvent() {
    const store = await open();
    const ticket = sampleTicket();
    await store.createTicket({ ticket, event: sampleEvent(ticket) });
    return `"${store.schema}".events`;
  }

  it('refuses an UPDATE in the database itself', async () => {
    const events = await withEvent();
    await expect(
      db().query(`UPDATE ${events} SET body = '{}'`),
    ).rejects.toThrow(/append-only: UPDATE refused/);
  });

  it('refuses a DELETE in the database itself', async () => {
    const events = await withEvent();
    await expect(db().query(`DELETE FROM ${events}`)).rejects.toThrow(
      /append-only: DELETE refused/,
    );
  });

  it('refuses a TRUNCATE in the database itself', async () => {
    const events = await withEvent();
    await expect(db().query(`TRUNCATE ${events} CASCADE`)).rejects.toThrow(
      /append-only: TRUNCATE refused/,
    );
    const [row] = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${events}`,
    );
    expect(row!.n).toBe(1);
  });
});

describeOnDatabases('postgres store errors', ({ open }) => {
  it('wrap a constraint failure in a StorageError naming postgres, with the driver error as cause', async () => {
    const store = await open();
    const ticket = sampleTicket({ ref: 'T-7' });
    await store.createTicket({ ticket, event: sampleEvent(ticket) });
    const twin = sampleTicket({ ref: 'T-7' });
    const error = await store
      .createTicket({ ticket: twin, event: sampleEvent(twin) })
      .catch((e) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error.backend).toBe('postgres');
    expect(error.status).toBe(503);
    expect(error.message).toMatch(
      /^postgres: could not create ticket .+: duplicate key value violates unique constraint "tickets_site_id_ref_key"$/,
    );
    expect(error.cause).toMatchObject({ code: '23505' });
  });

  it('refuse a feed position that is not a whole number', async () => {
    const store = await open();
    await expect(store.readFeed(-1, 10)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('a postgres store on a server that hangs up', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    // Our own listener on loopback that closes every connection at once.
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('fails to open with a StorageError instead of hanging', async () => {
    const pool = new pg.Pool({
      host: '127.0.0.1',
      port,
      user: 'nobody',
      database: 'none',
      connectionTimeoutMillis: 2000,
    });
    try {
      const error = await postgresStore({ pool }).catch((e) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect(error.message).toMatch(
        /^postgres: could not migrate schema ticketry: /,
      );
      expect(error.cause).toBeInstanceOf(Error);
    } finally {
      await pool.end();
    }
  });
});
