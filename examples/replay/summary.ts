/** Count, median, mean, 90th percentile and maximum of some numbers. */
export interface Summary {
  n: number;
  median: number | null;
  mean: number | null;
  p90: number | null;
  max: number | null;
}

/**
 * Summarises values; the median of an even count is the mean of the
 * middle two, percentiles interpolate linearly (as numpy does).
 *
 * @example
 * summarize([1, 2, 3, 10]); // { n: 4, median: 2.5, mean: 4, … }
 */
export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { n, median: null, mean: null, p90: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, v) => total + v, 0);
  return {
    n,
    median: quantile(sorted, 0.5),
    mean: sum / n,
    p90: quantile(sorted, 0.9),
    max: sorted[n - 1]!,
  };
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low]!;
  return a + (sorted[high]! - a) * (position - low);
}

/**
 * Rounds to the nearest whole number, halves to the even neighbour
 * (4.5 to 4, 5.5 to 6), as Python's `round` does: the figures in
 * `data/stats.json` were counted that way.
 */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const rest = value - floor;
  if (rest < 0.5) return floor;
  if (rest > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Counts values by their nearest whole unit: `{ 5: 20185, 6: 317 }`. */
export function histogram(values: readonly number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const v of values) {
    const bucket = roundHalfEven(v);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return counts;
}
