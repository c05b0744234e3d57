import type { Alert, ConsoleApi, Forecast, TicketRisk } from './console-api.js';

/** Days the dashboard's forecast looks ahead. */
export const FORECAST_DAYS = 14;

/** How many of the riskiest open tickets the dashboard lists. */
export const AT_RISK_LIMIT = 10;

/** How many risks the queue asks for to badge and sort its rows. */
export const QUEUE_RISK_LIMIT = 500;

/**
 * What the dashboard shows beside the metrics report: each part null
 * when the server does not serve it (predictions or knowledge base off).
 */
export interface Insight {
  forecast: Forecast | null;
  atRisk: TicketRisk[] | null;
  deflections: number | null;
  /** Possible incidents (`GET /alerts`). */
  alerts?: Alert[] | null;
}

/** The forecast, riskiest open tickets, deflections and alerts. */
export async function loadInsight(api: ConsoleApi): Promise<Insight> {
  const [forecast, atRisk, deflections, alerts] = await Promise.all([
    api.forecast(FORECAST_DAYS),
    api.riskQueue(AT_RISK_LIMIT),
    api.deflections(),
    api.alerts(),
  ]);
  return { forecast, atRisk, deflections, alerts };
}

/** Risks by ticket id, or null when predictions are off. */
export async function loadRisks(
  api: ConsoleApi,
): Promise<Map<string, number> | null> {
  const risks = await api.riskQueue(QUEUE_RISK_LIMIT);
  return risks && new Map(risks.map((r) => [r.ticketId, r.risk]));
}

/**
 * The tickets of the "at risk" queue: those with a known risk, riskiest
 * first (ties by reference).
 */
export function byRisk<T extends { id: string; ref: string }>(
  tickets: readonly T[],
  risks: ReadonlyMap<string, number>,
): T[] {
  return tickets
    .filter((t) => risks.has(t.id))
    .sort(
      (a, b) => risks.get(b.id)! - risks.get(a.id)! || (a.ref < b.ref ? -1 : 1),
    );
}
