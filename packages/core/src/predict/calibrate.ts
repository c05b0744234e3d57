import {
  type Features,
  type LogisticModel,
  logitOf,
  type TrainOptions,
  trainLogistic,
} from './logistic.js';

/** Platt scaling: the probability is `sigmoid(slope · z + intercept)`. */
export interface Calibration {
  slope: number;
  intercept: number;
}

const sigmoid = (z: number) =>
  1 / (1 + Math.exp(-Math.max(-35, Math.min(35, z))));

/**
 * Fits Platt scaling to raw scores (log-odds) and outcomes by Newton's
 * method on the log-loss, with a small ridge so a slice that separates
 * perfectly still gives finite numbers.
 */
export function fitPlatt(
  z: readonly number[],
  labels: readonly number[],
): Calibration {
  let a = 1;
  let b = 0;
  for (let step = 0; step < 50; step++) {
    let ga = 1e-3 * (a - 1);
    let gb = 0;
    let haa = 1e-3;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < z.length; i++) {
      const p = sigmoid(a * z[i]! + b);
      const r = p - labels[i]!;
      const w = Math.max(p * (1 - p), 1e-9);
      ga += r * z[i]!;
      gb += r;
      haa += w * z[i]! * z[i]!;
      hab += w * z[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { slope: a, intercept: b };
}

/** What {@link trainCalibrated} learns from: features, outcome, opening time. */
export interface TimedExample {
  features: Features;
  label: 0 | 1;
  openedAt: number;
}

/** Options of {@link trainCalibrated}. */
export interface CalibratedOptions {
  /** The latest share of the history held out to calibrate on. @default 0.2 */
  holdout?: number;
  /** The fewest held-out examples of each outcome to calibrate. @default 20 */
  minPerClass?: number;
  train?: TrainOptions;
}

/**
 * Trains the logistic regression on the earlier part of the history
 * (by opening time) and fits Platt scaling on the latest `holdout`
 * share, so the probabilities follow how often tickets miss lately
 * rather than over the whole history. Without enough of both outcomes
 * in the held-out part it trains on everything and leaves the scores
 * as they are.
 */
export function trainCalibrated(
  examples: readonly TimedExample[],
  options: CalibratedOptions = {},
): LogisticModel {
  const holdout = options.holdout ?? 0.2;
  const min = options.minPerClass ?? 20;
  const sorted = [...examples].sort((a, b) => a.openedAt - b.openedAt);
  const at = sorted[Math.floor(sorted.length * (1 - holdout))]?.openedAt;
  // Every snapshot of a ticket falls on one side: they share `openedAt`.
  const fit = sorted.filter((e) => at === undefined || e.openedAt < at);
  const held = sorted.slice(fit.length);
  const misses = held.filter((e) => e.label === 1).length;
  const fitMisses = fit.filter((e) => e.label === 1).length;
  const enough =
    Math.min(misses, held.length - misses) >= min &&
    fitMisses > 0 &&
    fitMisses < fit.length;
  const base = enough ? fit : sorted;
  const model = trainLogistic(
    base.map((e) => e.features),
    base.map((e) => e.label),
    options.train,
  );
  if (!enough) return model;
  const logit = logitOf(model);
  const calibration = fitPlatt(
    held.map((e) => logit(e.features)),
    held.map((e) => e.label),
  );
  return { ...model, calibration };
}
