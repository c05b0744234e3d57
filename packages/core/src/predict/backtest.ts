import { applyBand, bandOf, errorsBefore, forecastTable } from './forecast.js';
import {
  type PointModel,
  seasonalNaive,
  weekdayMean,
  weekdaySeasonal,
} from './model.js';

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /** First origin (index into the series). @default 28, four weeks of history */
  from?: number;
  /** Origins stop where the last target would pass this index. @default the series end */
  to?: number;
  /** Days ahead of each origin. @default 7 */
  horizon?: number;
  /** @default weekdaySeasonal() */
  model?: PointModel;
  /** @default 0.8 */
  coverage?: number;
  /** Past origins whose errors set the interval. @default 56 */
  lookback?: number;
}

/** Rolling-origin backtest figures, the model beside its baselines. */
export interface BacktestResult {
  origins: number;
  /** Forecasts scored (origins × horizon). */
  points: number;
  mae: { model: number; seasonalNaive: number; weekdayMean: number };
  /** 1 − model MAE / seasonal-naive MAE. */
  improvement: number;
  /** Share of days inside the interval, over the points that had one. */
  coverage: number | null;
  covered: { inside: number; scored: number };
  /** Mean interval width over the scored points. */
  meanWidth: number | null;
}

const mean = (s: number, n: number) => (n ? s / n : Number.NaN);

/**
 * Backtests a forecaster with a rolling origin: from each origin it
 * predicts the next `horizon` days from the days before only, beside
 * the seasonal naive forecast (same weekday last week) and the
 * four-week weekday mean, and scores the intervals drawn from errors
 * already known at the origin.
 */
export function backtest(
  y: readonly number[],
  options: BacktestOptions = {},
): BacktestResult {
  const horizon = options.horizon ?? 7;
  const from = options.from ?? 28;
  const to = Math.min(options.to ?? y.length, y.length);
  const coverage = options.coverage ?? 0.8;
  const lookback = options.lookback ?? 56;
  const table = forecastTable(y, options.model ?? weekdaySeasonal(), horizon);
  const sums = { model: 0, naive: 0, mean: 0, width: 0 };
  let points = 0;
  let origins = 0;
  const covered = { inside: 0, scored: 0 };
  for (let t = Math.max(from, 7); t + horizon <= to; t++) {
    origins++;
    // One band per origin: every horizon draws on the same errors.
    const band = bandOf(errorsBefore(y, table, t, lookback), coverage);
    for (let h = 1; h <= horizon; h++) {
      const actual = y[t + h - 1]!;
      const f = table[t]![h - 1]!;
      sums.model += Math.abs(actual - f);
      sums.naive += Math.abs(actual - seasonalNaive(y, t, h));
      sums.mean += Math.abs(actual - weekdayMean(y, t, h));
      points++;
      if (!band) continue;
      const { low, high } = applyBand(f, band);
      covered.scored++;
      sums.width += high - low;
      if (actual >= low && actual <= high) covered.inside++;
    }
  }
  const mae = {
    model: mean(sums.model, points),
    seasonalNaive: mean(sums.naive, points),
    weekdayMean: mean(sums.mean, points),
  };
  return {
    origins,
    points,
    mae,
    improvement: 1 - mae.model / mae.seasonalNaive,
    coverage: covered.scored ? covered.inside / covered.scored : null,
    covered,
    meanWidth: covered.scored ? sums.width / covered.scored : null,
  };
}
