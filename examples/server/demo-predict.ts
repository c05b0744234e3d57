import {
  createPredictions,
  type Desk,
  madeSlaOutcome,
  type Predictions,
  slaOutcome,
} from '@ticketry/core';
import type { Logger } from './log.ts';

/** The predictions of each demo desk, once made (they follow the seeding). */
const made = new WeakMap<Desk, Predictions>();

/**
 * The breach-risk source of a demo desk for its automation's `risk`
 * condition: the desk's predictions once they are ready (they are made
 * after the history is seeded, the automation before), null until then
 * and for a ticket the model cannot score yet.
 */
export function demoRiskSource(
  desk: Desk,
): (ticketId: string) => number | null {
  return (ticketId) => made.get(desk)?.risk(ticketId)?.risk ?? null;
}

/** How often the demo retrains its breach-risk model. @default 1 hour */
export const DEMO_RISK_REFRESH_MS = 3_600_000;

/**
 * Predictions for the demo: the volume forecast, breach risk and
 * possible-incident alerts, read from the desk's audit log (the seeded
 * ServiceNow history included, so call it after seeding). The risk
 * model is trained once now, then every hour; the forecast follows
 * every new ticket. The replayed tickets carry the log's `made_sla`
 * (`madeSla`), the outcome the model learns from; the demo's own
 * tickets are labelled by their SLA clocks. The history is from 2016,
 * so forecasts and the risks of its open tickets are made as of its end
 * (`asOf: 'auto'`; every answer says so in `asOf` and `basis`) while the
 * last four weeks hold little. Served as GET /api/v1/forecast, /risk/queue,
 * /tickets/:id/risk and /alerts, drawn by the console's dashboard, and
 * read by the demo automation's `risk` condition ({@link demoRiskSource}).
 */
export async function demoPredictions(
  desk: Desk,
  log: Logger,
): Promise<Predictions> {
  const started = Date.now();
  const predictions = await createPredictions(desk, {
    outcome: (risk) => madeSlaOutcome(risk) ?? slaOutcome(risk),
    // The seeded history is from 2016: forecast and score as of its end
    // until the demo's own tickets make a busy month of their own.
    asOf: 'auto',
    refreshEveryMs: DEMO_RISK_REFRESH_MS,
    onError: (error) => log.error('risk model refresh failed', { error }),
  });
  made.set(desk, predictions);
  const { examples, stored } = await predictions.refresh();
  log.info('predictions ready', { examples, stored, ms: Date.now() - started });
  return predictions;
}
