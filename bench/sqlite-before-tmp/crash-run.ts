import { setTimeout as sleep } from 'node:timers/promises';
import { type Ack, prepareFile, startWriter, type Writer } from './writers.js';

/** Options of {@link killRepeatedly}. */
export interface CrashRunOptions {
  filename: string;
  /** A plain JS writer from bundleWriter, which starts fast. */
  bundle: string;
  synchronous: 'NORMAL' | 'FULL';
  kills: number;
  /**
   * A writer is killed at a random moment within this long after it
   * has opened the store and starts writing, or, one time in
   * `startupEvery`, after it is told to open the file, so that some
   * kills land while it opens and recovers the file.
   */
  maxDelayMs: number;
  /** @default 10 */
  startupEvery?: number;
  /** Shared tickets every writer bumps a counter on. @default 3 */
  sharedCount?: number;
}

/** What a crash run did, for the checks and the printed figures. */
export interface CrashRun {
  kills: number;
  /** Kills timed from `go` rather than from the store being open. */
  startupKills: number;
  /** Kills that came before the writer acknowledged anything. */
  killedBeforeFirstAck: number;
  acks: Ack[];
  shared: string[];
  ms: number;
}

// Writers load ahead of their turn, so a kill is followed by the next
// writer at once instead of by its ~0.3 s of startup.
const STANDBY = 2;

async function killAt(
  writer: Writer,
  delayMs: number,
  fromStartup: boolean,
): Promise<void> {
  await Promise.race([writer.loaded, writer.exited]);
  writer.go();
  if (!fromStartup) await Promise.race([writer.ready, writer.exited]);
  await sleep(delayMs);
  writer.child.kill('SIGKILL');
  const exit = await writer.exited;
  if (exit.signal !== 'SIGKILL') {
    throw new Error(
      `a writer ended by itself (${JSON.stringify(exit)}):\n${writer.errors.join('\n')}`,
    );
  }
}

/**
 * Starts a writer on `filename`, lets it write through the desk for a
 * random time up to `maxDelayMs`, kills it with SIGKILL, and starts the
 * next, `kills` times. Answers every write the writers acknowledged.
 * Throws if a writer ends before it is killed (it failed).
 */
export async function killRepeatedly(
  options: CrashRunOptions,
): Promise<CrashRun> {
  const started = performance.now();
  const { filename, bundle, synchronous, kills } = options;
  const shared = await prepareFile(filename, options.sharedCount ?? 3);
  let launched = 0;
  const launch = () =>
    startWriter(
      {
        filename,
        name: `k${++launched}`,
        synchronous,
        writes: null,
        shared,
        waitForGo: true,
      },
      bundle,
    );
  const queue = Array.from({ length: Math.min(STANDBY, kills) }, launch);
  const acks: Ack[] = [];
  const every = options.startupEvery ?? 10;
  let killedBeforeFirstAck = 0;
  try {
    for (let kill = 0; kill < kills; kill++) {
      const writer = queue.shift()!;
      if (launched < kills) queue.push(launch());
      const delay = Math.random() * options.maxDelayMs;
      await killAt(writer, delay, kill % every === every - 1);
      if (writer.acks.length === 0) killedBeforeFirstAck += 1;
      acks.push(...writer.acks);
    }
  } finally {
    for (const idle of queue) idle.child.kill('SIGKILL');
  }
  const ms = performance.now() - started;
  const startupKills = Math.floor(kills / every);
  return { kills, startupKills, killedBeforeFirstAck, acks, shared, ms };
}
