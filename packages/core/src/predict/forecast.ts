import { type PointModel, quantile, weekdaySeasonal } from './model.js';

/** One forecast day or week with its prediction interval. */
export interface ForecastPoint {
  /** The local date the day (or Monday-less week: its first day) begins. */
  date: string;
  expected: number;
  low: number;
  high: number;
}

/** Options of {@link forecastSeries}. */
export interface ForecastOptions {
  /** Days ahead. @default 7 */
  horizon?: number;
  /** The point forecaster. @default weekdaySeasonal() */
  model?: PointModel;
  /** Central coverage of the interval. @default 0.8 */
  coverage?: number;
  /** Past origins whose errors set the interval. @default 56 */
  lookback?: number;
}

/**
 * Every point forecast a model makes from origins `0 … n` (with `n` the
 * series length) and horizons `1 … horizon`: `table[t][h - 1]`. Backtests
 * and intervals read it instead of calling the model again.
 */
export function forecastTable(
  y: readonly number[],
  model: PointModel,
  horizon: number,
): number[][] {
  const table: number[][] = [];
  for (let t = 0; t <= y.length; t++) {
    const row: number[] = [];
    for (let h = 1; h <= horizon; h++) row.push(Math.max(0, model(y, t, h)));
    table.push(row);
  }
  return table;
}

/** An error scaled by the square root of the forecast, as counts spread. */
const scaled = (actual: number, expected: number) =>
  (actual - expected) / Math.sqrt(Math.max(expected, 1));

/**
 * The scaled errors known at origin `t`: every forecast from the last
 * `lookback` origins whose day (or whole week, for `span` 7) had passed.
 */
export function errorsBefore(
  y: readonly number[],
  table: readonly number[][],
  t: number,
  lookback: number,
  span: 1 | 7 = 1,
): number[] {
  const out: number[] = [];
  const horizon = table[0]?.length ?? 0;
  // Origins before a full week forecast from a few days only.
  for (let s = Math.max(7, t - lookback); s < t; s++) {
    if (span === 7) {
      if (s + 7 > t || horizon < 7) continue;
      const f = table[s]!.slice(0, 7).reduce((a, v) => a + v, 0);
      const a = y.slice(s, s + 7).reduce((acc, v) => acc + v, 0);
      out.push(scaled(a, f));
      continue;
    }
    for (let h = 1; h <= horizon && s + h - 1 < t; h++) {
      out.push(scaled(y[s + h - 1]!, table[s]![h - 1]!));
    }
  }
  return out;
}

/** The fewest past errors an interval is drawn from. */
export const MIN_ERRORS = 20;

/** The error quantiles an interval is drawn from, or null while too few are known. */
export function bandOf(
  errors: readonly number[],
  coverage: number,
): { low: number; high: number } | null {
  if (errors.length < MIN_ERRORS) return null;
  const tail = (1 - coverage) / 2;
  return { low: quantile(errors, tail), high: quantile(errors, 1 - tail) };
}

/** The interval around `expected` from a band of scaled errors. */
export function applyBand(
  expected: number,
  band: { low: number; high: number },
): { low: number; high: number } {
  const root = Math.sqrt(Math.max(expected, 1));
  return {
    low: Math.max(0, expected + band.low * root),
    high: Math.max(0, expected + band.high * root),
  };
}

/**
 * The interval around `expected` from the empirical quantiles of past
 * scaled errors, or null while fewer than {@link MIN_ERRORS} are known.
 */
export function intervalOf(
  expected: number,
  errors: readonly number[],
  coverage: number,
): { low: number; high: number } | null {
  const band = bandOf(errors, coverage);
  return band && applyBand(expected, band);
}

/** A series' forecast: each day ahead, and the next seven days as a week. */
export interface SeriesForecast {
  days: ForecastPoint[];
  week: ForecastPoint | null;
  /** Past errors the intervals were drawn from. */
  errors: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The horizon of the past forecasts whose errors set every interval:
 * one week ahead, as the backtest scores them, whatever the days asked.
 */
export const ERROR_HORIZON = 7;

/**
 * Forecasts the days after a daily series with 80% intervals (by
 * default) from the model's own errors over the last `lookback`
 * origins, one to {@link ERROR_HORIZON} days ahead: a day's forecast
 * from the same history is the same whatever the number of days asked.
 * Without enough history the interval is the point itself.
 *
 * @example
 * forecastSeries([12, 30, 31, 29, 33, 28, 10, 11, 32], ['2024-03-11', …]);
 */
export function forecastSeries(
  y: readonly number[],
  nextDates: readonly string[],
  options: ForecastOptions = {},
): SeriesForecast {
  const model = options.model ?? weekdaySeasonal();
  const coverage = options.coverage ?? 0.8;
  const lookback = options.lookback ?? 56;
  // The errors come from forecasts up to a week ahead whatever the
  // number of days asked, so a day's interval does not depend on it.
  const table = forecastTable(y, model, ERROR_HORIZON);
  const t = y.length;
  const ahead = Array.from({ length: Math.max(nextDates.length, 7) }, (_, i) =>
    Math.max(0, model(y, t, i + 1)),
  );
  const daily = errorsBefore(y, table, t, lookback);
  const point = (date: string, expected: number, errs: number[]) => {
    const band = intervalOf(expected, errs, coverage);
    return {
      date,
      expected: round(expected),
      low: round(band?.low ?? expected),
      high: round(band?.high ?? expected),
    };
  };
  const days = nextDates.map((date, i) => point(date, ahead[i]!, daily));
  const weekly = errorsBefore(y, table, t, lookback, 7);
  const total = ahead.slice(0, 7).reduce((s, v) => s + v, 0);
  const week = nextDates[0] ? point(nextDates[0], total, weekly) : null;
  return { days, week, errors: daily.length };
}
