import { z } from 'zod';

/** A sparse example: named features (strings are one-hot) and values. */
export type Features = Record<string, string | number | null>;

/** 32-bit FNV-1a hash of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Hashes features into `[index, value]` pairs: a string field becomes
 * one-hot `name=value` with value 1, a number is its own column.
 */
export function hashFeatures(
  features: Features,
  bits: number,
): [number, number][] {
  const mask = (1 << bits) - 1;
  const out: [number, number][] = [];
  for (const [name, value] of Object.entries(features)) {
    if (value === null) continue;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) out.push([fnv1a(name) & mask, value]);
    } else out.push([fnv1a(`${name}=${value}`) & mask, 1]);
  }
  return out;
}

/** A trained logistic regression over hashed features, as stored. */
export const logisticModelSchema = z.object({
  bits: z.number().int().min(4).max(24),
  bias: z.number(),
  /** Non-zero weights as `[index, weight]`. */
  weights: z.array(z.tuple([z.number().int().min(0), z.number()])),
  /**
   * Platt scaling fitted on held-out recent history (see
   * `trainCalibrated`): the probability is `sigmoid(slope · z + intercept)`.
   * Absent, the raw score is the probability.
   */
  calibration: z
    .object({ slope: z.number(), intercept: z.number() })
    .optional(),
});

/** A trained model as JSON; see {@link logisticModelSchema}. */
export type LogisticModel = z.infer<typeof logisticModelSchema>;

/** Options of {@link trainLogistic}. */
export interface TrainOptions {
  /** Hash space, 2^bits columns. @default 14 */
  bits?: number;
  /** L2 penalty per example. @default 1e-4 */
  l2?: number;
  /** Passes over the data. @default 6 */
  epochs?: number;
  /** AdaGrad base step. @default 0.1 */
  rate?: number;
  /** Shuffle seed, so training is reproducible. @default 1 */
  seed?: number;
}

const sigmoid = (z: number) =>
  1 / (1 + Math.exp(-Math.max(-35, Math.min(35, z))));

/** A small seeded PRNG (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains a logistic regression with L2 by stochastic gradient descent
 * (AdaGrad steps) in process; `labels[i]` is 1 for the event predicted.
 */
export function trainLogistic(
  examples: readonly Features[],
  labels: readonly number[],
  options: TrainOptions = {},
): LogisticModel {
  const { bits = 14, l2 = 1e-4, epochs = 6, rate = 0.1, seed = 1 } = options;
  const rows = examples.map((e) => hashFeatures(e, bits));
  const w = new Float64Array(1 << bits);
  const g2 = new Float64Array(1 << bits);
  let bias = 0;
  let biasG2 = 0;
  const order = rows.map((_, i) => i);
  const next = random(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const row = rows[i]!;
      let z = bias;
      for (const [k, v] of row) z += w[k]! * v;
      const err = sigmoid(z) - labels[i]!;
      biasG2 += err * err;
      bias -= (rate * err) / Math.sqrt(biasG2 + 1e-8);
      for (const [k, v] of row) {
        const g = err * v + l2 * w[k]!;
        g2[k]! += g * g;
        w[k]! -= (rate * g) / Math.sqrt(g2[k]! + 1e-8);
      }
    }
  }
  const weights: [number, number][] = [];
  w.forEach((value, index) => {
    if (value !== 0) weights.push([index, value]);
  });
  return { bits, bias, weights };
}

/** The model's raw log-odds of label 1, before any calibration. */
export function logitOf(model: LogisticModel) {
  const w = new Map(model.weights);
  return (features: Features): number => {
    let z = model.bias;
    for (const [k, v] of hashFeatures(features, model.bits))
      z += (w.get(k) ?? 0) * v;
    return z;
  };
}

/** Scores examples with a trained model: probabilities of label 1, calibrated when the model carries a calibration. */
export function createScorer(model: LogisticModel) {
  const logit = logitOf(model);
  const { slope = 1, intercept = 0 } = model.calibration ?? {};
  return (features: Features): number =>
    sigmoid(slope * logit(features) + intercept);
}
