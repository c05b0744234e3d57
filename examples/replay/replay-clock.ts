import type { ManualClock } from '@ticketry/core';

/** A clock a replay can pin to the log's instants, then let go. */
export interface ReplayClock extends ManualClock {
  /** Goes back to the wall clock. */
  release(): void;
  /** True while pinned by `set` or `advance`. */
  readonly pinned: boolean;
}

/**
 * A clock that shows the wall time until a replay pins it, and again
 * after the replay releases it. Give it to a desk that serves live
 * requests and replays history on first start.
 *
 * @example
 * const clock = createReplayClock();
 * const desk = createDesk({ store, clock });
 * await replayFile(desk, 'data/log.csv.gz'); // pins, then releases
 */
export function createReplayClock(): ReplayClock {
  let pinnedAt: number | null = null;
  return {
    now: () => new Date(pinnedAt ?? Date.now()),
    set(instant) {
      pinnedAt = new Date(instant).getTime();
    },
    advance(ms) {
      pinnedAt = (pinnedAt ?? Date.now()) + ms;
    },
    release() {
      pinnedAt = null;
    },
    get pinned() {
      return pinnedAt !== null;
    },
  };
}

/** True for a clock with `set`, which a replay needs to move time. */
export function isSettableClock(clock: unknown): clock is ManualClock {
  return (
    typeof clock === 'object' &&
    clock !== null &&
    typeof (clock as ManualClock).set === 'function'
  );
}
