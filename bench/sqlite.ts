/**
 * SQLite adapter: lifecycle commands through the desk beside
 * better-sqlite3 by hand doing the same read, check and write (NORMAL,
 * and FULL for comparison); bulk import beside raw inserts of the same
 * rows; and the first page of a status and team filter over 1,000,000
 * tickets (100,000 in a quick run) in SQLite and in PostgreSQL, beside
 * the same query in raw SQL, with the plans checked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStore } from '@ticketry/adapters/sqlite';
import Database from 'better-sqlite3';
import { commandRates } from './sqlite-commands.ts';
import { importRates } from './sqlite-import.ts';
import {
  atMost,
  loadFile,
  PAGE_CALLS,
  rawPage,
  scans,
  storePage,
  storePlan,
  timePages,
} from './sqlite-pages.ts';
import { postgresPages } from './sqlite-postgres-page.ts';
import type { BenchFigure, BenchSectionRun } from './types.ts';
import { figure, formatNumber } from './util.ts';

const plan = (quick: boolean) =>
  quick
    ? {
        normal: { workingSet: 200, commands: 1000, repeats: 5, warmRounds: 3 },
        full: { workingSet: 100, commands: 100, repeats: 3, warmRounds: 1 },
        imports: { batch: 2000, repeats: 7 },
        scale: 50_000,
      }
    : {
        normal: {
          workingSet: 1000,
          commands: 3000,
          repeats: 11,
          warmRounds: 1,
        },
        full: { workingSet: 200, commands: 300, repeats: 5, warmRounds: 1 },
        imports: { batch: 10_000, repeats: 9 },
        scale: 1_000_000,
      };

/** First pages in SQLite, store and raw, and the store's plans. */
async function sqlitePages(file: string) {
  const one = await storePlan(file, ['open']);
  const three = await storePlan(file, ['open', 'assigned', 'in_progress']);
  const store = sqliteStore({ filename: file });
  const db = new Database(file, { readonly: true });
  try {
    const times = await timePages({
      one: storePage(store, ['open']),
      raw: rawPage(db, 'open'),
      three: storePage(store, ['open', 'assigned', 'in_progress']),
    });
    return { plans: { one, three }, ...times };
  } finally {
    db.close();
    await store.close();
  }
}

const load = () => `${loadavg()[0]!.toFixed(1)}`;

