import {
  createPredictions,
  type Desk,
  madeSlaOutcome,
  type Predictions,
  slaOutcome,
} from '@ticketry/core';
import type { Logger } from './log.ts';

/** How often the demo retrains its breach-risk model. @default 1 hour */
export const DEMO_RISK_REFRESH_MS = 3_600_000;

/**
 * Predictions for the demo: the volume forecast, breach risk and
 * possible-incident alerts, read from the desk's audit log (the seeded
 * ServiceNow history included, so call it after seeding). The risk
 * model is trained once now, then every hour; the forecast follows
 * every new ticket. The replayed tickets carry the log's `made_sla`
 * (`madeSla`), the outcome the model learns from; the demo's own
 * tickets are labelled by their SLA clocks. The forecast looks at the
 * last 16 weeks, so over the 2016–2017 history alone it has no series
 * until the demo's own tickets come in. Served as GET /api/v1/forecast, /risk/queue,
 * /tickets/:id/risk and /alerts, and drawn by the console's dashboard.
 */
export async function demoPredictions(
  desk: Desk,
  log: Logger,
): Promise<Predictions> {
  const started = Date.now();
  const predictions = await createPredictions(desk, {
    outcome: (risk) => madeSlaOutcome(risk) ?? slaOutcome(risk),
    refreshEveryMs: DEMO_RISK_REFRESH_MS,
    onError: (error) => log.error('risk model refresh failed', { error }),
  });
  const { examples, stored } = await predictions.refresh();
  log.info('predictions ready', { examples, stored, ms: Date.now() - started });
  return predictions;
}
