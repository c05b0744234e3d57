import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { followChanges, postgresStore } from '@ticketry/adapters/postgres';
import { sqliteStore } from '@ticketry/adapters/sqlite';
import type { Desk, TicketStore } from '@ticketry/core';
import pg from 'pg';
import type { Logger } from './log.ts';

/** Where the demo keeps its data. */
export interface DemoStoreOptions {
  /** SQLite file, used when `pgUrl` is not given. */
  dbFile: string;
  /** A PostgreSQL connection string: the store is PostgreSQL then. */
  pgUrl?: string | undefined;
  /** @default 'ticketry' */
  pgSchema?: string | undefined;
  log: Logger;
}

/** An open demo store and how the desk over it hears other processes. */
export interface DemoStore {
  store: TicketStore;
  backend: 'sqlite' | 'postgres';
  /** The desk to serve: on PostgreSQL it follows other processes. */
  serve(desk: Desk): Promise<Desk>;
  close(): Promise<void>;
}

async function openPostgres(options: DemoStoreOptions): Promise<DemoStore> {
  const pool = new pg.Pool({ connectionString: options.pgUrl, max: 10 });
  pool.on('error', (error) =>
    options.log.error('idle database connection failed', {
      error: error.message,
    }),
  );
  const store = await postgresStore({
    pool,
    schema: options.pgSchema ?? 'ticketry',
    onError: (error) =>
      options.log.error('change feed trouble', { error: error.message }),
  }).catch(async (error) => {
    await pool.end();
    throw error;
  });
  let stop = async () => {};
  return {
    store,
    backend: 'postgres',
    async serve(desk) {
      const followed = followChanges(desk);
      await followed.ready;
      stop = () => followed.stop();
      return followed;
    },
    async close() {
      await stop();
      await store.close();
      await pool.end();
    },
  };
}

/**
 * The demo's store: PostgreSQL when a connection string is given (so
 * several demo processes can share it), else an SQLite file.
 */
export async function openDemoStore(
  options: DemoStoreOptions,
): Promise<DemoStore> {
  if (options.pgUrl) return openPostgres(options);
  const { dbFile } = options;
  if (dbFile !== ':memory:') mkdirSync(dirname(dbFile), { recursive: true });
  const store = sqliteStore({ filename: dbFile });
  return {
    store,
    backend: 'sqlite',
    serve: async (desk) => desk,
    close: () => store.close(),
  };
}
