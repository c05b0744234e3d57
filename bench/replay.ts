/**
 * Replay: the ServiceNow incident log through the desk, on the memory
 * store and on SQLite. The full log has 141,712 events; the quick run
 * uses the sample of every 25th case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStore } from '@ticketry/adapters/sqlite';
import {
  createDesk,
  createManualClock,
  createMemoryStore,
  type TicketStore,
} from '@ticketry/core';
import { type ReplayReport, replayFile } from '../examples/replay/index.ts';
import type { BenchContext, BenchSectionRun } from './types.ts';
import { figure, formatNumber, perSecond } from './util.ts';

const DATA = 'data/servicenow-uci-incident-log';
const FULL = `${DATA}/incident_event_log_full_restored.csv.gz`;
const SAMPLE = `${DATA}/incident_event_log_sample_every25th.csv`;

/** One replay on a fresh store, as `npm run replay` sets the desk up. */
async function replayOnce(
  file: string,
  open: () => TicketStore,
): Promise<ReplayReport> {
  const store = open();
  try {
    const desk = createDesk({
      store,
      clock: createManualClock('1970-01-01T00:00:00Z'),
      closedReplyPolicy: 'reopen',
    });
    return await replayFile(desk, file, { mapping: 'servicenow' });
  } finally {
    await store.close();
  }
}

interface Runs {
  /** Log events per second through the desk (the replay phase). */
  replay: number[];
  /** Log events per second read, parsed and planned (no desk). */
  read: number[];
  seconds: number[];
  last?: ReplayReport;
}

async function measure(
  ctx: BenchContext,
  label: string,
  repeats: number,
  file: string,
  open: () => TicketStore,
): Promise<Runs> {
  const runs: Runs = { replay: [], read: [], seconds: [] };
  for (let i = 0; i < repeats; i++) {
    ctx.progress(`replay: ${label}, run ${i + 1} of ${repeats}`);
    const report = await replayOnce(file, open);
    const { readMs, replayMs, reportMs } = report.timings;
    runs.replay.push(perSecond(report.rows, replayMs));
    runs.read.push(perSecond(report.rows, readMs));
    runs.seconds.push((readMs + replayMs + reportMs) / 1000);
    runs.last = report;
  }
  return runs;
}

/** The replay section. */
export const run: BenchSectionRun = async (ctx) => {
  const file = ctx.quick ? SAMPLE : FULL;
  const dir = mkdtempSync(join(tmpdir(), 'ticketry-bench-replay-'));
  let n = 0;
  const sqlite = () => sqliteStore({ filename: join(dir, `r${n++}.sqlite`) });
  try {
    // One untimed pass over the sample so that the first timed run is
    // not the one that warms the JIT.
    await measure(ctx, 'warm-up on the sample', 1, SAMPLE, () =>
      createMemoryStore(),
    );
    const memory = await measure(ctx, 'memory store', 3, file, () =>
      createMemoryStore(),
    );
    const onDisk = await measure(
      ctx,
      'SQLite',
      ctx.quick ? 2 : 1,
      file,
      sqlite,
    );
    const report = memory.last!;
    const sqliteSeconds = onDisk.seconds[0]!;
    return {
      title: `Replay: the ServiceNow log${ctx.quick ? ' (sample)' : ''} through the desk`,
      figures: [
        figure({
          name: 'log events/s through the desk, memory store',
          unit: 'events/s',
          samples: memory.replay,
          baseline: {
            name: 'reading, parsing and planning the same log, no desk',
            samples: memory.read,
          },
        }),
        figure({
          name: 'log events/s through the desk, SQLite (file, WAL)',
          unit: 'events/s',
          samples: onDisk.replay,
          baseline: {
            name: 'the same on the memory store',
            samples: memory.replay,
          },
        }),
        figure({
          name: 'whole replay on the memory store (read, replay, report)',
          unit: 's',
          samples: memory.seconds,
        }),
        figure({
          name: 'whole replay on SQLite (read, replay, report)',
          unit: 's',
          samples: onDisk.seconds,
        }),
      ],
      notes: [
        `${file.split('/').pop()}: ${formatNumber(report.rows)} log events in ${formatNumber(report.cases)} cases; the desk accepted ${formatNumber(report.commands.accepted)} commands and refused ${formatNumber(report.commands.refused)} (the log disagrees with the lifecycle there; refusals are counted, not thrown).`,
        "Events per second count the log's rows over the replay phase alone: reading and planning the file is measured apart and shown as the baseline of the first figure. The issue sets no target for replay.",
        `SQLite writes every command as its own transaction on a file in the temp folder, as the replay command does; the whole run took ${sqliteSeconds.toFixed(1)} s here. Most of that is one durable commit per command, not the desk: see the SQLite note under "Profiles".`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
