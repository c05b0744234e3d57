import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const SCRIPT = fileURLToPath(new URL('./writer-process.ts', import.meta.url));

/**
 * Builds writer-process.ts and the desk and store sources it runs into
 * one plain JS file in `dir`, so a writer starts without tsx compiling
 * on every launch. better-sqlite3 stays outside, imported by absolute
 * path, so the bundle runs from any folder. Answers the file's path.
 */
export async function bundleWriter(dir: string): Promise<string> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const outfile = join(dir, 'writer-process.mjs');
  await build({
    entryPoints: [SCRIPT],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@ticketry/source'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'driver-by-path',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({
            path: pathToFileURL(driver).href,
            external: true,
          }));
        },
      },
    ],
  });
  return outfile;
}
