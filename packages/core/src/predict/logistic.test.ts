import { describe, expect, it } from 'vitest';
import { rocAuc } from './evaluate.js';
import {
  createScorer,
  hashFeatures,
  logisticModelSchema,
  trainLogistic,
} from './logistic.js';

const CATEGORIES = ['network', 'mail', 'printer', 'access'];

/** Misses depend on the category and the queue; the rest is noise. */
function examples(n: number, seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const rows = Array.from({ length: n }, () => {
    const category = CATEGORIES[Math.floor(next() * 4)]!;
    const queue = next() * 3;
    const p =
      1 / (1 + Math.exp(-(category === 'network' ? 1.5 : -1) - (queue - 1.5)));
    return {
      features: { category, queue, noise: String(Math.floor(next() * 5)) },
      label: next() < p ? 1 : 0,
    };
  });
  return rows;
}

describe('logistic regression over hashed features', () => {
  it('hashes strings one-hot and keeps numbers as values', () => {
    const pairs = hashFeatures({ a: 'x', b: 2.5, c: null }, 10);
    expect(pairs).toHaveLength(2);
    expect(pairs[0]![1]).toBe(1);
    expect(pairs[1]![1]).toBe(2.5);
    for (const [i] of pairs) expect(i).toBeLessThan(1024);
  });

  it('learns a signal and ranks unseen examples by it', () => {
    const train = examples(3000, 11);
    const test = examples(1000, 99);
    const model = trainLogistic(
      train.map((r) => r.features),
      train.map((r) => r.label),
    );
    const score = createScorer(model);
    const auc = rocAuc(
      test.map((r) => score(r.features)),
      test.map((r) => r.label),
    );
    // The true model's AUC on the same draw, as the ceiling to come near.
    const truth = test.map(
      ({ features: f }) => (f.category === 'network' ? 1.5 : -1) + f.queue,
    );
    const best = rocAuc(
      truth,
      test.map((r) => r.label),
    );
    expect(auc).toBeGreaterThan(best - 0.03);
  });

  it('trains the same model twice from the same seed, and round-trips as JSON', () => {
    const rows = examples(500, 3);
    const a = trainLogistic(
      rows.map((r) => r.features),
      rows.map((r) => r.label),
    );
    const b = trainLogistic(
      rows.map((r) => r.features),
      rows.map((r) => r.label),
    );
    expect(a).toEqual(b);
    const back = logisticModelSchema.parse(JSON.parse(JSON.stringify(a)));
    expect(createScorer(back)(rows[0]!.features)).toBe(
      createScorer(a)(rows[0]!.features),
    );
  });
});
