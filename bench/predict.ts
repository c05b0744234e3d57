/**
 * Predictions measured on the replayed logs: the volume forecast's
 * rolling-origin backtest beside seasonal naive, breach risk at opening
 * beside priority alone, and possible-incident alerts with injected
 * spikes. The full ServiceNow log is replayed in both modes (its
 * sample is too thin for daily counts); quick injects fewer spikes.
 */
import {
  createDesk,
  createManualClock,
  createMemoryStore,
} from '@ticketry/core';
import { replayFile } from '../examples/replay/index.ts';
import { readAllEvents } from '../examples/replay/predict-cli.ts';
import {
  calibrationGap,
  type ForecastReport,
  forecastReport,
  riskReport,
} from '../examples/replay/predict-report.ts';
import type { BenchFigure, BenchSectionRun } from './types.ts';
import { figure } from './util.ts';

const SERVICENOW =
  'data/servicenow-uci-incident-log/incident_event_log_full_restored.csv.gz';
const HELPDESK = 'data/helpdesk-italian-company/helpdesk_full_finale.csv';

async function replayed(file: string) {
  const store = createMemoryStore();
  const clock = createManualClock('1970-01-01T00:00:00Z');
  const desk = createDesk({ store, clock, closedReplyPolicy: 'reopen' });
  await replayFile(desk, file);
  return readAllEvents(store);
}

/** A figure of one measured value, with an optional baseline. */
const one = (
  name: string,
  unit: string,
  value: number,
  extra: Partial<BenchFigure> = {},
): BenchFigure => ({
  ...figure({ name, unit, samples: [value] }),
  ...extra,
});

function forecastFigures(
  log: string,
  r: ForecastReport,
  targeted: boolean,
): BenchFigure[] {
  const o = r.overall;
  const ratio = o.mae.model / o.mae.seasonalNaive;
  const coverage = (o.coverage ?? 0) * 100;
  const s = r.surges;
  return [
    one(
      `${log}: forecast MAE, tickets/day, 7 days ahead`,
      'tickets',
      o.mae.model,
      {
        baseline: {
          name: 'seasonal naive (same weekday last week)',
          median: o.mae.seasonalNaive,
          unit: 'tickets',
        },
        ratio,
        ...(targeted && {
          target: '≤ 0.85 of seasonal naive',
          met: ratio <= 0.85,
          ...(ratio > 0.85 && {
            shortfall: `${ratio.toFixed(3)} of seasonal naive`,
          }),
        }),
      },
    ),
    one(
      `${log}: 4-week weekday mean MAE (second baseline)`,
      'tickets',
      o.mae.weekdayMean,
    ),
    one(`${log}: 80% interval coverage`, '%', coverage, {
      target: '75–85%',
      met: coverage >= 75 && coverage <= 85,
    }),
    one(
      `${log}: alerts per month without injection`,
      'alerts',
      s.alarmsPerMonth,
    ),
    one(`${log}: injected spikes detected within 24 h`, 'spikes', s.detected, {
      target: `of ${s.spikes}; median delay ${s.medianDelayHours ?? 'n/a'} h, max ${s.maxDelayHours ?? 'n/a'} h`,
    }),
  ];
}

/** The section. */
export const run: BenchSectionRun = async (ctx) => {
  const spikes = ctx.quick ? 6 : 12;
  ctx.progress('predict: replaying the full ServiceNow log');
  const sn = await replayed(SERVICENOW);
  ctx.progress('predict: ServiceNow forecast backtest and alerts');
  const snForecast = forecastReport(sn, { spikes });
  ctx.progress('predict: ServiceNow breach risk');
  const risk = riskReport(sn);
  ctx.progress('predict: replaying the Italian helpdesk log');
  const it = await replayed(HELPDESK);
  const itForecast = forecastReport(it, { spikes });
  const table = (bins: typeof risk.calibration) =>
    bins
      .map(
        (b) =>
          `${(100 * b.predicted).toFixed(0)}→${(100 * b.observed).toFixed(0)}%`,
      )
      .join(', ');
  const gap = calibrationGap(risk.calibration) * 100;
  const rawGap = calibrationGap(risk.uncalibrated.calibration) * 100;
  return {
    title: 'Predictions: forecast, breach risk, possible incidents',
    figures: [
      ...forecastFigures('ServiceNow', snForecast, true),
      one(
        'ServiceNow: breach-risk ROC AUC at opening (made_sla)',
        'AUC',
        risk.auc,
        {
          baseline: {
            name: 'priority alone',
            median: risk.priorityAuc,
            unit: 'AUC',
          },
          ratio: risk.auc / risk.priorityAuc,
          target: '≥ 0.75',
          met: risk.auc >= 0.75,
        },
      ),
      one(
        'ServiceNow: breach-risk calibration gap, mean |predicted − observed| over deciles',
        'points',
        gap,
        {
          baseline: {
            name: 'the same model without calibration',
            median: rawGap,
            unit: 'points',
          },
          ratio: gap / rawGap,
        },
      ),
      ...forecastFigures('Italian helpdesk', itForecast, false),
    ],
    notes: [
      `Forecast: rolling origin, each origin forecasting the next 7 days from the days before it only; ServiceNow window ${snForecast.window.from} … ${snForecast.window.to} (${snForecast.overall.origins} origins), Italian helpdesk ${itForecast.window.from} … ${itForecast.window.to} (${itForecast.overall.origins} origins). Model: mean of the median same weekday over 5 weeks and a median level × weekday profile; intervals from the empirical 10th/90th percentiles of the model's own scaled errors over the previous 56 origins.`,
      `Breach risk: logistic regression (hashed one-hot fields, SGD with AdaGrad and L2) on features known 30 minutes after opening; trained on the earliest ${risk.train} tickets by opening time, scored on the latest ${risk.test} (${(100 * risk.missRate).toFixed(1)}% missed). Calibrated by Platt scaling fitted on the latest ${(100 * risk.holdout).toFixed(0)}% of the training tickets (the model itself trained on the rest): by deciles, predicted→observed, ${table(risk.calibration)}; without calibration (the model trained on all training tickets, ROC AUC ${risk.uncalibrated.auc.toFixed(3)}) ${table(risk.uncalibrated.calibration)}, high because the log's first weeks miss far more often than its later ones.`,
      `Alerts: Poisson likelihood-ratio scan per category on hourly counts against the day's forecast times the hour's share, scaled down by the square root of the category's overdispersion, summed over the best run of latest hours up to 6 (a CUSUM with capped memory; threshold 8, shift ×3, 24 h cooldown, 28-day warm-up). Every alert on the log as it is counts as false. Spikes: ${spikes} injected one at a time into the 4 busiest categories, 3 × the category's working-hour rate for 3 hours (at least 10 tickets).`,
    ],
  };
};
