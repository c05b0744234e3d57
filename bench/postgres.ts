/**
 * PostgreSQL adapter: lifecycle commands through the desk beside raw
 * `pg` doing the same read, check and write on one connection; bulk
 * import; and the first page of a status and team filter over a large
 * table (1,000,000 tickets in a full run). Needs a server:
 * TICKETRY_PG_URL; without it the section says so and measures nothing.
 */
import { postgresStore } from '@ticketry/adapters/postgres';
import { createDesk } from '@ticketry/core';
import pg from 'pg';
import { benchItems, SITE, TEAMS } from './postgres-data.ts';
import { leanBatch, rawBatch } from './postgres-raw.ts';
import type {
  BenchContext,
  BenchFigure,
  BenchSection,
  BenchSectionRun,
} from './types.ts';
import { figure, formatNumber, interleavedRates, summarize } from './util.ts';

const TITLE = 'PostgreSQL adapter';

const params = (quick: boolean) =>
  quick
    ? { workingSet: 100, commands: 300, repeats: 3, scale: 20_000, batch: 2000 }
    : {
        workingSet: 500,
        commands: 1500,
        repeats: 9,
        scale: 1_000_000,
        batch: 10_000,
      };

type Params = ReturnType<typeof params>;

const system = { actor: { role: 'system' as const, id: null } };

/** The desk over the store: triage, note and update in turn. */
function deskBatch(
  desk: ReturnType<typeof createDesk>,
  ids: string[],
  n: number,
) {
  let step = 0;
  return async () => {
    for (let i = 0; i < n; i++, step++) {
      const id = ids[step % ids.length]!;
      const turn = Math.floor(step / ids.length) % 3;
      if (turn === 0) {
        const impact = (step / ids.length) % 2 ? 'high' : 'medium';
        await desk.triage(id, { impact, urgency: 'high' }, system);
      } else if (turn === 1) {
        await desk.note(
          id,
          { body: `Checked the tray, step ${step}.` },
          system,
        );
      } else {
        await desk.update(id, { tags: [`round-${step}`] }, system);
      }
    }
    return n;
  };
}

async function lifecycle(
  url: string,
  pool: pg.Pool,
  schema: string,
  p: Params,
) {
  const store = await postgresStore({ pool, schema });
  const seeded = benchItems(p.workingSet * 3, 0, 'open');
  await store.importTickets(seeded);
  const ids = seeded.map((item) => item.ticket.id);
  const desk = createDesk({ store, siteId: SITE });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const s = `"${schema}"`;
  const slice = (k: number) =>
    ids.slice(k * p.workingSet, (k + 1) * p.workingSet);
  try {
    const batches = {
      desk: deskBatch(desk, slice(0), p.commands),
      raw: rawBatch(client, s, slice(1), p.commands),
      lean: leanBatch(client, s, slice(2), p.commands),
    };
    for (const batch of Object.values(batches)) await batch();
    return await interleavedRates(p.repeats, batches);
  } finally {
    await client.end();
    await store.close();
  }
}

/** Loads `p.scale` tickets, a batch per call; answers rows/s per batch. */
async function load(
  pool: pg.Pool,
  schema: string,
  p: Params,
  ctx: BenchContext,
) {
  const store = await postgresStore({ pool, schema });
  const rates: number[] = [];
  try {
    for (let from = 0; from < p.scale; from += p.batch) {
      const items = benchItems(p.batch, from);
      const rows = p.batch + items.reduce((n, i) => n + i.events.length, 0);
      const started = performance.now();
      await store.importTickets(items);
      rates.push((rows * 1000) / (performance.now() - started));
      if ((from / p.batch) % 10 === 9) {
        ctx.progress(
          `postgres: ${formatNumber(from + p.batch)} tickets loaded`,
        );
      }
    }
    await pool.query(`ANALYZE "${schema}".tickets`);
  } finally {
    await store.close();
  }
  return rates;
}

/** Milliseconds per first page, cycling over the teams. */
async function firstPages(pool: pg.Pool, schema: string, statuses: string[]) {
  const store = await postgresStore({ pool, schema });
  const times: number[] = [];
  try {
    for (let i = 0; i < 220; i++) {
      const started = performance.now();
      const page = await store.listTickets(SITE, {
        status: statuses as never,
        teamId: TEAMS[i % TEAMS.length]!,
        limit: 50,
      });
      const ms = performance.now() - started;
      if (page.items.length !== 50) throw new Error('a short first page');
      if (i >= 20) times.push(ms);
    }
  } finally {
    await store.close();
  }
  return times;
}

function atMost(f: BenchFigure, ms: number, text: string): BenchFigure {
  f.target = text;
  f.met = f.median <= ms;
  if (!f.met) {
    f.shortfall = `${f.median.toFixed(2)} ms against at most ${ms} ms: ${((f.median / ms - 1) * 100).toFixed(0)}% over`;
  }
  return f;
}

/** "0.93×": the ratio of two medians. */
const ratioText = (a: readonly number[], b: readonly number[]) =>
  `${(summarize(a).median / summarize(b).median).toFixed(2)}×`;

async function serverSettings(pool: pg.Pool) {
  const { rows } = await pool.query(
    `SELECT current_setting('server_version') AS version,
       current_setting('synchronous_commit') AS sync,
       current_setting('fsync') AS fsync,
       current_setting('shared_buffers') AS buffers`,
  );
  return rows[0] as Record<string, string>;
}

