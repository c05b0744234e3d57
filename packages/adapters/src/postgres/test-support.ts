import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { StoreHarness, StoreProbe } from '@ticketry/core/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { postgresAuditProbe } from './audit-probe.js';
import type { PostgresStoreOptions } from './options.js';
import { type PostgresStore, postgresStore } from './store.js';

/** The real server's URL, when the environment gives one. */
export const PG_URL = process.env.TICKETRY_PG_URL;

/** Where PostgreSQL tests run: PGlite in process, or the real server. */
export interface TestDatabase {
  readonly name: 'pglite' | 'server';
  /** Store options for a schema of this database. */
  options(schema: string): PostgresStoreOptions;
  /** Raw SQL, around the store. */
  query<R = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<R[]>;
  /** A schema name no other test file or run uses; dropped by `close`. */
  schema(): string;
  /** Drops the schemas handed out and closes the connections. */
  close(): Promise<void>;
}

const run = `t${process.pid}_${randomBytes(3).toString('hex')}`;
let made = 0;

function schemas(query: TestDatabase['query'], dropOnClose: boolean) {
  const names: string[] = [];
  return {
    schema() {
      const name = `${run}_${++made}`;
      names.push(name);
      return name;
    },
    async drop() {
      if (!dropOnClose) return;
      for (const name of names.splice(0)) {
        await query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      }
    },
  };
}

/** PGlite in memory: no server needed. */
export async function pgliteDatabase(): Promise<TestDatabase> {
  const db = new PGlite();
  await db.waitReady;
  const query: TestDatabase['query'] = async (text, params = []) =>
    (await db.query(text, params)).rows as never[];
  const names = schemas(query, false);
  return {
    name: 'pglite',
    options: (schema) => ({ pglite: db, schema }),
    query,
    schema: names.schema,
    async close() {
      await db.close();
    },
  };
}

/** The PostgreSQL server at `url`, through a pg pool. */
export async function serverDatabase(
  url: string,
  max = 10,
): Promise<TestDatabase> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it.
  });
  const query: TestDatabase['query'] = async (text, params = []) =>
    (await pool.query(text, params)).rows;
  const names = schemas(query, true);
  return {
    name: 'server',
    options: (schema) => ({ pool, schema }),
    query,
    schema: names.schema,
    async close() {
      try {
        await names.drop();
      } finally {
        await pool.end();
      }
    },
  };
}

/**
 * The databases to test on: PGlite always, and the real server too
 * when `TICKETRY_PG_URL` is set.
 */
export function testDatabases(): {
  name: string;
  open: () => Promise<TestDatabase>;
}[] {
  const list = [{ name: 'pglite', open: pgliteDatabase }];
  if (PG_URL) list.push({ name: 'server', open: () => serverDatabase(PG_URL) });
  return list;
}

/**
 * Reads what a schema holds with raw SQL, around the store. The row's
 * columns override the JSON body, so a column the store forgot to
 * update shows up as a wrong value.
 */
export function postgresProbe(db: TestDatabase, schema: string): StoreProbe {
  const s = `"${schema}"`;
  return {
    async readTicket(siteId, id) {
      const [row] = await db.query<{
        version: number;
        status: string;
        ref: string;
        body: string;
      }>(
        `SELECT version, status, ref, body FROM ${s}.tickets
         WHERE site_id = $1 AND id = $2`,
        [siteId, id],
      );
      if (!row) return null;
      const { version, status, ref } = row;
      return { ...JSON.parse(row.body), version, status, ref };
    },
    async countEvents(siteId, ticketId) {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${s}.events
         WHERE site_id = $1 AND ticket_id = $2`,
        [siteId, ticketId],
      );
      return row!.n;
    },
  };
}

/** The conformance harness over a test database: a schema per check. */
export function postgresHarness(database: () => TestDatabase): StoreHarness {
  return {
    async create() {
      const db = database();
      const schema = db.schema();
      const open = async () => ({
        store: await postgresStore(db.options(schema)),
        probe: {
          ...postgresProbe(db, schema),
          ...postgresAuditProbe(db, schema),
        },
      });
      return { ...(await open()), reopen: open };
    },
  };
}

/** What a test on one database gets. */
export interface DatabaseContext {
  /** `pglite` or `server`, known when tests are registered. */
  name: string;
  /** The database of the current describe block. */
  db(): TestDatabase;
  /** A store on a fresh schema (or `schema`), closed after the test. */
  open(
    extra?: Partial<PostgresStoreOptions> & { schema?: string },
  ): Promise<PostgresStore>;
}

// One database of each kind per test file, shared by its describe
// blocks: starting PGlite costs seconds, a schema costs milliseconds.
const shared = new Map<string, Promise<TestDatabase>>();

function sharedDatabase(name: string, open: () => Promise<TestDatabase>) {
  if (shared.size === 0) {
    afterAll(async () => {
      const all = [...shared.values()];
      shared.clear();
      for (const db of all) await (await db).close();
    });
  }
  let db = shared.get(name);
  if (!db) {
    db = open();
    shared.set(name, db);
  }
  return db;
}

/**
 * Runs `body` once per test database, each in its own describe block:
 * PGlite always, the real server too when `TICKETRY_PG_URL` is set.
 * Call it at the top level of a test file.
 */
export function describeOnDatabases(
  title: string,
  body: (context: DatabaseContext) => void,
) {
  for (const { name, open } of testDatabases()) {
    const database = sharedDatabase(name, open);
    describe(`${title} (${name})`, () => {
      let db: TestDatabase | undefined;
      const stores: PostgresStore[] = [];
      beforeAll(async () => {
        db = await database;
      }, 120_000);
      afterEach(async () => {
        for (const store of stores.splice(0)) await store.close();
      });
      body({
        name,
        db: () => db!,
        async open(extra = {}) {
          const schema = extra.schema ?? db!.schema();
          const store = await postgresStore({
            ...db!.options(schema),
            ...extra,
          } as PostgresStoreOptions);
          stores.push(store);
          return store;
        },
      });
    });
  }
}
