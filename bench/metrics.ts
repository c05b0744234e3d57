/**
 * Metrics: folding the replayed ServiceNow log into desk metrics,
 * incrementally (`createMetrics().add`) against recomputing from the
 * whole log each time the figures are asked for. The quick run uses
 * the sample of every 25th incident; the full run the whole log.
 */
import {
  type AuditEvent,
  computeMetrics,
  createDesk,
  createManualClock,
  createMemoryStore,
  createMetrics,
} from '@ticketry/core';
import { replayFile } from '../examples/replay/index.ts';
import type { BenchSectionRun } from './types.ts';
import { figure, formatNumber, interleavedRates } from './util.ts';

const DATA = 'data/servicenow-uci-incident-log';
const FULL = `${DATA}/incident_event_log_full_restored.csv.gz`;
const SAMPLE = `${DATA}/incident_event_log_sample_every25th.csv`;

/** Replays a log into a memory store and answers its change feed. */
async function replayedEvents(file: string): Promise<AuditEvent[]> {
  const store = createMemoryStore();
  const clock = createManualClock('1970-01-01T00:00:00Z');
  const desk = createDesk({ store, clock, closedReplyPolicy: 'reopen' });
  await replayFile(desk, file, { mapping: 'servicenow' });
  const events: AuditEvent[] = [];
  for (let cursor = 0; ; ) {
    const page = await store.readFeed(cursor, 5000);
    events.push(...page.events);
    if (page.events.length < 5000) return events;
    cursor = page.cursor;
  }
}

/** The section. */
export const run: BenchSectionRun = async (ctx) => {
  const file = ctx.quick ? SAMPLE : FULL;
  ctx.progress(`metrics: replaying ${file.split('/').pop()}`);
  const events = await replayedEvents(file);
  const repeats = ctx.quick ? 3 : 5;
  // Figures kept current as the log grows: a report after every chunk.
  const reports = ctx.quick ? 20 : 10;
  const chunk = Math.ceil(events.length / reports);

  ctx.progress('metrics: folding, one event at a time against all at once');
  const fold = await interleavedRates(repeats, {
    incremental: () => {
      const metrics = createMetrics();
      for (const e of events) metrics.add(e);
      return events.length;
    },
    recompute: () => {
      computeMetrics(events);
      return events.length;
    },
  });

  ctx.progress(`metrics: keeping ${reports} reports current as the log grows`);
  const current = await interleavedRates(repeats, {
    incremental: () => {
      const metrics = createMetrics();
      for (let at = 0; at < events.length; at += chunk) {
        metrics.addAll(events.slice(at, at + chunk));
        metrics.report();
      }
      return events.length;
    },
    recompute: () => {
      for (let at = 0; at < events.length; at += chunk) {
        computeMetrics(events.slice(0, at + chunk));
      }
      return events.length;
    },
  });

  return {
    title: `Metrics: folding the ServiceNow log${ctx.quick ? ' (sample)' : ''}`,
    figures: [
      figure({
        name: 'events/s folded by add(), no report',
        unit: 'events/s',
        samples: fold.incremental,
        baseline: {
          name: 'fold and report the whole log at once',
          samples: fold.recompute,
        },
      }),
      figure({
        name: `events/s with the figures kept current (${reports} reports), incremental`,
        unit: 'events/s',
        samples: current.incremental,
        baseline: {
          name: 'recomputing from every event before each report',
          samples: current.recompute,
        },
      }),
    ],
    notes: [
      `${formatNumber(events.length)} audit events of the replayed ${file.split('/').pop()}, memory store; the events are read once from the change feed and folded from memory.`,
      `"Kept current": the log arrives in ${reports} chunks of ${formatNumber(chunk)} events and a report is asked after each. Incrementally, each chunk is folded once and the report reads the per-ticket facts; recomputing folds every event so far again before each report, so its cost grows with the square of the log.`,
      'A report reads every ticket once (plus sorting for medians and a sweep for the backlog), so the reports, not the folding, are most of the incremental figure; the first figure isolates folding. No target is set for metrics.',
    ],
  };
};
