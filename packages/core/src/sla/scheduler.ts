/** Longest pause between two ticks: far below setTimeout's 24.8-day cap. */
export const MAX_TICK_EVERY_MS = 3_600_000;

/** Options of {@link createSlaScheduler}. */
export interface SlaSchedulerOptions {
  /** Anything with the desk's `tick(now)`. */
  desk: { tick(now?: Date): Promise<readonly unknown[]> };
  /** Milliseconds between the end of a tick and the next. @default 30000 */
  everyMs?: number;
  /** Where a failed tick is reported; the scheduler keeps going. */
  onError?(error: unknown): void;
  /** Told how many events each tick fired. */
  onTick?(fired: number): void;
}

/** A running scheduler. */
export interface SlaScheduler {
  /** Starts ticking; a second call does nothing. */
  start(): void;
  /** Stops, waiting for a tick in progress to finish. */
  stop(): Promise<void>;
  /** One tick now; answers how many events it fired. */
  runOnce(): Promise<number>;
  readonly running: boolean;
}

/**
 * Calls `desk.tick()` every few seconds, one tick at a time. Due times
 * live on the tickets in the store, not here: the scheduler holds no
 * timer longer than `everyMs`, so a restart loses nothing, and several
 * schedulers on one store fire each timer once.
 *
 * @example
 * const scheduler = createSlaScheduler({ desk, everyMs: 15_000 });
 * scheduler.start();
 * process.on('SIGTERM', () => scheduler.stop());
 */
export function createSlaScheduler(options: SlaSchedulerOptions): SlaScheduler {
  const everyMs = options.everyMs ?? 30_000;
  if (!options?.desk) {
    throw new TypeError('createSlaScheduler: the `desk` option is required');
  }
  if (
    !(
      Number.isSafeInteger(everyMs) &&
      everyMs > 0 &&
      everyMs <= MAX_TICK_EVERY_MS
    )
  ) {
    throw new TypeError(
      `createSlaScheduler: \`everyMs\` must be a whole number from 1 to ${MAX_TICK_EVERY_MS}`,
    );
  }
  let running = false;
  let handle: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<number> | null = null;

  async function runOnce(): Promise<number> {
    const fired = await options.desk.tick();
    options.onTick?.(fired.length);
    return fired.length;
  }

  function schedule() {
    handle = setTimeout(() => {
      handle = null;
      current = runOnce()
        .catch((error: unknown) => {
          options.onError?.(error);
          return 0;
        })
        .finally(() => {
          current = null;
          if (running) schedule();
        });
    }, everyMs);
  }

  return {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    async stop() {
      running = false;
      if (handle) clearTimeout(handle);
      handle = null;
      await current;
    },
    runOnce,
  };
}
