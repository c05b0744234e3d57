/**
 * The PostgreSQL half of the SQLite section's scale figure: the first
 * page of a status and team filter through the PostgreSQL store's
 * `listTickets` beside the same query in raw SQL, with the plan of the
 * store's statement. On the server of TICKETRY_PG_URL (in a schema made
 * for the run and dropped after); without one on PGlite when it can load
 * the tickets in reasonable time, else it says why it measures nothing.
 * Nothing here prints.
 */
import { PGlite } from '@electric-sql/pglite';
import { type PostgresStore, postgresStore } from '@ticketry/adapters/postgres';
import type { Status } from '@ticketry/core';
import pg from 'pg';
import { benchItems, SITE } from './postgres-data.ts';
import { atMost, loadTickets, storePage, timePages } from './sqlite-pages.ts';
import type { BenchContext, BenchFigure } from './types.ts';
import { figure, formatNumber } from './util.ts';

const THREE: Status[] = ['open', 'assigned', 'in_progress'];

/** The longest PGlite load worth waiting for, in seconds. */
const PGLITE_BUDGET_S = 30;

/** What the section shows for PostgreSQL. */
export interface PostgresPages {
  figures(judged: boolean, target: string): BenchFigure[];
  notes: string[];
}

type Sql = { text: string; values?: unknown[] };
type Rows = Record<string, unknown>[];

/** A database to measure on: a server's pool or PGlite. */
interface Backend {
  /** What the figures call it. */
  name: string;
  /** Where, in words, for the notes. */
  where: string;
  /** A store on `schema` whose list statements are remembered. */
  open(schema: string): Promise<PostgresStore>;
  lastList(): Sql | undefined;
  query(sql: Sql & { name?: string }): Promise<Rows>;
  end(): Promise<void>;
}

const isList = (text: string) => text.startsWith('SELECT body FROM');

function serverBackend(url: string): Backend {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let last: Sql | undefined;
  const watched = {
    query(config: Sql & { name?: string }) {
      if (isList(config.text)) last = config;
      return pool.query(config);
    },
    connect: () => pool.connect(),
  };
  return {
    name: 'PostgreSQL',
    where: 'on 127.0.0.1 (TICKETRY_PG_URL), through a pool of two connections',
    open: (schema) => postgresStore({ pool: watched, schema }),
    lastList: () => last,
    query: async (sql) => (await pool.query(sql)).rows,
    end: () => pool.end(),
  };
}

function pgliteBackend(): Backend {
  const db = new PGlite();
  let last: Sql | undefined;
  const watched = {
    query(text: string, values?: unknown[]) {
      if (isList(text)) last = { text, values: values ?? [] };
      return db.query(text, values);
    },
    transaction: db.transaction.bind(db),
    listen: db.listen.bind(db),
  };
  return {
    name: 'PostgreSQL on PGlite',
    where:
      'in PGlite, in this process (TICKETRY_PG_URL is not set, so no target is judged)',
    open: (schema) => postgresStore({ pglite: watched, schema }),
    lastList: () => last,
    query: async (sql) =>
      (await db.query<Rows[number]>(sql.text, sql.values)).rows,
    end: () => db.close(),
  };
}

/** Tickets per second PGlite imports here, from one small call. */
async function pgliteRate(): Promise<number> {
  const db = new PGlite();
  try {
    const store = await postgresStore({ pglite: db });
    await store.importTickets(benchItems(500, 0));
    const items = benchItems(2000, 500);
    const started = performance.now();
    await store.importTickets(items);
    return (items.length * 1000) / (performance.now() - started);
  } finally {
    await db.close();
  }
}

const RAW = (s: string) => `SELECT body FROM ${s}.tickets
  WHERE site_id = $1 AND team_id = $2 AND status = $3
  ORDER BY created_at DESC, id DESC LIMIT $4`;

async function explain(db: Backend, sql?: Sql) {
  if (!sql) throw new Error('the store sent no list statement');
  const rows = await db.query({
    text: `EXPLAIN ${sql.text}`,
    values: sql.values,
  });
  return rows.map((r) => String(r['QUERY PLAN']).trim());
}

