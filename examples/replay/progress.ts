import type { ReplayProgress } from './replay-file.ts';

/** Where progress goes: a stream with an optional TTY flag. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const LABELS: Record<ReplayProgress['phase'], string> = {
  read: 'reading',
  replay: 'replaying',
  report: 'reporting',
};

/**
 * Draws replay progress: on a terminal, one bar redrawn in place; in a
 * pipe or a log, a plain line per phase at each tenth, so CI logs stay
 * short. Call `done()` to end the line.
 *
 * @example
 * const bar = createProgressBar(process.stderr);
 * await replayFile(desk, file, { onProgress: bar.update });
 * bar.done();
 */
export function createProgressBar(out: ProgressOutput) {
  let lastTenth = new Map<string, number>();
  let drawn = false;

  const describe = (p: ReplayProgress) =>
    p.phase === 'read'
      ? `${(p.done / 1e6).toFixed(1)}/${(p.total / 1e6).toFixed(1)} MB`
      : `${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} ${
          p.phase === 'replay' ? 'cases' : 'tickets'
        }`;

  return {
    update(p: ReplayProgress): void {
      const share = p.total > 0 ? Math.min(p.done / p.total, 1) : 1;
      const label = LABELS[p.phase].padEnd(9);
      if (out.isTTY) {
        const width = Math.max(10, Math.min(40, (out.columns ?? 80) - 45));
        const filled = Math.round(share * width);
        const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
        const percent = `${Math.floor(share * 100)}%`.padStart(4);
        out.write(`\r${label} [${bar}] ${percent} ${describe(p)}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(share * 10);
      if (lastTenth.get(p.phase) === tenth) return;
      lastTenth.set(p.phase, tenth);
      out.write(`${label} ${tenth * 10}% ${describe(p)}\n`);
    },

    done(): void {
      if (drawn) out.write('\n');
      drawn = false;
      lastTenth = new Map();
    },
  };
}
