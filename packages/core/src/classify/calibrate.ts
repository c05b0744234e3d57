/**
 * Temperature scaling: one number that turns a model's scores into
 * probabilities that mean what they say, fitted on tickets the model
 * did not train on.
 */
import {
  type Sample,
  type SoftmaxWeights,
  scores,
  softmax,
} from './softmax.js';

const CANDIDATES = Array.from({ length: 60 }, (_, i) => 0.1 * 1.08 ** i);

/** Mean negative log-likelihood of the held-out samples at `t`. */
function loss(z: number[][], ys: number[], t: number): number {
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    const p = softmax(z[i]!.map((v) => v / t));
    sum -= Math.log(Math.max(p[ys[i]!]!, 1e-12));
  }
  return sum / Math.max(z.length, 1);
}

/**
 * The temperature (0.1 to ~9.3, on a geometric grid) that best fits
 * the held-out samples; 1 when there are none.
 */
export function fitTemperature(
  m: SoftmaxWeights,
  heldOut: readonly Sample[],
  labels: number,
): number {
  if (heldOut.length === 0) return 1;
  const z = heldOut.map((s) => scores(m, s.x, labels));
  const ys = heldOut.map((s) => s.y);
  let best = 1;
  let bestLoss = loss(z, ys, 1);
  for (const t of CANDIDATES) {
    const l = loss(z, ys, t);
    if (l < bestLoss) {
      best = t;
      bestLoss = l;
    }
  }
  return best;
}