export const run: BenchSectionRun = async (ctx): Promise<BenchSection> => {
  const url = process.env.TICKETRY_PG_URL;
  if (!url) {
    return {
      title: TITLE,
      figures: [],
      notes: [
        'Skipped: TICKETRY_PG_URL is not set. These figures need a PostgreSQL server (PGlite runs in process and would measure something else); set TICKETRY_PG_URL=postgres://… and run again.',
      ],
    };
  }
  const p = params(ctx.quick);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const tag = `bench_${process.pid}`;
  try {
    const settings = await serverSettings(pool);
    ctx.progress('postgres: lifecycle commands, desk and raw pg interleaved');
    const commands = await lifecycle(url, pool, `${tag}_cmd`, p);
    ctx.progress(`postgres: loading ${formatNumber(p.scale)} tickets`);
    const imports = await load(pool, `${tag}_scale`, p, ctx);
    ctx.progress('postgres: first pages of a status and team filter');
    const one = await firstPages(pool, `${tag}_scale`, ['open']);
    const three = await firstPages(pool, `${tag}_scale`, [
      'open',
      'assigned',
      'in_progress',
    ]);
    const scale = formatNumber(p.scale);
    const pageTarget = ctx.quick
      ? undefined
      : '≤ 10 ms median with 1,000,000 tickets';
    const page = figure({
      name: `first page (50) of status open + one team, ${scale} tickets`,
      unit: 'ms',
      samples: one,
    });
    return {
      title: TITLE,
      figures: [
        figure({
          name: 'lifecycle commands through the desk',
          unit: 'ops/s',
          samples: commands.desk,
          baseline: {
            name: 'raw pg on one connection, same read/check/write',
            samples: commands.raw,
          },
          target: {
            kind: 'ratio-at-least',
            ratio: 0.7,
            text: '≥ 0.7 of raw pg',
          },
        }),
        figure({
          name: "raw pg on one connection in the adapter's plan (read, then one statement)",
          unit: 'ops/s',
          samples: commands.lean,
          baseline: {
            name: 'raw pg on one connection, same read/check/write',
            samples: commands.raw,
          },
        }),
        figure({
          name: `bulk import, importTickets of ${formatNumber(p.batch)} tickets`,
          unit: 'rows/s',
          samples: imports,
          target: ctx.quick
            ? undefined
            : { kind: 'at-least', value: 30_000, text: '≥ 30,000 rows/s' },
        }),
        pageTarget ? atMost(page, 10, pageTarget) : page,
        figure({
          name: `first page (50) of three statuses + one team, ${scale} tickets`,
          unit: 'ms',
          samples: three,
        }),
      ],
      notes: [
        `Server: PostgreSQL ${settings.version}, synchronous_commit=${settings.sync}, fsync=${settings.fsync}, shared_buffers=${settings.buffers}, on 127.0.0.1; the pool and the raw client both connect over TCP.`,
        `A lifecycle command is a desk command by the system actor (triage, internal note and tag update in turn over ${p.workingSet} open tickets), one at a time: the desk reads the ticket, runs the lifecycle, and commits ticket and event in one statement that checks the version, takes the feed lock and sends NOTIFY (two round trips). The baseline does BEGIN, SELECT … FOR UPDATE, the version check, UPDATE (same columns and search vector) and INSERT of the event, COMMIT, on one client with prepared statements, without the desk (five round trips). The second figure does the adapter's plan by hand (a plain read, then one statement with the version check, the feed lock and NOTIFY, prepared): the desk runs at ${ratioText(commands.desk, commands.lean)} of it, which is what the desk and the adapter cost in this process. All three run ${formatNumber(p.commands)} commands per repeat, interleaved, and every commit waits for its WAL flush (synchronous_commit=${settings.sync}), so the rates follow the disk's flush time more than the CPU.`,
        `Bulk import: importTickets of ${formatNumber(p.batch)} tickets with their first event each, so two rows per ticket (tickets per second are half the figure); one transaction per call, a thousand tickets per statement (columns as typed arrays through unnest, the JSON bodies as one newline-joined text split on the server, the search vector computed in the statement), the next statement built and sent while the one before runs; all ten ticket indexes (GIN search included), the event indexes and the foreign key stay in place and are maintained row by row; the median is over the ${imports.length} calls that loaded the table of the next figures, so later calls insert into a bigger table.`,
        `First pages: listTickets with a status filter and a team, newest first, 50 per page, over ${scale} tickets (20 teams; 8% open; 21% open, assigned or in progress), after ANALYZE; 200 timed calls through the store, cycling over the teams, after 20 untimed. One status walks the (site, team, status, created_at, id) index backwards and stops after 51 rows; three statuses read every match of the team and sort them, which is what the three-status figure shows.${ctx.quick ? ' A quick run loads fewer tickets: the 10 ms target is judged on the full run only.' : ''}`,
        `The feed lock makes writes to one schema commit one at a time (so feed positions follow commit order); on one connection that costs nothing, and it caps many writers together at about one commit per WAL flush.`,
      ],
    };
  } finally {
    for (const s of [`${tag}_cmd`, `${tag}_scale`]) {
      await pool.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => {});
    }
    await pool.end();
  }
};
