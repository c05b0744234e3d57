/**
 * The PostgreSQL half of the SQLite section's scale figure: the first
 * page of a status and team filter through the PostgreSQL store's
 * `listTickets` beside the same query in raw SQL, on the server of
 * TICKETRY_PG_URL, in a schema made for the run and dropped after, with
 * the plan of the store's statement. Without a server it says why it
 * measures nothing. Nothing here prints.
 */
import { PGlite } from '@electric-sql/pglite';
import { postgresStore } from '@ticketry/adapters/postgres';
import type { Status } from '@ticketry/core';
import pg from 'pg';
import { benchItems, SITE } from './postgres-data.ts';
import { atMost, loadTickets, storePage, timePages } from './sqlite-pages.ts';
import type { BenchContext, BenchFigure } from './types.ts';
import { figure, formatNumber } from './util.ts';

const THREE: Status[] = ['open', 'assigned', 'in_progress'];

/** What the section shows for PostgreSQL. */
export interface PostgresPages {
  figures(judged: boolean, target: string): BenchFigure[];
  notes: string[];
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

async function skipped(scale: number): Promise<PostgresPages> {
  const rate = await pgliteRate();
  const minutes = scale / rate / 60;
  return {
    figures: () => [],
    notes: [
      `PostgreSQL first pages skipped: TICKETRY_PG_URL is not set, and PGlite imported ${formatNumber(rate)} tickets/s here, so loading ${formatNumber(scale)} would take about ${formatNumber(minutes, 1)} minutes (and more memory than its in-process WebAssembly heap holds at a million). Set TICKETRY_PG_URL=postgres://… to measure them on a server.`,
    ],
  };
}

const RAW = (s: string) => `SELECT body FROM ${s}.tickets
  WHERE site_id = $1 AND team_id = $2 AND status = $3
  ORDER BY created_at DESC, id DESC LIMIT $4`;

/** A pool that remembers the last list statement the store sent. */
function watched(pool: pg.Pool) {
  let last: { text: string; values?: unknown[] } | undefined;
  return {
    pool: {
      query(config: { text: string; values?: unknown[]; name?: string }) {
        if (config.text.startsWith('SELECT body FROM')) last = config;
        return pool.query(config);
      },
      connect: () => pool.connect(),
    },
    last: () => last,
  };
}

async function explain(
  pool: pg.Pool,
  sql?: { text: string; values?: unknown[] },
) {
  if (!sql) throw new Error('the store sent no list statement');
  const { rows } = await pool.query(`EXPLAIN ${sql.text}`, sql.values);
  return rows.map((r: Record<string, string>) => r['QUERY PLAN']!.trim());
}

/** Loads, plans and times the pages on the server of `url`. */
async function measure(url: string, scale: number, ctx: BenchContext) {
  const base = new pg.Pool({ connectionString: url, max: 2 });
  const schema = `bench_sqlite_page_${process.pid}`;
  const spy = watched(base);
  try {
    const store = await postgresStore({ pool: spy.pool, schema });
    await loadTickets(store, scale, 10_000, (n) =>
      ctx.progress(`postgres: ${formatNumber(n)} tickets loaded`),
    );
    await base.query(`ANALYZE "${schema}".tickets`);
    ctx.progress('postgres: first pages');
    await storePage(store, ['open'])('team-00');
    const planOne = await explain(base, spy.last());
    await storePage(store, THREE)('team-00');
    const planThree = await explain(base, spy.last());
    const raw = {
      name: 'raw_sqlite_section_page',
      text: RAW(`"${schema}"`),
    };
    const samples = await timePages({
      one: storePage(store, ['open']),
      raw: async (team: string) => {
        const { rows } = await base.query({
          ...raw,
          values: [SITE, team, 'open', 51],
        });
        return rows.slice(0, 50).map((r) => JSON.parse(r.body)).length;
      },
      three: storePage(store, THREE),
    });
    const { rows } = await base.query('SHOW server_version');
    await store.close();
    return { samples, planOne, planThree, version: rows[0].server_version };
  } finally {
    await base.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await base.end();
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
  if (!url) return skipped(scale);
  ctx.progress(`postgres: loading ${formatNumber(scale)} tickets`);
  const m = await measure(url, scale, ctx);
  const n = formatNumber(scale);
  return {
    figures(judged, target) {
      const one = figure({
        name: `PostgreSQL: first page (50) of status open + one team, ${n} tickets`,
        unit: 'ms',
        samples: m.samples.one,
        baseline: { name: 'the same query in raw SQL', samples: m.samples.raw },
      });
      if (scansPg(m.planOne)) {
        one.met = false;
        one.shortfall = `the plan scans or sorts: ${m.planOne.join('; ')}`;
      }
      return [
        judged && !one.shortfall ? atMost(one, 10, target) : one,
        figure({
          name: `PostgreSQL: first page (50) of three statuses + one team, ${n} tickets`,
          unit: 'ms',
          samples: m.samples.three,
        }),
      ];
    },
    notes: [
      `PostgreSQL ${m.version} on 127.0.0.1 (TICKETRY_PG_URL), in a schema made for the run and dropped after; the same tickets, loaded with the store's importTickets, then ANALYZE. The store's listTickets goes through a pool of two connections; the baseline sends the same SELECT as a prepared statement and parses the bodies; their calls take turns. Plan of the store's statement, one status: ${m.planOne.join('; ')}. Three statuses: ${m.planThree.join('; ')}.`,
    ],
  };
}
