/**
 * Turns the sections' results into BENCHMARKS.md and a short terminal
 * summary. Results come from child processes, so they are checked
 * against the contract before anything is written.
 */
import { z } from 'zod';
import type {
  BenchChart,
  BenchFigure,
  BenchSection,
  BenchTable,
} from './types.ts';
import { formatNumber } from './util.ts';

const figureSchema = z.object({
  name: z.string().min(1),
  unit: z.string(),
  median: z.number(),
  spread: z.tuple([z.number(), z.number()]),
  samples: z.number().int().min(0),
  baseline: z
    .object({ name: z.string(), median: z.number(), unit: z.string() })
    .optional(),
  ratio: z.number().optional(),
  target: z.string().optional(),
  met: z.boolean().optional(),
  shortfall: z.string().optional(),
});

/** A section as the contract in bench/types.ts describes it. */
export const sectionSchema = z.object({
  title: z.string().min(1),
  figures: z.array(figureSchema),
  notes: z.array(z.string()).optional(),
  charts: z
    .array(
      z.object({
        title: z.string(),
        unit: z.string(),
        points: z.array(z.object({ label: z.string(), value: z.number() })),
      }),
    )
    .optional(),
  tables: z
    .array(
      z.object({
        title: z.string(),
        columns: z.array(z.string()).min(1),
        rows: z.array(z.array(z.string())),
      }),
    )
    .optional(),
});

/** How one section's child process ended. */
export type SectionOutcome = {
  file: string;
  seconds: number;
  /** CPU time of the section's process; null when it sent none. */
  cpuSeconds: number | null;
} & ({ ok: true; section: BenchSection } | { ok: false; error: string });

/** Where and how the run happened. */
export interface RunInfo {
  date: Date;
  quick: boolean;
  seconds: number;
  machine: {
    cpu: string;
    cores: number;
    memoryBytes: number;
    node: string;
    os: string;
    loadAverage: number[];
    loadAverageAtEnd?: number[];
  };
  command: string;
}

/** A number with as many places as its size deserves. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  return formatNumber(value, size >= 100 ? 0 : size >= 10 ? 1 : 2);
}

const duration = (seconds: number) =>
  seconds >= 60
    ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
    : `${seconds.toFixed(1)} s`;

const cell = (text: string) => text.replaceAll('|', '\\|');

function result(f: BenchFigure): string {
  if (f.met === undefined) return '';
  return f.met ? 'met' : `**missed**: ${f.shortfall ?? 'below target'}`;
}

function figureRow(f: BenchFigure): string {
  const spread = `${formatValue(f.spread[0])} – ${formatValue(f.spread[1])}`;
  const baseline = f.baseline
    ? `${formatValue(f.baseline.median)} ${f.baseline.unit} (${f.baseline.name})`
    : '';
  const ratio = f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`;
  return `| ${[
    f.name,
    `**${formatValue(f.median)}** ${f.unit}`,
    spread,
    String(f.samples),
    baseline,
    ratio,
    f.target ?? '',
    result(f),
  ]
    .map(cell)
    .join(' | ')} |`;
}

/** A chart as text bars, 40 characters for the largest value. */
export function drawChart(chart: BenchChart): string {
  const top = Math.max(...chart.points.map((p) => p.value), 0);
  const width = Math.max(...chart.points.map((p) => p.label.length), 0);
  const lines = chart.points.map((p) => {
    const bar =
      top > 0 ? '█'.repeat(Math.max(1, Math.round((40 * p.value) / top))) : '';
    return `${p.label.padStart(width)}  ${bar} ${formatValue(p.value)} ${chart.unit}`;
  });
  return [`${chart.title}:`, '', '```text', ...lines, '```'].join('\n');
}

/** A table under its title, its cells escaped. */
export function drawTable(table: BenchTable): string {
  const row = (cells: readonly string[]) =>
    `| ${cells.map(cell).join(' | ')} |`;
  return [
    `${table.title}:`,
    '',
    row(table.columns),
    row(table.columns.map(() => '---')),
    ...table.rows.map(row),
  ].join('\n');
}

