import { defineConfig } from 'tsup';

/**
 * Three builds: the npm entries (`index`, `define`, `launcher`) with
 * types and their dependencies left as imports; `ticket-widget.js`, one
 * minified file with lit and zod/mini inside that defines the tag for a
 * script tag; and `ticket-launcher.js`, the tiny script-tag launcher
 * (no Lit) that loads `ticket-widget.js` from its own folder on first
 * open.
 */
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      launcher: 'src/launcher.ts',
    },
    format: ['esm'],
    dts: true,
    // The builds run at once: spare the standalone files from the clean.
    clean: [
      '!ticket-widget.js',
      '!ticket-widget.js.map',
      '!ticket-launcher.js',
      '!ticket-launcher.js.map',
    ],
    sourcemap: true,
    target: 'es2022',
    platform: 'browser',
    external: ['lit', 'zod', '@ticketry/core'],
  },
  {
    entry: { 'ticket-widget': 'src/define.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    minify: true,
    target: 'es2022',
    platform: 'browser',
    noExternal: [/.*/],
    // One file for a script tag: lazy imports stay inside, no chunks.
    splitting: false,
    // Bundle @ticketry/core/public from source: no stale dist inside.
    esbuildOptions(options) {
      options.conditions = ['@ticketry/source', 'module'];
    },
    outExtension: () => ({ js: '.js' }),
  },
  {
    entry: { 'ticket-launcher': 'src/launcher/standalone.ts' },
    format: ['esm'],
    splitting: false,
    dts: false,
    clean: false,
    sourcemap: true,
    minify: true,
    target: 'es2022',
    platform: 'browser',
    outExtension: () => ({ js: '.js' }),
  },
]);
