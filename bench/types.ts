/**
 * The contract between benchmark sections and `npm run bench`: each
 * section is a function in its own file under bench/ that measures and
 * returns figures; the runner (bench/run.ts) prints them and writes
 * BENCHMARKS.md. Sections never print on their own.
 */

/** How a section is run. */
export interface BenchContext {
  /** `npm run bench -- --quick`: smaller counts, same code paths (CI runs it). */
  quick: boolean;
  /** Progress for a terminal; goes to stderr, never into the report. */
  progress(message: string): void;
}

/** One measured figure, with the baseline measured in the same run. */
export interface BenchFigure {
  /** What was measured, e.g. 'desk commands on the memory store'. */
  name: string;
  /** 'ops/s', 'µs', 'ms', 'MB', 'bytes', 'tickets/s', ... */
  unit: string;
  /** Median over the repeats. */
  median: number;
  /** Spread over the repeats: the 10th and 90th percentile (or min/max when few). */
  spread: [low: number, high: number];
  /** How many repeats the median is over. */
  samples: number;
  /** The baseline measured in the same run, when the target is a ratio. */
  baseline?: { name: string; median: number; unit: string };
  /** `median / baseline.median` (or its inverse for times), as the target states it. */
  ratio?: number;
  /** The target in words, e.g. '≥ 0.7 of the bare composition'. */
  target?: string;
  /** Whether the target is met in this run; omit when there is no target. */
  met?: boolean;
  /** When missed: by how much, in words, e.g. '0.62 of 0.7: 11% short'. */
  shortfall?: string;
}

/** A curve drawn as text bars, e.g. cost per command by store size. */
export interface BenchChart {
  title: string;
  unit: string;
  points: { label: string; value: number }[];
}

/** A table of its own under the figures, e.g. accuracy per language. */
export interface BenchTable {
  title: string;
  columns: string[];
  /** Cells as written, one array per row, as many as `columns`. */
  rows: string[][];
}

/** One section of BENCHMARKS.md. */
export interface BenchSection {
  /** e.g. 'Core commands', 'SLA engine', 'PostgreSQL adapter'. */
  title: string;
  figures: BenchFigure[];
  /** Plain sentences: method, what a shortfall is and why. */
  notes?: string[];
  /** Optional curves, drawn under the figures. */
  charts?: BenchChart[];
  /** Optional tables, written under the figures. */
  tables?: BenchTable[];
}

/** A section's entry point. */
export type BenchSectionRun = (ctx: BenchContext) => Promise<BenchSection>;
