/**
 * Point forecasts of a daily count series. `y` holds the days in order
 * (contiguous, so index mod 7 is the weekday); a forecast made at
 * origin `t` sees `y[0 … t-1]` and predicts day `t + h - 1`.
 */

/** A forecaster: the count it expects on day `t + h - 1`, seen from `t`. */
export type PointModel = (y: readonly number[], t: number, h: number) => number;

const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The same weekday in up to `weeks` past weeks, latest first. */
function sameWeekday(
  y: readonly number[],
  t: number,
  h: number,
  weeks: number,
) {
  const out: number[] = [];
  for (let j = 1; j <= weeks; j++) {
    const i = t + h - 1 - 7 * j;
    if (i >= 0 && i < t) out.push(y[i]!);
  }
  return out;
}

const meanOfLast = (y: readonly number[], t: number) => {
  const days = y.slice(Math.max(0, t - 7), t);
  return days.length ? days.reduce((s, v) => s + v, 0) / days.length : 0;
};

/** The baseline: the same weekday one week before. */
export const seasonalNaive: PointModel = (y, t, h) =>
  sameWeekday(y, t, h, 1)[0] ?? meanOfLast(y, t);

/** The average of the same weekday over the last four weeks. */
export const weekdayMean: PointModel = (y, t, h) => {
  const same = sameWeekday(y, t, h, 4);
  if (same.length === 0) return meanOfLast(y, t);
  return same.reduce((s, v) => s + v, 0) / same.length;
};

/**
 * Level times weekday profile, both robust: the level is the median of
 * the last `levelWeeks` weekly totals, the profile each weekday's median
 * share of its week over up to `profileWeeks` weeks. Medians let a
 * holiday pass without dragging the next weeks down.
 */
function levelProfile(
  y: readonly number[],
  t: number,
  h: number,
  levelWeeks: number,
  profileWeeks: number,
): number | null {
  const weeks = Math.min(Math.floor(t / 7), profileWeeks);
  if (weeks < 1) return null;
  const totals: number[] = [];
  const shares: number[][] = Array.from({ length: 7 }, () => []);
  for (let j = 1; j <= weeks; j++) {
    const base = t - 7 * j;
    let total = 0;
    for (let i = base; i < base + 7; i++) total += y[i]!;
    totals.push(total);
    if (total === 0) continue;
    for (let i = base; i < base + 7; i++)
      shares[i % 7]!.push((7 * y[i]!) / total);
  }
  const profile = shares.map((s) => (s.length ? median(s) : 1));
  const norm = profile.reduce((s, v) => s + v, 0) / 7 || 1;
  const level = median(totals.slice(0, levelWeeks)) / 7;
  return (level * profile[(t + h - 1) % 7]!) / norm;
}

/** Options of {@link weekdaySeasonal}. */
export interface SeasonalOptions {
  /** Past weeks of the same weekday whose median is taken. @default 5 */
  weeks?: number;
  /** Weekly totals whose median sets the level. @default 4 */
  levelWeeks?: number;
  /** Weeks the weekday profile is learnt from. @default 12 */
  profileWeeks?: number;
}

/**
 * The default forecaster: the mean of two robust weekday-seasonal
 * estimates, the median of the same weekday over recent weeks and a
 * level-times-profile estimate that pools every weekday (steadier when
 * counts are small).
 */
export function weekdaySeasonal(options: SeasonalOptions = {}): PointModel {
  const { weeks = 5, levelWeeks = 4, profileWeeks = 12 } = options;
  return (y, t, h) => {
    const same = sameWeekday(y, t, h, weeks);
    if (same.length === 0) return meanOfLast(y, t);
    const pooled = levelProfile(y, t, h, levelWeeks, profileWeeks);
    return pooled === null ? median(same) : (median(same) + pooled) / 2;
  };
}

/** The `q` quantile (0 … 1) of `values`, by linear interpolation. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const at = q * (s.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}
