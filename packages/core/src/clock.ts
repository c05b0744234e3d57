/** Where the desk reads the time. Inject one to replay or to test. */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to. */
export interface ManualClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
}

/**
 * A clock for tests and replays: it shows what it was last set to.
 *
 * @example
 * const clock = createManualClock('2024-01-01T09:00:00Z');
 * clock.advance(60_000);
 */
export function createManualClock(start: Date | string): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set(instant) {
      current = new Date(instant).getTime();
    },
    advance(ms) {
      current += ms;
    },
  };
}