export const run: BenchSectionRun = async (ctx) => {
  const p = plan(ctx.quick);
  const dir = mkdtempSync(join(tmpdir(), 'ticketry-bench-sqlite-'));
  const loadBefore = load();
  try {
    ctx.progress('sqlite: lifecycle commands, NORMAL, desk and raw');
    const normal = await commandRates(dir, 'NORMAL', p.normal);
    ctx.progress('sqlite: lifecycle commands, FULL, desk and raw');
    const full = await commandRates(dir, 'FULL', p.full);
    ctx.progress('sqlite: bulk import, store and raw');
    const imports = await importRates(dir, p.imports);
    ctx.progress(`sqlite: loading ${formatNumber(p.scale)} tickets`);
    const loaded = await loadFile(dir, p.scale, (n) =>
      ctx.progress(`sqlite: ${formatNumber(n)} tickets loaded`),
    );
    ctx.progress('sqlite: first pages');
    const pages = await sqlitePages(loaded.file);
    const pg = await postgresPages(p.scale, ctx);
    const loadAfter = load();

    const scale = formatNumber(p.scale);
    const judged = !ctx.quick;
    const pageTarget = '≤ 10 ms median with 1,000,000 tickets';
    const onePage = figure({
      name: `SQLite: first page (50) of status open + one team, ${scale} tickets`,
      unit: 'ms',
      samples: pages.one,
      baseline: { name: 'the same query in raw SQL', samples: pages.raw },
    });
    if (scans(pages.plans.one.plan)) {
      onePage.met = false;
      onePage.shortfall = `the plan scans: ${pages.plans.one.plan.join('; ')}`;
    }
    const figures: BenchFigure[] = [
      figure({
        name: 'lifecycle commands through the desk (synchronous NORMAL)',
        unit: 'ops/s',
        samples: normal.wall.desk,
        baseline: {
          name: 'better-sqlite3 by hand, same read/check/write (NORMAL)',
          samples: normal.wall.raw,
        },
        target: {
          kind: 'ratio-at-least',
          ratio: 0.7,
          text: '≥ 10,000/s and ≥ 0.7 of raw',
        },
        atLeast: 10_000,
      }),
      figure({
        name: 'the same, per second of this process’s CPU time (NORMAL)',
        unit: 'ops/CPU-s',
        samples: normal.cpu.desk,
        baseline: {
          name: 'better-sqlite3 by hand, per CPU-second',
          samples: normal.cpu.raw,
        },
      }),
      figure({
        name: 'better-sqlite3 by hand setting every column, as the store did before (NORMAL)',
        unit: 'ops/s',
        samples: normal.wall.every,
        baseline: {
          name: 'better-sqlite3 by hand setting the changed columns',
          samples: normal.wall.raw,
        },
      }),
      figure({
        name: 'lifecycle commands through the desk (synchronous FULL)',
        unit: 'ops/s',
        samples: full.wall.desk,
        baseline: {
          name: 'better-sqlite3 by hand, same read/check/write (FULL)',
          samples: full.wall.raw,
        },
      }),
      figure({
        name: `bulk import, importTickets of ${formatNumber(p.imports.batch)} tickets`,
        unit: 'tickets/s',
        samples: imports.wall.store,
        baseline: {
          name: 'better-sqlite3 by hand inserting the same rows',
          samples: imports.wall.raw,
        },
        target: {
          kind: 'at-least',
          value: 80_000,
          text: '≥ 80,000 tickets/s',
        },
      }),
      figure({
        name: 'the same, per second of this process’s CPU time',
        unit: 'tickets/CPU-s',
        samples: imports.cpu.store,
        baseline: {
          name: 'better-sqlite3 by hand, per CPU-second',
          samples: imports.cpu.raw,
        },
      }),
      figure({
        name: `bulk import while loading ${scale} tickets, 10,000 per call`,
        unit: 'tickets/s',
        samples: loaded.rates,
      }),
      judged && !onePage.shortfall ? atMost(onePage, 10, pageTarget) : onePage,
      figure({
        name: `SQLite: first page (50) of three statuses + one team, ${scale} tickets`,
        unit: 'ms',
        samples: pages.three,
      }),
      ...pg.figures(judged, pageTarget),
    ];
    return {
      title: 'SQLite adapter',
      figures,
      notes: [
        `Files on disk in a temp folder, WAL mode, foreign keys on; 1-minute load average ${loadBefore} before and ${loadAfter} after, on ${cpus().length} cores shared with other work, so wall-time rates follow the load and the ratios hold up better than the absolute figures. The per-CPU-second figures count only this process's CPU time (user and system), which the neighbours do not take away; they leave out waiting on the disk.`,
        `A lifecycle command is a desk command by the system actor (triage, internal note and tag update in turn over ${p.normal.workingSet} open tickets), one at a time: the desk reads the ticket (a read transaction of its own), runs the lifecycle, and commits in one IMMEDIATE transaction: an UPDATE of the columns whose value changed (found against the values the store saw when it read that version, so it reads nothing again) guarded by version = ?, whose row count is the version check, and the INSERT of the event. The baseline does, in one IMMEDIATE transaction on its own file, the read of the row, the version check, an UPDATE of version, updated_at and body (the columns these commands change) and the INSERT of the event, with prepared statements and no desk. ${formatNumber(p.normal.commands)} commands per repeat (${formatNumber(p.full.commands)} at FULL), desk and baselines taking turns, after ${formatNumber(p.normal.warmRounds * p.normal.commands)} untimed commands each.`,
        `The every-column baseline sets all eleven copied columns, as the store's commit did before this change: SQLite rewrites the entries of every index on a column named in SET, changed or not, so a command wrote 15 WAL pages instead of 8.`,
        `Both sides check-point the WAL every 10,000 pages, the store's default (walAutocheckpointPages); SQLite's own 1,000 made commands about 1.5× slower in wall time, as a checkpoint syncs under NORMAL too.`,
        `synchronous FULL syncs the WAL on every commit, so its rate is the disk's sync rate; it is shown for information, without a target.`,
        `Bulk import: importTickets of ${formatNumber(p.imports.batch)} tickets with their submitted event each (about 0.8 KB of ticket JSON and 0.9 KB of event JSON), validated with zod, one IMMEDIATE transaction per call, 100 tickets or 200 events per INSERT; a call of at least 5,000 tickets into a table no bigger than the call drops the ticket list indexes and builds them again before it commits (${p.imports.batch >= 5000 ? 'here the first, untimed, call and the first timed one' : 'not in a quick run, whose calls are smaller'}). The baseline inserts the same rows one per statement with positional prepared statements in one transaction, without validation; its per-CPU-second rate is the ceiling of row-at-a-time inserts on this machine. Calls alternate between the two files, after one untimed call each; later calls insert into bigger tables.`,
        `First pages: listTickets (the desk's list) with a status and a team, newest first, 50 a page, over ${scale} tickets (20 teams; 8% open; 21% open, assigned or in progress), after ANALYZE; ${PAGE_CALLS.timed} timed calls of each cycling over the teams, after one untimed pass, the store's and the baseline's calls taking turns. The baseline runs the same SELECT by hand on a read-only connection and parses the bodies. Plan of the store's statement, one status: ${pages.plans.one.plan.join('; ')}. Three statuses: ${pages.plans.three.plan.join('; ')} (a bounded sort of that team's matches).${ctx.quick ? ' A quick run loads fewer tickets: the 10 ms target is judged on the full run only.' : ''}`,
        ...pg.notes,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
