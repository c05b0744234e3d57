/**
 * The numeric core of the text classifier: a multinomial logistic
 * regression (softmax) over sparse vectors, trained in full batches
 * with momentum, and updated one example at a time by `step`.
 */
import type { SparseVector } from './features.js';

/** Weights per feature (one per label) and a bias per label. */
export interface SoftmaxWeights {
  weights: Map<string, number[]>;
  bias: number[];
  /** Divides the scores before the softmax; fitted on held-out tickets. */
  temperature: number;
}

/** A labelled vector; `y` indexes the label list. */
export interface Sample {
  x: SparseVector;
  y: number;
}

/** Settings of a full-batch fit. */
export interface FitSettings {
  labels: number;
  iterations: number;
  rate: number;
  l2: number;
}

/** Probabilities of each label for a vector, summing to 1. */
export function probabilities(
  m: SoftmaxWeights,
  x: SparseVector,
  labels: number,
): number[] {
  return softmax(scores(m, x, labels).map((v) => v / m.temperature));
}

/** The raw score of each label, before the softmax. */
export function scores(
  m: SoftmaxWeights,
  x: SparseVector,
  labels: number,
): number[] {
  const z = Array.from({ length: labels }, (_, j) => m.bias[j] ?? 0);
  for (const [f, v] of x) {
    const w = m.weights.get(f);
    if (!w) continue;
    for (let j = 0; j < w.length && j < labels; j++) z[j]! += w[j]! * v;
  }
  return z;
}

/** Probabilities from scores, shifted so `exp` cannot overflow. */
export function softmax(z: number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * One stochastic gradient step on a single example, on the word weights
 * only: the biases stay as the last full fit set them, because the mix
 * of labels drifts with the order tickets arrive in and moving biases
 * would chase that drift.
 */
export function step(
  m: SoftmaxWeights,
  sample: Sample,
  labels: number,
  rate: number,
  l2: number,
): void {
  const p = softmax(scores(m, sample.x, labels));
  for (let j = 0; j < labels; j++) {
    const g = p[j]! - (j === sample.y ? 1 : 0);
    for (const [f, v] of sample.x) {
      const w = m.weights.get(f) ?? [];
      while (w.length < labels) w.push(0);
      w[j] = w[j]! - rate * (g * v + l2 * w[j]!);
      m.weights.set(f, w);
    }
  }
}

/** A sample with dense feature indexes, for the batch fit. */
interface Row {
  ids: Int32Array;
  values: Float64Array;
  y: number;
}

/** Dense indexes of the samples' features, for the batch fit. */
function indexSamples(samples: readonly Sample[]) {
  const index = new Map<string, number>();
  const rows: Row[] = samples.map((s) => {
    const ids = new Int32Array(s.x.size);
    const values = new Float64Array(s.x.size);
    let a = 0;
    for (const [f, v] of s.x) {
      let i = index.get(f);
      if (i === undefined) {
        i = index.size;
        index.set(f, i);
      }
      ids[a] = i;
      values[a++] = v;
    }
    return { ids, values, y: s.y };
  });
  return { index, rows };
}

/** The state of a batch fit: weights, gradients and momentum. */
function fitState(features: number, L: number) {
  const size = features * L;
  return {
    W: new Float64Array(size),
    b: new Float64Array(L),
    grad: new Float64Array(size),
    gb: new Float64Array(L),
    vel: new Float64Array(size),
    vb: new Float64Array(L),
    z: new Float64Array(L),
  };
}

type FitState = ReturnType<typeof fitState>;

/** Adds one row's share of the mean cross-entropy gradient. */
function accumulate(st: FitState, r: Row, L: number, n: number): void {
  const { W, z, grad, gb } = st;
  z.set(st.b);
  for (let a = 0; a < r.ids.length; a++) {
    const o = r.ids[a]! * L;
    const v = r.values[a]!;
    for (let j = 0; j < L; j++) z[j]! += W[o + j]! * v;
  }
  let top = -Infinity;
  for (let j = 0; j < L; j++) top = Math.max(top, z[j]!);
  let sum = 0;
  for (let j = 0; j < L; j++) sum += z[j] = Math.exp(z[j]! - top);
  // z now holds the gradient of each score: p - [label].
  for (let j = 0; j < L; j++) {
    z[j] = (z[j]! / sum - (j === r.y ? 1 : 0)) / n;
    gb[j]! += z[j]!;
  }
  for (let a = 0; a < r.ids.length; a++) {
    const o = r.ids[a]! * L;
    const v = r.values[a]!;
    for (let j = 0; j < L; j++) grad[o + j]! += z[j]! * v;
  }
}

/** One momentum step on every weight, with the L2 penalty. */
function descend(st: FitState, rate: number, l2: number): void {
  const { W, grad, vel, b, gb, vb } = st;
  for (let k = 0; k < W.length; k++) {
    vel[k] = 0.9 * vel[k]! + grad[k]! + l2 * W[k]!;
    W[k]! -= rate * vel[k]!;
  }
  for (let j = 0; j < b.length; j++) {
    vb[j] = 0.9 * vb[j]! + gb[j]!;
    b[j]! -= rate * vb[j]!;
  }
}

/**
 * The fit, pausing (a `yield`) after every `every` rows so an async
 * caller can give the event loop a turn; the sync caller never pauses.
 */
function* fitting(
  samples: readonly Sample[],
  s: FitSettings,
  every: number,
): Generator<void, SoftmaxWeights> {
  const { index, rows } = indexSamples(samples);
  const L = s.labels;
  const st = fitState(index.size, L);
  const n = Math.max(rows.length, 1);
  let since = 0;
  for (let it = 0; it < s.iterations; it++) {
    st.grad.fill(0);
    st.gb.fill(0);
    for (const r of rows) {
      accumulate(st, r, L, n);
      if (++since >= every) {
        since = 0;
        yield;
      }
    }
    descend(st, s.rate, s.l2);
  }
  const weights = new Map<string, number[]>();
  for (const [f, i] of index) {
    weights.set(f, Array.from(st.W.subarray(i * L, i * L + L)));
  }
  return { weights, bias: Array.from(st.b), temperature: 1 };
}

/**
 * Fits weights from scratch on every sample: gradient descent on the
 * mean cross-entropy plus L2, with momentum 0.9. Deterministic, so the
 * same history always gives the same model.
 */
export function fitSoftmax(
  samples: readonly Sample[],
  s: FitSettings,
): SoftmaxWeights {
  const run = fitting(samples, s, Number.POSITIVE_INFINITY);
  let next = run.next();
  while (!next.done) next = run.next();
  return next.value;
}

/**
 * {@link fitSoftmax} that awaits a macrotask after every `every` rows
 * (row visits, over all passes), so a server keeps answering while it
 * trains. The same weights as the sync fit.
 */
export async function fitSoftmaxAsync(
  samples: readonly Sample[],
  s: FitSettings,
  every = 20_000,
): Promise<SoftmaxWeights> {
  const run = fitting(samples, s, Math.max(1, every));
  let next = run.next();
  while (!next.done) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    next = run.next();
  }
  return next.value;
}
