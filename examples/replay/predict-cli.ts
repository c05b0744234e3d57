import type { AuditEvent, TicketStore } from '@ticketry/core';
import type { CliArgs } from './cli-args.ts';
import {
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

/** Prints the `--forecast` and `--risk` reports of a replayed store. */
export async function printPredictions(
  store: TicketStore,
  args: CliArgs,
): Promise<void> {
  const events = await readAllEvents(store);
  const forecast = args.forecast ? forecastReport(events) : undefined;
  const risk = args.risk ? riskReport(events) : undefined;
  if (args.json) {
    console.log(JSON.stringify({ forecast, risk }, null, 2));
    return;
  }
  if (forecast) console.log(`\n${formatForecast(forecast)}`);
  if (risk) console.log(`\n${formatRisk(risk)}`);
}
