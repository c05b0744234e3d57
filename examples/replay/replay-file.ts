import { basename } from 'node:path';
import type { AuditEvent, Desk, ManualClock } from '@ticketry/core';
import { type DriveResult, drivePlans } from './drive.ts';
import { ReplayError } from './errors.ts';
import { detectMapping, MAPPINGS } from './mappings.ts';
import {
  bump,
  type CasePlan,
  type MappingName,
  type ReplayMapping,
} from './plan.ts';
import { isSettableClock } from './replay-clock.ts';
import { type EventFigures, figuresFromEvents } from './report.ts';
import { type SlaFigures, slaFiguresFromEvents } from './sla-report.ts';
import { type Row, readRows } from './source.ts';

/** Where a replay is: reading the file, driving the desk, reporting. */
export interface ReplayProgress {
  phase: 'read' | 'replay' | 'report';
  done: number;
  total: number;
}

/** Options of {@link replayFile}. */
export interface ReplayFileOptions {
  /** @default guessed from the header */
  mapping?: MappingName;
  onProgress?(progress: ReplayProgress): void;
  /**
   * The clock the desk was made with. @default `desk.clock`, which must
   * then be settable (`createManualClock` or `createReplayClock`).
   */
  clock?: ManualClock;
  /** Refused commands kept as examples per reason. @default 3 */
  examplesPerReason?: number;
}

/** Everything a replay reports: the input, the drive, the figures. */
export interface ReplayReport extends EventFigures {
  file: string;
  mapping: MappingName;
  rows: number;
  cases: number;
  /** Records with the wrong number of fields, skipped while reading. */
  malformedRecords: number;
  /** Rows or cases the mapping could not use, by reason. */
  skipped: Record<string, number>;
  alreadyImported: DriveResult['alreadyImported'];
  followUps: DriveResult['followUps'];
  commands: DriveResult['commands'];
  refusals: DriveResult['refusals'];
  /** Attainment per priority, when the desk runs SLA policies. */
  sla?: SlaFigures;
  timings: { readMs: number; replayMs: number; reportMs: number };
}

function groupCases(mapping: ReplayMapping, rows: readonly Row[]) {
  const cases = new Map<string, Row[]>();
  let unnamed = 0;
  for (const row of rows) {
    const id = row[mapping.caseColumn]?.trim();
    if (!id) {
      unnamed++;
      continue;
    }
    const list = cases.get(id);
    if (list) list.push(row);
    else cases.set(id, [row]);
  }
  return { cases, unnamed };
}

function planCases(mapping: ReplayMapping, cases: Map<string, Row[]>) {
  const plans: CasePlan[] = [];
  const skipped: Record<string, number> = {};
  for (const rows of cases.values()) {
    try {
      const plan = mapping.plan(rows);
      for (const [reason, n] of Object.entries(plan.skipped)) {
        skipped[`row: ${reason}`] = (skipped[`row: ${reason}`] ?? 0) + n;
      }
      plans.push(plan);
    } catch (error) {
      if (!(error instanceof ReplayError)) throw error;
      bump(skipped, `case: ${error.code}`);
    }
  }
  // Tickets get their references in the order they were opened.
  plans.sort((a, b) => a.submit.at.getTime() - b.submit.at.getTime());
  return { plans, skipped };
}

async function readEvents(
  desk: Desk,
  ids: readonly string[],
  progress: (n: number) => void,
) {
  const all: AuditEvent[][] = [];
  for (const id of ids) {
    all.push(await desk.events(id));
    if (all.length % 1000 === 0) progress(all.length);
  }
  return all;
}

/**
 * Replays a ticket log through a desk: reads the CSV (or `.csv.gz`),
 * groups rows per case, turns each case into desk commands at the
 * log's instants, and reports figures computed from the events the
 * store gives back. Refused commands are counted, never thrown.
 *
 * @example
 * const clock = createManualClock('2016-01-01T00:00:00Z');
 * const desk = createDesk({ store: createMemoryStore(), clock });
 * const report = await replayFile(desk, 'data/log.csv.gz');
 * report.openToResolvedHours.median; // 22.1
 */
export async function replayFile(
  desk: Desk,
  path: string,
  options: ReplayFileOptions = {},
): Promise<ReplayReport> {
  const clock = options.clock ?? desk.clock;
  if (!isSettableClock(clock)) {
    throw new ReplayError(
      'BAD_ARGUMENTS',
      'replayFile needs a desk made with a settable clock ' +
        '(createManualClock or createReplayClock), or the clock option',
    );
  }
  const progress = options.onProgress ?? (() => {});
  let mapping = options.mapping ? MAPPINGS[options.mapping] : undefined;

  const started = performance.now();
  const table = await readRows(path, {
    columns(header) {
      mapping ??= detectMapping(header);
      return mapping.columns;
    },
    onBytes: (done, total) => progress({ phase: 'read', done, total }),
  });
  if (!mapping) mapping = detectMapping(table.header);
  const { cases, unnamed } = groupCases(mapping, table.rows);
  const { plans, skipped } = planCases(mapping, cases);
  if (unnamed > 0) skipped['row: no case id'] = unnamed;
  const read = performance.now();

  let drive: DriveResult;
  try {
    drive = await drivePlans(desk, plans, {
      mapping: mapping.name,
      clock,
      ...(options.examplesPerReason !== undefined && {
        examplesPerReason: options.examplesPerReason,
      }),
      onCase: (done, total) => {
        if (done % 250 === 0 || done === total) {
          progress({ phase: 'replay', done, total });
        }
      },
    });
  } finally {
    (clock as { release?: () => void }).release?.();
  }
  const replayed = performance.now();

  const total = drive.ticketIds.length;
  const events = await readEvents(desk, drive.ticketIds, (done) =>
    progress({ phase: 'report', done, total }),
  );
  progress({ phase: 'report', done: total, total });
  const figures = figuresFromEvents(events);
  const sla = desk.sla ? slaFiguresFromEvents(events) : null;

  return {
    file: basename(path),
    mapping: mapping.name,
    rows: table.rows.length,
    cases: cases.size,
    malformedRecords: table.skippedRows.length,
    skipped,
    alreadyImported: drive.alreadyImported,
    followUps: drive.followUps,
    commands: drive.commands,
    refusals: drive.refusals,
    ...figures,
    ...(sla && { sla }),
    timings: {
      readMs: Math.round(read - started),
      replayMs: Math.round(replayed - read),
      reportMs: Math.round(performance.now() - replayed),
    },
  };
}
