import { defineConfig } from 'tsup';

/**
 * Two builds: the npm entries (`index`, `define`) with types and their
 * dependencies left as imports, and `ticket-widget.js`, one minified file
 * with lit and zod/mini inside that defines the tag for a script tag.
 */
export default defineConfig([
  {
    entry: { index: 'src/index.ts', define: 'src/define.ts' },
    format: ['esm'],
    dts: true,
    // Both builds run at once: spare the standalone file from the clean.
    clean: ['!ticket-widget.js', '!ticket-widget.js.map'],
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
    // Bundle @ticketry/core/public from source: no stale dist inside.
    esbuildOptions(options) {
      options.conditions = ['@ticketry/source', 'module'];
    },
    outExtension: () => ({ js: '.js' }),
  },
]);
