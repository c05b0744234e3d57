/**
 * Builds the script-tag files into `dist/` (or `--outdir=`):
 *
 * - `ticket-widget.js`: defines `<ticket-widget>` a task after it has
 *   run (`src/standalone.ts`), Lit inside (no zod:
 *   the widget's checks are its own), minified, the indentation of its
 *   `html` and `css` templates taken out (scripts/minify-templates.mjs). Code split: each language but English and each
 *   feature loaded on demand is an ES module chunk next to it, named
 *   `ticket-widget-<module>.js` (the same name in every build), that
 *   the widget imports by a relative URL when it needs it. A second
 *   pass with terser (scripts/compress.mjs) takes a few percent more.
 * - `ticket-launcher.js`: the tiny launcher, one file without Lit, that
 *   loads `ticket-widget.js` from its own folder on the first open.
 * - `ticket-console.js`: defines `<ticket-console>` for agents, with
 *   its own Lit; the dashboard's charts are the chunk
 *   `ticket-console-dashboard.js`, loaded when the dashboard opens.
 *   Nothing of it is in `ticket-widget.js`.
 *
 * Shared chunks are refused: a chunk that the main file imported
 * statically would cost every page a second request before the first
 * paint. A lazy module gets what it shares with the widget (Lit, say)
 * from the widget as an argument instead of importing it.
 *
 * Usage: `node scripts/bundle.mjs [--outdir=DIR] [--metafile=FILE]`
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { compressOutputs } from './compress.mjs';
import { minifyTemplates } from './minify-templates.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const { values } = parseArgs({
  options: { outdir: { type: 'string' }, metafile: { type: 'string' } },
});
const outdir = values.outdir ?? join(pkg, 'dist');

/** What both files share: production, modern browsers, UTF-8 text. */
const common = {
  absWorkingDir: pkg,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  // Bundle @ticketry/core/public from source: no stale dist inside.
  conditions: ['@ticketry/source', 'module'],
  // Japanese and Arabic as UTF-8 rather than \u escapes: a third of
  // the bytes. Module scripts are always decoded as UTF-8.
  charset: 'utf8',
  sourcemap: true,
  outdir,
  metafile: true,
  logLevel: 'warning',
};

const widget = await build({
  ...common,
  entryPoints: { 'ticket-widget': 'src/standalone.ts' },
  splitting: true,
  chunkNames: 'ticket-widget-[name]',
  // Lit's license notices go to ticket-widget.js.LEGAL.txt beside it,
  // named in a one-line comment, rather than into every download.
  legalComments: 'linked',
  plugins: [minifyTemplates()],
});
const launcher = await build({
  ...common,
  entryPoints: { 'ticket-launcher': 'src/launcher/standalone.ts' },
  plugins: [minifyTemplates()],
});
await compressOutputs(widget.metafile, pkg);
await compressOutputs(launcher.metafile, pkg);

const console_ = await build({
  ...common,
  entryPoints: { 'ticket-console': 'src/console.ts' },
  splitting: true,
  chunkNames: 'ticket-console-[name]',
});

const shared = [
  ...Object.keys(widget.metafile.outputs),
  ...Object.keys(console_.metafile.outputs),
].filter((file) => /ticket-(widget|console)-chunk\.js$/.test(file));
if (shared.length) {
  throw new Error(
    `a shared chunk appeared (${shared.join(', ')}): a lazy module imports code the main file also uses; pass it in instead`,
  );
}

if (values.metafile) {
  const outputs = {
    ...widget.metafile.outputs,
    ...launcher.metafile.outputs,
    ...console_.metafile.outputs,
  };
  const inputs = {
    ...widget.metafile.inputs,
    ...launcher.metafile.inputs,
    ...console_.metafile.inputs,
  };
  writeFileSync(values.metafile, JSON.stringify({ inputs, outputs }));
}
