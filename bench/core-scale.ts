/**
 * Cost as the store grows: the same command cycle on a working set
 * spread across stores of 1,000 up to 1,000,000 tickets.
 */
import {
  createBenchDesk,
  runCycles,
  startTicket,
  submission,
  type Worked,
} from './core-fixtures.ts';
import type { BenchContext, BenchFigure } from './types.ts';
import { figure, formatNumber, microsEach } from './util.ts';

/** A point of the curve: store size and microseconds per command. */
export interface ScalePoint {
  size: number;
  micros: number[];
  /** Milliseconds for the first page of `desk.list()` (50, newest first). */
  listMs: number[];
  /** Milliseconds for `desk.tick()` when nothing is due. */
  tickMs: number[];
}

const WORKING_SET = 1000;

async function measureAt(
  size: number,
  repeats: number,
  ctx: BenchContext,
): Promise<ScalePoint> {
  const desk = await createBenchDesk();
  const started = performance.now();
  const every = Math.max(1, Math.floor(size / WORKING_SET));
  const chosen: { id: string; requesterId: string }[] = [];
  for (let i = 0; i < size; i++) {
    const { ticket } = await desk.submit(submission(i));
    if (i % every === 0 && chosen.length < WORKING_SET) {
      chosen.push({ id: ticket.id, requesterId: ticket.requesterId });
    }
    if (i > 0 && i % 100_000 === 0) {
      ctx.progress(`  filled ${formatNumber(i)} of ${formatNumber(size)}`);
    }
  }
  const fillSeconds = (performance.now() - started) / 1000;
  ctx.progress(
    `  ${formatNumber(size)} tickets stored in ${fillSeconds.toFixed(1)} s`,
  );
  const working: Worked[] = [];
  for (const c of chosen) {
    working.push(await startTicket(desk, c.id, c.requesterId));
  }
  await runCycles(desk, working);
  const micros: number[] = [];
  const listMs: number[] = [];
  const tickMs: number[] = [];
  const time = async (run: () => Promise<unknown>, out: number[]) => {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  };
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const ops = await runCycles(desk, working);
    micros.push(microsEach(ops, performance.now() - t0));
    await time(() => desk.list({ limit: 50 }), listMs);
    await time(() => desk.tick(), tickMs);
  }
  return { size, micros, listMs, tickMs };
}

/** Sizes of the curve: 1M only in the full run. */
export const scaleSizes = (quick: boolean) =>
  quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000];

const label = (size: number) =>
  size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;

/**
 * Time per command at each size, each figure held against the cost at
 * the smallest size; flat means within 1.5× of it.
 */
export async function scaleFigures(
  ctx: BenchContext,
  repeats: number,
): Promise<{ figures: BenchFigure[]; points: ScalePoint[] }> {
  const points: ScalePoint[] = [];
  for (const size of scaleSizes(ctx.quick)) {
    ctx.progress(`core: cost per command at ${formatNumber(size)} tickets`);
    points.push(await measureAt(size, repeats, ctx));
  }
  const first = points[0]!;
  const against = (samples: number[]) => ({
    name: `the same at ${label(first.size)}`,
    samples,
  });
  const figures = points.map((p) =>
    figure({
      name: `command at ${label(p.size)} stored tickets`,
      unit: 'µs',
      samples: p.micros,
      ...(p !== first && {
        baseline: against(first.micros),
        target: {
          kind: 'ratio-at-most' as const,
          ratio: 1.5,
          text: `flat: ≤ 1.5× the cost at ${label(first.size)}`,
        },
      }),
    }),
  );
  for (const p of points) {
    figures.push(
      figure({
        name: `desk.list() first page (50 newest) at ${label(p.size)}`,
        unit: 'ms',
        samples: p.listMs,
        ...(p !== first && { baseline: against(first.listMs) }),
      }),
      figure({
        name: `desk.tick() with nothing due at ${label(p.size)}`,
        unit: 'ms',
        samples: p.tickMs,
        ...(p !== first && { baseline: against(first.tickMs) }),
      }),
    );
  }
  return { figures, points };
}
