import type { StoreContext } from './context.js';
import type { Unlisten } from './driver.js';

/** One committed write, as sent through NOTIFY. */
export interface PostgresChange {
  /** The event's feed position: `readFeed(seq - 1, 1)` reads it. */
  seq: number;
  siteId: string;
  ticketId: string;
  /** The ticket version the event made. */
  version: number;
  /** True when this store wrote it (this process, this store object). */
  local: boolean;
}

/** Called with each committed change, in commit order. */
export type ChangeListener = (change: PostgresChange) => void;

/** Options of `store.subscribe`. */
export interface SubscribeOptions {
  /**
   * Called when the LISTEN connection was lost and is back: changes in
   * between were not notified, so catch up with `readFeed`.
   */
  onReconnect?: () => void;
}

const RETRY_MS = [250, 1000, 5000, 15_000];

interface Payload {
  seq: number;
  siteId: string;
  ticketId: string;
  version: number;
  origin: string;
}

/**
 * The LISTEN side of the change feed. One LISTEN per store, opened with
 * the first subscriber and closed with the last; a lost connection is
 * renewed with backoff and subscribers are told to catch up.
 */
export function changeFeed(ctx: StoreContext, onError: (e: Error) => void) {
  const subscribers = new Map<ChangeListener, SubscribeOptions>();
  let unlisten: Promise<Unlisten> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;

  const deliver = (payload: string) => {
    let data: Payload;
    try {
      data = JSON.parse(payload);
    } catch {
      return; // not ours: someone else NOTIFYing on the channel
    }
    const change: PostgresChange = {
      seq: Number(data.seq),
      siteId: data.siteId,
      ticketId: data.ticketId,
      version: data.version,
      local: data.origin === ctx.origin,
    };
    for (const listener of [...subscribers.keys()]) listener(change);
  };

  const start = (): Promise<Unlisten> =>
    ctx.driver.listen(ctx.channel, deliver, (error) => {
      unlisten = null;
      onError(error instanceof Error ? error : new Error(String(error)));
      scheduleRetry();
    });

  function scheduleRetry() {
    if (subscribers.size === 0 || retryTimer) return;
    const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (subscribers.size === 0 || unlisten) return;
      const attempt = start();
      unlisten = attempt;
      attempt.then(
        () => {
          failures = 0;
          for (const o of subscribers.values()) o.onReconnect?.();
        },
        (error) => {
          unlisten = null;
          onError(error instanceof Error ? error : new Error(String(error)));
          scheduleRetry();
        },
      );
    }, delay);
    retryTimer.unref?.();
  }

  async function stop() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const current = unlisten;
    unlisten = null;
    if (current) await (await current.catch(() => async () => {}))();
  }

  return {
    /** Adds a listener; resolves once LISTEN is active. */
    async subscribe(listener: ChangeListener, options: SubscribeOptions = {}) {
      subscribers.set(listener, options);
      if (!unlisten) unlisten = start();
      try {
        await unlisten;
      } catch (error) {
        subscribers.delete(listener);
        if (subscribers.size === 0) unlisten = null;
        throw error;
      }
      return async () => {
        subscribers.delete(listener);
        if (subscribers.size === 0) await stop();
      };
    },
    /** Ends the LISTEN whatever the subscribers. */
    async close() {
      subscribers.clear();
      await stop();
    },
  };
}
