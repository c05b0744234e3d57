import { describe, expect, it } from 'vitest';
import { fitPlatt, trainCalibrated } from './calibrate.js';
import { rocAuc } from './evaluate.js';
import { createScorer, trainLogistic } from './logistic.js';

/** A seeded uniform PRNG (Park–Miller). */
function uniform(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('Platt scaling', () => {
  it('recovers the slope and intercept the outcomes were drawn with', () => {
    const next = uniform(7);
    const z = Array.from({ length: 20_000 }, () => next() * 8 - 4);
    const labels = z.map((v) => (next() < sigmoid(0.5 * v - 1) ? 1 : 0));
    const { slope, intercept } = fitPlatt(z, labels);
    expect(slope).toBeCloseTo(0.5, 1);
    expect(intercept).toBeCloseTo(-1, 1);
  });
});

/**
 * Tickets whose miss rate falls over time: 60% early, 20% late, with
 * the same ranking signal (the category) throughout.
 */
function drifting(n: number, seed: number) {
  const next = uniform(seed);
  return Array.from({ length: n }, (_, i) => {
    const category = next() < 0.5 ? 'network' : 'mail';
    const base = i < n * 0.6 ? 0.4 : -1.8;
    const p = sigmoid(base + (category === 'network' ? 1 : -1));
    return {
      features: { category },
      label: (next() < p ? 1 : 0) as 0 | 1,
      openedAt: i * 60_000,
    };
  });
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe('a risk model calibrated on the latest history', () => {
  const history = drifting(6000, 3);
  const later = drifting(10_000, 4).slice(8000);
  const observed = mean(later.map((e) => e.label));

  it('predicts the recent miss rate where the plain model runs high', () => {
    const plain = createScorer(
      trainLogistic(
        history.map((e) => e.features),
        history.map((e) => e.label),
      ),
    );
    const model = trainCalibrated(history, { holdout: 0.2 });
    expect(model.calibration).toBeDefined();
    const calibrated = createScorer(model);
    const rawMean = mean(later.map((e) => plain(e.features)));
    const calMean = mean(later.map((e) => calibrated(e.features)));
    expect(Math.abs(calMean - observed)).toBeLessThan(0.05);
    expect(rawMean - observed).toBeGreaterThan(0.1);
    // Calibration is monotonic: the ranking is the plain model's.
    const labels = later.map((e) => e.label);
    expect(
      rocAuc(
        later.map((e) => calibrated(e.features)),
        labels,
      ),
    ).toBeCloseTo(
      rocAuc(
        later.map((e) => plain(e.features)),
        labels,
      ),
      1,
    );
  });

  it('trains on everything and leaves scores as they are without held-out outcomes of both kinds', () => {
    const few = history.slice(0, 60);
    const model = trainCalibrated(few, { holdout: 0.2 });
    expect(model.calibration).toBeUndefined();
  });
});
