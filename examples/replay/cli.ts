/**
 * The replay command: `npm run replay -- <file> [--mapping …] [--db …]`.
 * Prints the report on stdout and progress on stderr; exits 2 on bad
 * arguments or input, 1 on any other failure.
 */
import {
  createDesk,
  createManualClock,
  createMemoryStore,
  TicketryError,
  type TicketStore,
} from '@ticketry/core';
import { parseCliArgs, USAGE } from './cli-args.ts';
import { ReplayError } from './errors.ts';
import { formatReport } from './format.ts';
import { formatPredictions, predictionReports } from './predict-cli.ts';
import { createProgressBar } from './progress.ts';
import { replayFile } from './replay-file.ts';
import { replayRoutingFile } from './routing-replay.ts';
import { formatBalance } from './routing-report.ts';
import { formatSla, readSlaFile } from './sla-report.ts';

async function openStore(db: string | undefined): Promise<TicketStore> {
  if (!db) return createMemoryStore();
  const { sqliteStore } = await import('@ticketry/adapters/sqlite');
  return sqliteStore({ filename: db });
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return 0;
  }

  if (args.routing) {
    const report = await replayRoutingFile(args.file, args.routing);
    console.log(
      args.json ? JSON.stringify(report, null, 2) : formatBalance(report),
    );
    return 0;
  }

  const sla = args.sla ? await readSlaFile(args.sla) : undefined;
  const store = await openStore(args.db);
  const desk = createDesk({
    store,
    clock: createManualClock('1970-01-01T00:00:00Z'),
    // A log that reopens a closed case keeps its number: reopen it.
    closedReplyPolicy: 'reopen',
    ...(sla && { sla }),
  });
  const bar = createProgressBar(process.stderr);
  try {
    const report = await replayFile(desk, args.file, {
      ...(args.mapping && { mapping: args.mapping }),
      onProgress: bar.update,
    });
    bar.done();
    // Measured before anything is printed: a refusal prints no report.
    const predictions = await predictionReports(store, args);
    if (args.json) {
      const asked = args.forecast || args.risk;
      // One JSON document: the report, or every report keyed by name.
      const doc = asked ? { replay: report, ...predictions } : report;
      console.log(JSON.stringify(doc, null, 2));
      return 0;
    }
    console.log(formatReport(report));
    if (report.sla) console.log(formatSla(report.sla));
    for (const text of formatPredictions(predictions)) console.log(text);
    return 0;
  } finally {
    bar.done();
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known =
      error instanceof ReplayError || error instanceof TicketryError;
    const code = known ? (error as ReplayError).code : 'UNEXPECTED';
    console.error(`replay failed [${code}]: ${(error as Error).message}`);
    if (error instanceof ReplayError && error.code === 'BAD_ARGUMENTS') {
      console.error(USAGE);
    }
    process.exitCode = error instanceof ReplayError ? 2 : 1;
  },
);
