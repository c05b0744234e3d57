import type { AuditEvent, RiskEvaluation, TicketStore } from '@ticketry/core';
import type { CliArgs } from './cli-args.ts';
import {
  type ForecastReport,
  forecastReport,
  formatForecast,
  formatRisk,
  riskReport,
} from './predict-report.ts';

/** Reads every audit event of a replayed store, in feed order. */
export async function readAllEvents(store: TicketStore): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (let cursor = 0; ; ) {
    const page = await store.readFeed(cursor, 5000);
    events.push(...(page.events as AuditEvent[]));
    if (page.events.length < 5000) return events;
    cursor = page.cursor;
  }
}

/** The `--forecast` and `--risk` reports, each present when asked. */
export interface PredictionReports {
  forecast?: ForecastReport;
  risk?: RiskEvaluation;
}

/**
 * Measures the `--forecast` and `--risk` reports of a replayed store.
 * Throws NO_SLA_OUTCOME (before anything is printed) when `--risk` is
 * asked of a log without an SLA outcome.
 */
export async function predictionReports(
  store: TicketStore,
  args: CliArgs,
): Promise<PredictionReports> {
  if (!args.forecast && !args.risk) return {};
  const events = await readAllEvents(store);
  const risk = args.risk ? riskReport(events) : undefined;
  const forecast = args.forecast ? forecastReport(events) : undefined;
  return { ...(forecast && { forecast }), ...(risk && { risk }) };
}

/** The prediction reports as text, each after a blank line. */
export function formatPredictions(reports: PredictionReports): string[] {
  const out: string[] = [];
  if (reports.forecast) out.push(`\n${formatForecast(reports.forecast)}`);
  if (reports.risk) out.push(`\n${formatRisk(reports.risk)}`);
  return out;
}
