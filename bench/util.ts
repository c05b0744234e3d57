/**
 * Statistics and measuring helpers shared by the benchmark sections.
 * Nothing here prints; sections report through their figures.
 */
import type { BenchFigure } from './types.ts';

/** The value below which `p` (0 to 1) of the sorted values fall. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (at - low);
}

/** Median, spread (10th–90th percentile; min–max under five) and count. */
export function summarize(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const few = sorted.length < 5;
  return {
    median: percentile(sorted, 0.5),
    spread: [
      few ? (sorted[0] ?? Number.NaN) : percentile(sorted, 0.1),
      few ? (sorted.at(-1) ?? Number.NaN) : percentile(sorted, 0.9),
    ] as [number, number],
    samples: sorted.length,
  };
}

/** How a figure compares with its target. */
export type Target =
  | { kind: 'ratio-at-least'; ratio: number; text: string }
  | { kind: 'ratio-at-most'; ratio: number; text: string }
  | { kind: 'at-least'; value: number; text: string }
  | { kind: 'none' };

/** What {@link figure} needs: samples, and optionally a baseline's. */
export interface FigureInput {
  name: string;
  unit: string;
  samples: readonly number[];
  baseline?: { name: string; samples: readonly number[]; unit?: string };
  target?: Target;
  /** Also require this absolute floor for `met` (e.g. ≥ 20,000/s). */
  atLeast?: number;
}

/**
 * Builds a figure: the median and spread of the samples, the baseline's
 * median, `median / baseline` as the ratio, and whether the target
 * (and the absolute floor, when given) is met.
 */
export function figure(input: FigureInput): BenchFigure {
  const own = summarize(input.samples);
  const out: BenchFigure = {
    name: input.name,
    unit: input.unit,
    median: own.median,
    spread: own.spread,
    samples: own.samples,
  };
  if (input.baseline) {
    const base = summarize(input.baseline.samples);
    out.baseline = {
      name: input.baseline.name,
      median: base.median,
      unit: input.baseline.unit ?? input.unit,
    };
    out.ratio = own.median / base.median;
  }
  const target = input.target ?? { kind: 'none' };
  if (target.kind === 'none') return out;
  out.target = target.text;
  const misses: string[] = [];
  if (target.kind === 'at-least' && own.median < target.value) {
    misses.push(shortBy(own.median, target.value, input.unit));
  }
  if (target.kind === 'ratio-at-least' && out.ratio! < target.ratio) {
    misses.push(shortBy(out.ratio!, target.ratio, '×'));
  }
  if (target.kind === 'ratio-at-most' && out.ratio! > target.ratio) {
    const over = (out.ratio! / target.ratio - 1) * 100;
    misses.push(
      `${out.ratio!.toFixed(2)}× against at most ${target.ratio}×: ${over.toFixed(0)}% over`,
    );
  }
  if (input.atLeast !== undefined && own.median < input.atLeast) {
    misses.push(shortBy(own.median, input.atLeast, input.unit));
  }
  out.met = misses.length === 0;
  if (misses.length > 0) out.shortfall = misses.join('; ');
  return out;
}

function shortBy(value: number, wanted: number, unit: string): string {
  const short = (1 - value / wanted) * 100;
  const digits = unit === '×' ? 2 : 0;
  const suffix = unit === '×' ? '×' : ` ${unit}`;
  return `${formatNumber(value, digits)}${suffix} of ${formatNumber(wanted, digits)}${suffix}: ${short.toFixed(0)}% short`;
}

/** Operations per second from a count and milliseconds. */
export const perSecond = (ops: number, ms: number) => (ops * 1000) / ms;

/** Microseconds per operation from a count and milliseconds. */
export const microsEach = (ops: number, ms: number) => (ms * 1000) / ops;

/**
 * Times an async batch `repeats` times and returns operations per
 * second per repeat. `batch` returns how many operations it ran.
 */
export async function rates(
  repeats: number,
  batch: () => Promise<number> | number,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    const ops = await batch();
    out.push(perSecond(ops, performance.now() - started));
  }
  return out;
}

/**
 * Measures several batches in turn, repeat after repeat (ABCABC…), so
 * that drift in a noisy machine falls on all of them alike. Returns
 * operations per second per repeat, keyed like `batches`.
 */
export async function interleavedRates<K extends string>(
  repeats: number,
  batches: Record<K, () => Promise<number> | number>,
): Promise<Record<K, number[]>> {
  const keys = Object.keys(batches) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, []])) as unknown as Record<
    K,
    number[]
  >;
  for (let i = 0; i < repeats; i++) {
    for (const k of keys) out[k].push(...(await rates(1, batches[k])));
  }
  return out;
}

/** Sorted-latency percentiles of one batch, in microseconds. */
export function latencyPercentiles(micros: number[]) {
  micros.sort((a, b) => a - b);
  return { p50: percentile(micros, 0.5), p99: percentile(micros, 0.99) };
}

type Gc = () => void;

/** The `gc` function `--expose-gc` provides; the runner always passes it. */
export function requireGc(): Gc {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) throw new Error('run with --expose-gc (npm run bench does)');
  return gc;
}

/** Heap in use after two full collections, in bytes. */
export function settledHeap(): number {
  const gc = requireGc();
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Milliseconds since `started` (a `performance.now()`), as seconds. */
export const secondsSince = (started: number) =>
  (performance.now() - started) / 1000;

/** `1234567` → `1,234,567`; fractions keep `digits` places. */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}
