/**
 * The process that serves while bench/server.ts loads it, so that the
 * load generator and the server do not share a core. Started with one
 * argument: `demo` (the demo server on a temp SQLite file), `postgres`
 * (the same API over the PostgreSQL store at TICKETRY_PG_URL) or
 * `bare` (node:http answering a fixed JSON body, the ceiling of this
 * machine). Sends `{ url, apiKey, ids }` when ready; stops on 'stop'.
 * Binds 127.0.0.1 only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDesk, type Desk, type TicketStore } from '@ticketry/core';
import { createReplayClock, replayFile } from '../examples/replay/index.ts';
import { SAMPLE_LOG, startDemo } from '../examples/server/demo.ts';
import { createLogger } from '../examples/server/log.ts';

/**
 * Imported by name at run time: the adapter is optional here, and the
 * section skips PostgreSQL with the reason when it cannot be loaded.
 */
export const POSTGRES_ADAPTER = '@ticketry/adapters/postgres';

/** What the host answers once it serves. */
export interface HostReady {
  url: string;
  apiKey: string | null;
  /** Ticket ids to read, from the replayed history. */
  ids: string[];
}

async function readableIds(desk: Desk): Promise<string[]> {
  const page = await desk.list({ limit: 200 });
  return page.items.map((t) => t.id);
}

async function demo() {
  const dir = mkdtempSync(join(tmpdir(), 'ticketry-bench-server-'));
  const server = await startDemo({
    port: 0,
    dbFile: join(dir, 'demo.sqlite'),
    logger: createLogger({ quiet: true }),
  });
  return {
    ready: {
      url: server.url,
      apiKey: server.apiKey,
      ids: await readableIds(server.desk),
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The demo's API over PostgreSQL, seeded with the same history. */
async function postgres() {
  const url = process.env.TICKETRY_PG_URL;
  if (!url) throw new Error('TICKETRY_PG_URL is not set');
  const { postgresStore } = (await import(POSTGRES_ADAPTER)) as {
    postgresStore(options: {
      pool: unknown;
      schema?: string;
    }): Promise<TicketStore>;
  };
  const { createHttpHandler, serveNode } = await import(
    '@ticketry/adapters/http/server'
  );
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const schema = `bench_${process.pid}`;
  const store: TicketStore = await postgresStore({ pool, schema });
  const clock = createReplayClock();
  const desk = createDesk({ store, clock, closedReplyPolicy: 'reopen' });
  await desk.createTeam({ id: 'service-desk', name: 'Service desk' });
  await desk.createAgent({
    id: 'bench-agent',
    name: 'Bench agent',
    role: 'supervisor',
    teamIds: ['service-desk'],
  });
  const apiKey = await desk.createApiKey('bench-agent');
  await replayFile(desk, SAMPLE_LOG, { mapping: 'servicenow' });
  const server = await serveNode(createHttpHandler({ desk }), {
    port: 0,
    host: '127.0.0.1',
  });
  return {
    ready: { url: server.url, apiKey, ids: await readableIds(desk) },
    async close() {
      await server.close();
      await store.close();
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

async function bare() {
  const body = JSON.stringify({ ok: true });
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    ready: { url: `http://127.0.0.1:${address.port}`, apiKey: null, ids: [] },
    close: () =>
      new Promise<void>((done, fail) =>
        server.close((error) => (error ? fail(error) : done())),
      ),
  };
}

const KINDS = { demo, postgres, bare };

async function main() {
  const kind = process.argv[2] as keyof typeof KINDS;
  const start = KINDS[kind];
  if (!start) throw new Error(`unknown host kind ${kind}`);
  const host = await start();
  process.on('message', (message) => {
    if (message !== 'stop') return;
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.send!({ ok: true, ...host.ready });
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.send?.({ ok: false, error: message });
    process.exitCode = 1;
  });
}
