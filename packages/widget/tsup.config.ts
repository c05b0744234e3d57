import { defineConfig } from 'tsup';

/**
 * The npm entries (`index`, `define`, `launcher`, `console`) with types and their
 * dependencies left as imports. The script-tag files
 * (`ticket-widget.js` with its chunks, `ticket-launcher.js`) are built
 * after it by `scripts/bundle.mjs`.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    define: 'src/define.ts',
    launcher: 'src/launcher.ts',
    console: 'src/console.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'browser',
  external: ['lit', 'zod', '@ticketry/core'],
});
