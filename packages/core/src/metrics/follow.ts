import type { Desk } from '../desk/desk.js';
import type { AuditEvent } from '../schemas/event.js';
import { createMetrics, type Metrics, type MetricsOptions } from './metrics.js';

/** Options of {@link followDesk}. */
export interface FollowOptions extends Omit<MetricsOptions, 'siteId'> {
  /** Feed position to read after. @default 0, the whole log */
  cursor?: number;
  /** Events read per feed page. @default 1000 */
  pageSize?: number;
  /** Metrics to fold into, e.g. restored from earlier. @default new ones for the desk's site */
  metrics?: Metrics;
}

/** Metrics that follow a desk: caught up with its log, then live. */
export interface FollowedMetrics {
  metrics: Metrics;
  /** Feed position of the last page read; live events do not move it. */
  readonly cursor: number;
  /** Reads the feed on from the cursor; answers the events folded. */
  catchUp(): Promise<number>;
  /** Stops listening to the desk. */
  stop(): void;
}

/**
 * Folds a desk's audit log into metrics from a feed position, then keeps
 * them current with every event the desk commits. Listening starts
 * before the feed is read, so no event falls between the two; events
 * seen twice, or out of order (another process wrote the one before),
 * are ignored by version and folded when `catchUp` reads them.
 *
 * @example
 * const followed = await followDesk(desk, { zone: 'Europe/Paris' });
 * followed.metrics.report().backlog.open;
 * followed.stop();
 */
export async function followDesk(
  desk: Desk,
  options: FollowOptions = {},
): Promise<FollowedMetrics> {
  const {
    cursor: start = 0,
    pageSize = 1000,
    metrics: given,
    ...rest
  } = options;
  const metrics = given ?? createMetrics({ ...rest, siteId: desk.siteId });
  // Only feed pages move the cursor: an event heard live may have
  // overtaken one another process wrote, which the next read brings.
  let cursor = start;
  let buffered: AuditEvent[] | null = [];
  const stop = desk.subscribe((event) => {
    if (buffered) buffered.push(event);
    else metrics.add(event);
  });

  async function catchUp(): Promise<number> {
    const before = metrics.counts.folded;
    for (;;) {
      const page = await desk.store.readFeed(cursor, pageSize);
      metrics.addAll(page.events);
      cursor = Math.max(cursor, page.cursor);
      if (page.events.length < pageSize) return metrics.counts.folded - before;
    }
  }

  try {
    await catchUp();
  } catch (error) {
    stop();
    throw error;
  }
  const pending = buffered;
  buffered = null;
  metrics.addAll(pending);
  return {
    metrics,
    get cursor() {
      return cursor;
    },
    catchUp,
    stop,
  };
}
