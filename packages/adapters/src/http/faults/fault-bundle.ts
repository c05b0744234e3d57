import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SCRIPT = fileURLToPath(new URL('./fault-server.ts', import.meta.url));

/**
 * Builds fault-server.ts and the sources it runs into one plain JS file
 * in `dir`, so the server process starts without compiling TypeScript.
 * Answers the file's path.
 */
export async function bundleFaultServer(dir: string): Promise<string> {
  const outfile = join(dir, 'fault-server.mjs');
  await build({
    entryPoints: [SCRIPT],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@ticketry/source'],
    logLevel: 'silent',
  });
  return outfile;
}