/** How much of the wall time the section's own process ran. */
function cpuNote(outcome: SectionOutcome): string {
  if (outcome.cpuSeconds === null) return '';
  const share = (100 * outcome.cpuSeconds) / outcome.seconds;
  return `, its process used ${duration(outcome.cpuSeconds)} of CPU (${share.toFixed(0)}% of the wall time)`;
}

function sectionMarkdown(outcome: SectionOutcome): string {
  if (!outcome.ok) {
    return [
      `## ${outcome.file}`,
      '',
      `This section failed after ${duration(outcome.seconds)}: ${outcome.error}`,
    ].join('\n');
  }
  const { section } = outcome;
  const parts = [
    `## ${section.title}`,
    '',
    `From \`bench/${outcome.file}\`: ${duration(outcome.seconds)}${cpuNote(outcome)}.`,
    '',
    '| figure | median | spread (p10 – p90) | n | baseline (same run) | ratio | target | result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...section.figures.map(figureRow),
  ];
  for (const table of section.tables ?? []) parts.push('', drawTable(table));
  for (const chart of section.charts ?? []) parts.push('', drawChart(chart));
  if (section.notes?.length) {
    parts.push('', ...section.notes.map((n) => `- ${n}`));
  }
  return parts.join('\n');
}

function summaryTable(outcomes: SectionOutcome[]): string {
  const rows: string[] = [];
  for (const o of outcomes) {
    if (!o.ok) {
      rows.push(`| ${o.file} | the section failed | | | **failed** |`);
      continue;
    }
    for (const f of o.section.figures.filter((x) => x.target)) {
      rows.push(
        `| ${[
          o.section.title,
          f.name,
          `${formatValue(f.median)} ${f.unit}${f.ratio === undefined ? '' : ` (${f.ratio.toFixed(2)}×)`}`,
          f.target ?? '',
          result(f),
        ]
          .map(cell)
          .join(' | ')} |`,
      );
    }
  }
  return [
    '| section | figure | median | target | result |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** BENCHMARKS.md: the machine, the date, every section, then `extra`. */
export function renderMarkdown(
  info: RunInfo,
  outcomes: SectionOutcome[],
  extra = '',
): string {
  const m = info.machine;
  const gib = (m.memoryBytes / 2 ** 30).toFixed(1);
  const loads = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  const load = `load average (1, 5, 15 min) ${loads(m.loadAverage)} at the start${m.loadAverageAtEnd ? `, ${loads(m.loadAverageAtEnd)} at the end` : ''}`;
  const header = [
    '# Benchmarks',
    '',
    `Written by \`${info.command}\` on ${info.date.toISOString().slice(0, 16).replace('T', ' ')} UTC: a ${info.quick ? '**quick** (CI-size)' : 'full'} run of ${duration(info.seconds)}.`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${gib} GiB memory; Node ${m.node}; ${m.os}; ${load}. A load above the number of cores means other work shared the machine; the CPU share of each section says how much.`,
    '',
    'Each figure is the median over its repeats, with the spread (10th to 90th percentile, or min to max under five repeats) and the number of repeats. A baseline is measured in the same run, in the same process, interleaved with the figure where the two are compared, so a target stated as a ratio holds on a noisy machine. Each section runs in a child process of its own.',
    '',
    '## Targets',
    '',
    summaryTable(outcomes),
  ];
  const body = outcomes.map(sectionMarkdown);
  return `${[...header, '', ...body.flatMap((b) => [b, '']), extra.trim()].join('\n').trim()}\n`;
}

/** A few lines per section for the terminal. */
export function terminalSummary(outcomes: SectionOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (!o.ok) {
      lines.push(`✗ ${o.file}: ${o.error}`);
      continue;
    }
    lines.push(`${o.section.title} (${duration(o.seconds)})`);
    for (const f of o.section.figures) {
      const ratio =
        f.ratio === undefined ? '' : `  ${f.ratio.toFixed(2)}× baseline`;
      const verdict =
        f.met === undefined
          ? ''
          : f.met
            ? '  met'
            : `  MISSED (${f.shortfall})`;
      lines.push(
        `  ${f.name}: ${formatValue(f.median)} ${f.unit}${ratio}${verdict}`,
      );
    }
  }
  return lines.join('\n');
}
