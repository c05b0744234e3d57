/**
 * First pages at scale for the SQLite section: a file loaded with the
 * store's own import, then the first page of a status and team filter
 * through `listTickets` beside the same query in raw SQL, and the plan
 * SQLite picks for the store's statement. Nothing here prints.
 */
import { join } from 'node:path';
import { type SqliteStore, sqliteStore } from '@ticketry/adapters/sqlite';
import type { Status } from '@ticketry/core';
import Database from 'better-sqlite3';
import { benchItems, SITE, TEAMS } from './postgres-data.ts';
import type { BenchFigure } from './types.ts';

/** Timed calls per figure, after a few untimed ones. */
export const PAGE_CALLS = { warm: TEAMS.length, timed: 200 };

/** The page size the desk asks for by default. */
const PAGE = 50;

/** Loads `scale` tickets, `batch` per import call; answers tickets/s. */
export async function loadTickets(
  store: { importTickets: SqliteStore['importTickets'] },
  scale: number,
  batch: number,
  progress: (done: number) => void,
): Promise<number[]> {
  const rates: number[] = [];
  for (let from = 0; from < scale; from += batch) {
    const items = benchItems(Math.min(batch, scale - from), from);
    const started = performance.now();
    await store.importTickets(items);
    rates.push((items.length * 1000) / (performance.now() - started));
    if ((from / batch) % 10 === 9) progress(from + batch);
  }
  return rates;
}

type Page = (team: string) => Promise<number> | number;

/**
 * Milliseconds per call of each `pages[k](team)`, cycling over the
 * teams; the pages take turns call by call, so a busy moment on the
 * machine falls on all of them alike. The first pass over the teams
 * is not timed.
 */
export async function timePages<K extends string>(
  pages: Record<K, Page>,
): Promise<Record<K, number[]>> {
  const keys = Object.keys(pages) as K[];
  const times = Object.fromEntries(
    keys.map((k) => [k, []]),
  ) as unknown as Record<K, number[]>;
  const calls = PAGE_CALLS.warm + PAGE_CALLS.timed;
  for (let i = 0; i < calls; i++) {
    const team = TEAMS[i % TEAMS.length]!;
    for (const k of keys) {
      const started = performance.now();
      const count = await pages[k](team);
      const ms = performance.now() - started;
      if (count !== PAGE) {
        throw new Error(`a first page of ${count}, not ${PAGE}`);
      }
      if (i >= PAGE_CALLS.warm) times[k].push(ms);
    }
  }
  return times;
}

/** The store's first page: `listTickets`, newest first, 50 a page. */
export const storePage =
  (store: Pick<SqliteStore, 'listTickets'>, status: Status[]) =>
  async (teamId: string) =>
    (await store.listTickets(SITE, { status, teamId, limit: PAGE })).items
      .length;

/** The same page by hand: one prepared statement, bodies parsed. */
export function rawPage(db: Database.Database, status: Status) {
  const select = db.prepare(`SELECT body FROM tickets
    WHERE site_id = ? AND team_id = ? AND status = ?
    ORDER BY created_at DESC, id DESC LIMIT ?`);
  return (teamId: string) => {
    const rows = select.all(SITE, teamId, status, PAGE + 1) as {
      body: string;
    }[];
    return rows.slice(0, PAGE).map((r) => JSON.parse(r.body)).length;
  };
}

/**
 * The plan SQLite picks for the statement the store runs: a second
 * connection logs the store's SQL, one call is made through it, and
 * EXPLAIN QUERY PLAN reads that statement.
 */
export async function storePlan(file: string, status: Status[]) {
  const seen: string[] = [];
  const db = new Database(file, { verbose: (sql) => seen.push(String(sql)) });
  const store = sqliteStore({ database: db });
  try {
    await storePage(store, status)(TEAMS[0]!);
    const sql = seen.findLast((s) => s.startsWith('SELECT body FROM tickets'));
    if (!sql) throw new Error('the store ran no list statement');
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as {
      detail: string;
    }[];
    return { sql, plan: rows.map((r) => r.detail) };
  } finally {
    await store.close();
    db.close();
  }
}

/** A plan that reads the whole table or sorts what it read. */
export const scans = (plan: string[]) =>
  plan.some((step) => /^SCAN tickets|TEMP B-TREE/.test(step));

/** A file of `scale` tickets, analysed; answers the load rates. */
export async function loadFile(
  dir: string,
  scale: number,
  progress: (done: number) => void,
) {
  const file = join(dir, 'scale.sqlite');
  const store = sqliteStore({ filename: file });
  try {
    const rates = await loadTickets(store, scale, 10_000, progress);
    store.database.exec('ANALYZE');
    return { file, rates };
  } finally {
    await store.close();
  }
}

/** Marks a time figure against an upper bound. */
export function atMost(f: BenchFigure, ms: number, text: string): BenchFigure {
  f.target = text;
  f.met = f.median <= ms;
  if (!f.met) {
    const over = ((f.median / ms - 1) * 100).toFixed(0);
    f.shortfall = `${f.median.toFixed(2)} ms against at most ${ms} ms: ${over}% over`;
  }
  return f;
}
