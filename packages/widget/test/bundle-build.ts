import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The script-tag bundles built into a scratch folder, with esbuild's metafile. */
export interface BuiltBundles {
  outdir: string;
  meta: { outputs: Record<string, { inputs: Record<string, unknown> }> };
  /** The source files esbuild put into one output file. */
  inputsOf(file: string): string[];
}

/** Runs scripts/bundle.mjs into a new folder named from `prefix`. */
export function buildBundles(prefix: string): BuiltBundles {
  const outdir = mkdtempSync(join(tmpdir(), prefix));
  const metafile = join(outdir, 'meta.json');
  execFileSync(
    'node',
    ['scripts/bundle.mjs', `--outdir=${outdir}`, `--metafile=${metafile}`],
    { cwd: pkg, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const meta = JSON.parse(readFileSync(metafile, 'utf8'));
  return {
    outdir,
    meta,
    inputsOf(file) {
      const key = Object.keys(meta.outputs).find((k) => k.endsWith(`/${file}`));
      if (!key) throw new Error(`no output ${file}`);
      return Object.keys(meta.outputs[key].inputs);
    },
  };
}
