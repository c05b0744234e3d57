import {
  type Bucket,
  bucketIndex,
  bucketsBetween,
} from '../metrics/buckets.js';
import { subjectTokens } from '../relations/similarity.js';
import type { AuditEvent } from '../schemas/event.js';

/** One ticket's arrival as forecasts count it. */
export interface Arrival {
  ticketId: string;
  /** When the ticket was opened, epoch ms. */
  at: number;
  category: string | null;
  /** The first team the ticket was given; null until it has one. */
  teamId: string | null;
  /** The subject, for grouping by similar text. */
  subject?: string;
}

/** What a series is split by: everything, category or team. */
export type SeriesBy = 'all' | 'category' | 'team' | 'text';

/** Counts per bucket, one array per key (`*` for all tickets). */
export interface CountSeries {
  buckets: Bucket[];
  counts: Map<string, number[]>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * Folds arrivals out of audit events: one per `ticket.submitted`, its
 * team the first one any later event gives it. Events of one ticket
 * must come in order; tickets may interleave.
 */
export function createArrivalLog() {
  const byTicket = new Map<string, Arrival>();
  return {
    add(event: AuditEvent): void {
      const c = event.changes;
      if (event.type === 'ticket.submitted') {
        byTicket.set(event.ticketId, {
          ticketId: event.ticketId,
          at: Date.parse(str(c['createdAt']) ?? event.at),
          category: str(c['category']),
          teamId: str(c['teamId']),
          subject: str(c['subject']) ?? '',
        });
        return;
      }
      const known = byTicket.get(event.ticketId);
      if (!known) return;
      if (known.teamId === null && str(c['teamId']))
        known.teamId = str(c['teamId']);
      if (known.category === null && str(c['category'])) {
        known.category = str(c['category']);
      }
    },
    get: (ticketId: string) => byTicket.get(ticketId),
    /** Arrivals in opening order. */
    list(): Arrival[] {
      return [...byTicket.values()].sort((a, b) => a.at - b.at);
    },
    get size() {
      return byTicket.size;
    },
  };
}

/** The key of arrivals with no category (or team) when split by it. */
export const NONE = '(none)';

/** The key an arrival counts under when split `by`. */
export function keyOf(a: Arrival, by: SeriesBy): string {
  if (by === 'all') return '*';
  if (by === 'text') return textKey(a.subject ?? '');
  const value = by === 'category' ? a.category : a.teamId;
  return value ?? NONE;
}

/**
 * Counts arrivals per local day of `zone` over `[from, to)`, split by
 * `by`: the metrics' day buckets, so a DST day has its 23 or 25 hours.
 */
export function dailyCounts(
  arrivals: readonly Arrival[],
  zone: string,
  from: number,
  to: number,
  by: SeriesBy = 'all',
): CountSeries {
  const buckets = bucketsBetween(zone, from, to, 'day');
  const counts = new Map<string, number[]>();
  for (const a of arrivals) {
    const i = bucketIndex(buckets, a.at);
    if (i < 0) continue;
    const key = keyOf(a, by);
    const row = counts.get(key) ?? new Array<number>(buckets.length).fill(0);
    counts.set(key, row);
    row[i]!++;
  }
  return { buckets, counts };
}

/** Local weekday of a bucket key `YYYY-MM-DD`: 0 Sunday … 6 Saturday. */
export const weekdayOf = (key: string) =>
  new Date(`${key}T00:00:00Z`).getUTCDay();

/** Similar subjects share a key: their first four words, sorted. */
export const textKey = (subject: string) =>
  subjectTokens(subject).slice(0, 4).sort().join(' ') || '(empty)';
