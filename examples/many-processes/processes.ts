import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** A demo server running in a child process. */
export interface DemoProcess {
  url: string;
  /** Everything it printed so far, one entry per line. */
  lines: string[];
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Options of the child: see server.ts. */
export interface DemoProcessOptions {
  pgUrl: string;
  pgSchema: string;
  /** @default 60000 */
  tickMs?: number;
}

function stopper(child: ChildProcess) {
  return (graceMs = 5000) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/**
 * Starts server.ts in a child process and resolves once it listens;
 * rejects with its output if it exits first or takes over `timeoutMs`.
 */
export function startDemoProcess(
  options: DemoProcessOptions,
  timeoutMs = 60_000,
): Promise<DemoProcess> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@ticketry/source',
      '--import',
      'tsx',
      join(here, 'server.ts'),
      JSON.stringify(options),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const stop = stopper(child);
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop(0);
      reject(new Error(`${why}; it printed:\n${lines.join('\n')}`));
    };
    const timer = setTimeout(
      () => fail('the demo process did not start'),
      timeoutMs,
    );
    let buffered = '';
    const take = (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const ready = /^ready (http:\/\/\S+)$/.exec(line);
        if (ready) {
          clearTimeout(timer);
          resolve({ url: ready[1]!, lines, stop });
        }
      }
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    child.once('exit', (code) => fail(`the demo process exited with ${code}`));
  });
}
