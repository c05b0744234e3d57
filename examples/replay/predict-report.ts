/**
 * The `--forecast` and `--risk` reports of the replay: predictions
 * measured on a replayed log's audit events (also used by the bench).
 */
import {
  type AuditEvent,
  type BacktestResult,
  backtest,
  type CalibrationBin,
  collectExamples,
  createArrivalLog,
  dailyCounts,
  evaluateRisk,
  evaluateSurges,
  madeSlaOutcome,
  plannedSpikes,
  type RiskEvaluation,
  type RiskOutcome,
  type SurgeEvaluation,
  slaOutcome,
} from '@ticketry/core';
import { ReplayError } from './errors.ts';

const DAY = 86_400_000;

/** What `--forecast` reports. */
export interface ForecastReport {
  window: { from: string; to: string; days: number };
  overall: BacktestResult;
  /** The busiest categories, each backtested alone. */
  categories: ({ key: string } & BacktestResult)[];
  surges: SurgeEvaluation;
}

const monthOf = (at: number) => new Date(at).toISOString().slice(0, 7);

/**
 * The span the log's volume is in: from the first arrival to the end
 * of the last month holding at least a tenth of the busiest month.
 */
export function volumeWindow(times: readonly number[]): [number, number] {
  const months = new Map<string, number>();
  for (const t of times)
    months.set(monthOf(t), (months.get(monthOf(t)) ?? 0) + 1);
  const busiest = Math.max(...months.values());
  const last = [...months]
    .filter(([, n]) => n >= busiest / 10)
    .map(([m]) => m)
    .sort()
    .pop()!;
  const [y, m] = last.split('-').map(Number) as [number, number];
  const from = Math.floor(Math.min(...times) / DAY) * DAY;
  return [from, Date.UTC(y, m, 1)];
}

/** Backtests the forecast on the log's busy window, overall and per category. */
export function forecastReport(
  events: readonly AuditEvent[],
  options: { spikes?: number } = {},
): ForecastReport {
  const log = createArrivalLog();
  for (const e of events) log.add(e);
  const [from, to] = volumeWindow(log.list().map((a) => a.at));
  const arrivals = log.list().filter((a) => a.at >= from && a.at < to);
  const all = dailyCounts(arrivals, 'UTC', from, to).counts.get('*') ?? [];
  const byCategory = dailyCounts(arrivals, 'UTC', from, to, 'category').counts;
  const top = [...byCategory]
    .map(([key, y]) => ({ key, y, n: y.reduce((s, v) => s + v, 0) }))
    .sort((a, b) => b.n - a.n)
    .slice(0, 5);
  const spikes = plannedSpikes(arrivals, { count: options.spikes ?? 12 });
  return {
    window: {
      from: new Date(from).toISOString().slice(0, 10),
      to: new Date(to).toISOString().slice(0, 10),
      days: all.length,
    },
    overall: backtest(all),
    categories: top.map(({ key, y }) => ({ key, ...backtest(y) })),
    surges: evaluateSurges(arrivals, spikes, { threshold: 8, shift: 3 }),
  };
}

/**
 * The SLA outcome a log gives breach risk: the ServiceNow log's
 * `made_sla` when the tickets carry it, else the desk's own SLA clocks
 * when the replay ran some (`--sla`); null when there is neither.
 */
export function riskOutcomeOf(
  events: readonly AuditEvent[],
): RiskOutcome | null {
  const carriesMadeSla = events.some(
    (e) =>
      e.type === 'ticket.submitted' &&
      typeof (e.changes['fields'] as Record<string, unknown> | undefined)?.[
        'madeSla'
      ] === 'boolean',
  );
  if (carriesMadeSla) return madeSlaOutcome;
  return events.some((e) => e.changes['sla']) ? slaOutcome : null;
}

const noOutcome = (why: string) =>
  new ReplayError(
    'NO_SLA_OUTCOME',
    `--risk needs an SLA outcome: ${why}. Pass --sla <policy.json> to run SLA ` +
      'clocks on the log (the ServiceNow log carries its own made_sla)',
  );