/** Loads, plans and times the pages; drops the schema afterwards. */
async function measure(db: Backend, scale: number, ctx: BenchContext) {
  const schema = `bench_sqlite_page_${process.pid}`;
  let store: PostgresStore | undefined;
  try {
    store = await db.open(schema);
    await loadTickets(store, scale, 10_000, (n) =>
      ctx.progress(`postgres: ${formatNumber(n)} tickets loaded`),
    );
    await db.query({ text: `ANALYZE "${schema}".tickets` });
    ctx.progress('postgres: first pages');
    await storePage(store, ['open'])('team-00');
    const planOne = await explain(db, db.lastList());
    await storePage(store, THREE)('team-00');
    const planThree = await explain(db, db.lastList());
    const raw = { name: 'raw_sqlite_section_page', text: RAW(`"${schema}"`) };
    const samples = await timePages({
      one: storePage(store, ['open']),
      raw: async (team: string) => {
        const values = [SITE, team, 'open', 51];
        const rows = await db.query({ ...raw, values });
        return rows.slice(0, 50).map((r) => JSON.parse(String(r.body))).length;
      },
      three: storePage(store, THREE),
    });
    const [row] = await db.query({ text: 'SHOW server_version' });
    return {
      samples,
      planOne,
      planThree,
      version: String(row?.server_version),
    };
  } finally {
    await store?.close();
    await db.query({ text: `DROP SCHEMA IF EXISTS "${schema}" CASCADE` });
    await db.end();
  }
}

const scansPg = (plan: string[]) =>
  plan.some((step) => /Seq Scan on tickets|^Sort\b/.test(step));

/**
 * First pages in PostgreSQL at `scale` tickets, or a note saying why
 * there are none.
 */
export async function postgresPages(
  scale: number,
  ctx: BenchContext,
): Promise<PostgresPages> {
  const url = process.env.TICKETRY_PG_URL;
  let db: Backend;
  if (url) {
    db = serverBackend(url);
  } else {
    const rate = await pgliteRate();
    const seconds = scale / rate;
    if (seconds > PGLITE_BUDGET_S) return skipped(scale, rate, seconds);
    db = pgliteBackend();
  }
  ctx.progress(`postgres: loading ${formatNumber(scale)} tickets`);
  const m = await measure(db, scale, ctx);
  const { name, where } = db;
  const n = formatNumber(scale);
  return {
    figures(judged, target) {
      const one = figure({
        name: `${name}: first page (50) of status open + one team, ${n} tickets`,
        unit: 'ms',
        samples: m.samples.one,
        baseline: { name: 'the same query in raw SQL', samples: m.samples.raw },
      });
      if (scansPg(m.planOne)) {
        one.met = false;
        one.shortfall = `the plan scans or sorts: ${m.planOne.join('; ')}`;
      }
      return [
        judged && url && !one.shortfall ? atMost(one, 10, target) : one,
        figure({
          name: `${name}: first page (50) of three statuses + one team, ${n} tickets`,
          unit: 'ms',
          samples: m.samples.three,
        }),
      ];
    },
    notes: [
      `PostgreSQL ${m.version} ${where}, in a schema made for the run and dropped after; the same tickets, loaded with the store's importTickets, then ANALYZE. The baseline sends the same SELECT (a prepared statement on a server) and parses the bodies; their calls take turns. Plan of the store's statement, one status: ${m.planOne.join('; ')}. Three statuses: ${m.planThree.join('; ')}.`,
    ],
  };
}

function skipped(scale: number, rate: number, seconds: number) {
  return {
    figures: () => [],
    notes: [
      `PostgreSQL first pages skipped: TICKETRY_PG_URL is not set, and PGlite imported ${formatNumber(rate)} tickets/s here, so loading ${formatNumber(scale)} would take about ${formatNumber(seconds / 60, 1)} minutes (more than ${PGLITE_BUDGET_S} s; at a million, also more memory than its in-process WebAssembly heap holds). Set TICKETRY_PG_URL=postgres://… to measure them on a server.`,
    ],
  };
}
