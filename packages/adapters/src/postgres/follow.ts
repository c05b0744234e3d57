import type { Desk, DeskListener, Ticket } from '@ticketry/core';
import type { OriginEvent } from './reads.js';
import type { PostgresStore } from './store.js';

/** A desk whose subscribers also hear other processes' writes. */
export type FollowedDesk = Desk & {
  /** Resolves once the desk is listening; rejects if it cannot. */
  readonly ready: Promise<void>;
  /** Stops listening; the desk itself keeps working. */
  stop(): Promise<void>;
};

const PAGE = 200;

const isPostgresStore = (store: unknown): store is PostgresStore =>
  typeof (store as PostgresStore).subscribe === 'function' &&
  typeof (store as PostgresStore).readFeedWithOrigin === 'function';

/**
 * Bridges the store's LISTEN/NOTIFY feed into a desk, so that
 * `desk.subscribe` listeners (the HTTP server's event streams, for
 * one) hear changes made by every process on the database, not only
 * this one. Notifications only wake the follower: it reads the feed
 * from its last position, in order, so a lost notification or a
 * reconnect delays a change but never drops it. Changes this store
 * wrote reach listeners the usual way, once.
 *
 * A remote change reaches listeners with the ticket as it is when the
 * follower reads it, which may already be newer than the event.
 *
 * @example
 * const desk = followChanges(createDesk({ store: await postgresStore({ pool }) }));
 * await desk.ready;
 * const handler = createHttpHandler({ desk });
 */
export function followChanges(desk: Desk): FollowedDesk {
  if (!isPostgresStore(desk.store)) {
    throw new TypeError('followChanges needs a desk over a postgresStore');
  }
  const store: PostgresStore = desk.store;
  const listeners = new Set<DeskListener>();
  let position = 0;
  let started = false;
  let pumping: Promise<void> | null = null;
  let again = false;
  let unsubscribe: (() => Promise<void>) | null = null;

  async function deliver(events: OriginEvent[]) {
    const tickets = new Map<string, Ticket | null>();
    for (const { event, origin } of events) {
      position = event.seq;
      if (origin === store.origin || event.siteId !== desk.siteId) continue;
      if (!tickets.has(event.ticketId)) {
        tickets.set(event.ticketId, await desk.get(event.ticketId));
      }
      const ticket = tickets.get(event.ticketId);
      if (!ticket) continue;
      for (const listener of [...listeners]) {
        try {
          listener(event, ticket);
        } catch {
          // One listener's failure must not starve the others.
        }
      }
    }
  }

  async function pump() {
    do {
      again = false;
      for (;;) {
        const events = await store.readFeedWithOrigin(position, PAGE);
        await deliver(events);
        if (events.length < PAGE) break;
      }
    } while (again);
  }

  function wake() {
    if (!started) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = pump()
      .catch(() => {
        // A failed read is retried at the next notification.
      })
      .finally(() => {
        pumping = null;
      });
  }

  const ready = (async () => {
    unsubscribe = await store.subscribe(wake, { onReconnect: wake });
    position = await store.feedHead();
    started = true;
    // A change after the head whose notice came before it was read.
    wake();
  })();
  ready.catch(() => {});

  return {
    ...desk,
    ready,
    subscribe(listener: DeskListener) {
      const local = desk.subscribe(listener);
      listeners.add(listener);
      return () => {
        local();
        listeners.delete(listener);
      };
    },
    async stop() {
      started = false;
      await ready.catch(() => {});
      await unsubscribe?.();
      unsubscribe = null;
      await pumping;
    },
  };
}