/**
 * Breach risk at opening, on the outcome {@link riskOutcomeOf} finds.
 * Throws NO_SLA_OUTCOME when the log has none, or when no ticket (or
 * every ticket) missed it: there is nothing to learn or score.
 */
export function riskReport(events: readonly AuditEvent[]): RiskEvaluation {
  const outcome = riskOutcomeOf(events);
  if (!outcome) throw noOutcome('the log carries none and no SLA clocks ran');
  const examples = collectExamples(events, { outcome });
  const known = examples.filter((e) => e.age === 0 && e.label !== null);
  const missed = known.filter((e) => e.label === 1).length;
  if (missed === 0 || missed === known.length) {
    throw noOutcome(
      `${known.length} tickets have an outcome and ${missed} missed, so there is nothing to learn`,
    );
  }
  const { model: _model, ...evaluation } = evaluateRisk(examples);
  return evaluation;
}

const pct = (v: number | null) =>
  v === null || Number.isNaN(v) ? 'n/a' : `${(100 * v).toFixed(1)}%`;
const num = (v: number) => v.toFixed(2);

/** The forecast report as text. */
export function formatForecast(r: ForecastReport): string {
  const line = (name: string, b: BacktestResult) =>
    `  ${name.padEnd(18)} MAE ${num(b.mae.model).padStart(7)}  seasonal naive ${num(b.mae.seasonalNaive).padStart(7)}  4-week weekday mean ${num(b.mae.weekdayMean).padStart(7)}  ${pct(b.improvement)} below naive  80% interval coverage ${pct(b.coverage)}`;
  const s = r.surges;
  return [
    `Volume forecast, 7 days ahead, rolling origin over ${r.window.from} … ${r.window.to} (${r.window.days} days, ${r.overall.origins} origins)`,
    line('all tickets', r.overall),
    ...r.categories.map((c) => line(c.key, c)),
    '',
    `Emerging problems (Poisson likelihood-ratio scan over at most 6 hours of hourly counts per category), ${s.months.toFixed(1)} months after warm-up`,
    `  alerts without injection: ${s.alarmsPerMonth.toFixed(2)} per month`,
    `  injected spikes detected within 24 h: ${s.detected}/${s.spikes}, delay median ${s.medianDelayHours ?? 'n/a'} h, max ${s.maxDelayHours ?? 'n/a'} h`,
  ].join('\n');
}

/**
 * The mean gap between predicted and observed miss rates over the
 * calibration bins, weighted by their size (0 is perfect).
 */
export function calibrationGap(bins: readonly CalibrationBin[]): number {
  const n = bins.reduce((s, b) => s + b.n, 0);
  return n
    ? bins.reduce((s, b) => s + b.n * Math.abs(b.predicted - b.observed), 0) / n
    : Number.NaN;
}

/** The risk report as text, with the calibration table before and after. */
export function formatRisk(r: RiskEvaluation): string {
  const raw = r.uncalibrated.calibration;
  const how = r.holdout
    ? `Platt scaling fitted on the latest ${pct(r.holdout)} of the training tickets`
    : 'no calibration (too few held-out outcomes)';
  return [
    `Breach risk at opening: trained on the earliest ${r.train} tickets, scored on the latest ${r.test} (${pct(r.missRate)} missed)`,
    `  ROC AUC ${r.auc.toFixed(3)}   priority alone ${r.priorityAuc.toFixed(3)}   uncalibrated model ${r.uncalibrated.auc.toFixed(3)}`,
    `  calibration by deciles (${how}):`,
    '    calibrated: predicted observed   uncalibrated: predicted observed   (n)',
    ...r.calibration.map(
      (b, i) =>
        `    ${pct(b.predicted).padStart(20)} ${pct(b.observed).padStart(8)}  ${pct(raw[i]?.predicted ?? null).padStart(24)} ${pct(raw[i]?.observed ?? null).padStart(8)}   (${b.n})`,
    ),
    `  mean gap |predicted − observed|: ${pct(calibrationGap(r.calibration))} calibrated, ${pct(calibrationGap(raw))} uncalibrated`,
  ].join('\n');
}
