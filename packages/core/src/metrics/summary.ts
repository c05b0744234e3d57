/** Count, mean, median and 90th percentile of some durations or counts. */
export interface Spread {
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/**
 * The value at quantile `q` of sorted values, interpolating linearly
 * between neighbours (numpy's default), so the median of an even
 * count is the mean of the middle two.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const a = sorted[low]!;
  const b = sorted[Math.ceil(position)]!;
  return a + (b - a) * (position - low);
}

/**
 * Summarises values (which it sorts in place).
 *
 * @example
 * spreadOf([1, 2, 3, 10]); // { n: 4, mean: 4, median: 2.5, p90: 7.9, max: 10 }
 */
export function spreadOf(values: number[]): Spread {
  const n = values.length;
  if (n === 0) return { n, mean: null, median: null, p90: null, max: null };
  values.sort((a, b) => a - b);
  let sum = 0;
  for (const v of values) sum += v;
  return {
    n,
    mean: sum / n,
    median: quantile(values, 0.5),
    p90: quantile(values, 0.9),
    max: values[n - 1]!,
  };
}

/** A share, or null when nothing was counted. */
export const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : part / whole;
