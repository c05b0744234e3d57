import { describe, expect, it } from 'vitest';
import { backtest } from './backtest.js';
import { calibrationTable, rocAuc } from './evaluate.js';
import { forecastSeries } from './forecast.js';
import { seasonalNaive, weekdayMean, weekdaySeasonal } from './model.js';

/** A weekly pattern with seeded Poisson-like noise. */
function weekly(days: number, seed = 7): number[] {
  const shape = [40, 38, 36, 35, 30, 6, 5];
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return Array.from({ length: days }, (_, i) => {
    const mean = shape[i % 7]!;
    // Normal approximation of Poisson noise (Box–Muller).
    const z =
      Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
    return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
  });
}

describe('point forecasts', () => {
  it('repeat an exact weekly pattern', () => {
    const y = Array.from(
      { length: 42 },
      (_, i) => [9, 8, 7, 6, 5, 1, 0][i % 7]!,
    );
    const model = weekdaySeasonal();
    for (let h = 1; h <= 7; h++) {
      expect(model(y, 42, h)).toBeCloseTo(y[42 + h - 8]!, 6);
      expect(seasonalNaive(y, 42, h)).toBe(y[42 + h - 8]);
      expect(weekdayMean(y, 42, h)).toBe(y[42 + h - 8]);
    }
  });

  it('let one holiday pass without dragging the next week down', () => {
    const y = Array.from(
      { length: 35 },
      (_, i) => [30, 30, 30, 30, 30, 5, 5][i % 7]!,
    );
    y[28] = 2; // a holiday Monday last week
    expect(seasonalNaive(y, 35, 1)).toBe(2);
    expect(weekdaySeasonal()(y, 35, 1)).toBeGreaterThan(25);
  });
});

describe('backtest', () => {
  const y = weekly(200);
  const result = backtest(y);

  it('scores every origin seven days ahead beside the baselines', () => {
    expect(result.origins).toBe(200 - 28 - 7 + 1);
    expect(result.points).toBe(result.origins * 7);
    expect(result.mae.model).toBeLessThan(result.mae.seasonalNaive);
  });

  it('draws intervals that cover about 80% of noisy days', () => {
    expect(result.coverage).toBeGreaterThan(0.72);
    expect(result.coverage).toBeLessThan(0.88);
  });

  it('forecasts the next days and week with bands around the point', () => {
    const f = forecastSeries(y, ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
    expect(f.days).toHaveLength(7);
    for (const d of f.days) {
      expect(d.low).toBeLessThanOrEqual(d.expected);
      expect(d.high).toBeGreaterThanOrEqual(d.expected);
    }
    const sum = f.days.reduce((s, d) => s + d.expected, 0);
    expect(f.week!.expected).toBeCloseTo(sum, 0);
    expect(f.week!.high).toBeGreaterThan(f.week!.low);
  });
});

describe('classifier scores', () => {
  it('rank positives above negatives, ties counted half', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(rocAuc([0.3, 0.3], [1, 1])).toBeNaN();
  });

  it('bin predictions into deciles with observed rates', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i / 100);
    const labels = scores.map((s) => (s >= 0.5 ? 1 : 0));
    const table = calibrationTable(scores, labels);
    expect(table).toHaveLength(10);
    expect(table[0]).toMatchObject({ n: 10, observed: 0 });
    expect(table[9]).toMatchObject({ n: 10, observed: 1 });
  });
});
