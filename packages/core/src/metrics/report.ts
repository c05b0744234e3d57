import type { BusinessCalendar } from '../sla/business-calendar.js';
import {
  type Bucket,
  bucketIndex,
  bucketsBetween,
  dayStart,
  localDay,
} from './buckets.js';
import type { parseMetricsQuery } from './query.js';
import { slaRows, workloadRows } from './report-groups.js';
import type { MetricsReport, VolumeRow } from './report-types.js';
import { share, spreadOf } from './summary.js';
import { isOpenStatus, type TicketFacts } from './ticket-facts.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AGES: [string, number][] = [
  ['<1d', DAY],
  ['1-3d', 3 * DAY],
  ['3-7d', 7 * DAY],
  ['7-30d', 30 * DAY],
  ['30-90d', 90 * DAY],
  ['>=90d', Infinity],
];

/** What a report is computed from besides the tickets. */
export interface ReportSource {
  tickets: Iterable<TicketFacts>;
  events: number;
  zone: string;
  calendar: BusinessCalendar;
  /** The latest instant of any event folded, or null before the first. */
  lastAt: number | null;
  firstAt: number | null;
}

type Query = ReturnType<typeof parseMetricsQuery>;

/** Resolved `[from, to)` of a query; defaults cover every event's day. */
function periodOf(q: Query, s: ReportSource, zone: string) {
  const parse = (iso: string | undefined) => (iso ? Date.parse(iso) : null);
  const empty = s.firstAt === null || s.lastAt === null;
  const from =
    parse(q.from) ??
    (empty ? (parse(q.to) ?? 0) : dayStart(zone, localDay(zone, s.firstAt!)));
  const end = empty ? from : dayStart(zone, localDay(zone, s.lastAt!) + 1);
  return { from, to: parse(q.to) ?? Math.max(from, end) };
}

function keeps(q: Query, t: TicketFacts): boolean {
  if (q.teamId !== undefined && t.teamId !== q.teamId) return false;
  if (q.category !== undefined && t.category !== q.category) return false;
  if (q.priority !== undefined && t.priority !== q.priority) return false;
  return q.channel === undefined || t.channel === q.channel;
}

/** The latest resolve before `to`, if any. */
export function lastResolveBefore(t: TicketFacts, to: number) {
  for (let i = t.resolves.length - 1; i >= 0; i--) {
    if (t.resolves[i]!.at < to) return t.resolves[i]!;
  }
  return null;
}

/**
 * Creations and resolves per bucket, counted only inside `[from, to)`
 * (the first and last buckets may stick out of the period).
 */
function volume(
  tickets: TicketFacts[],
  buckets: Bucket[],
  { from, to }: { from: number; to: number },
): VolumeRow[] {
  const rows = buckets.map((b) => ({
    bucket: b.key,
    start: new Date(b.start).toISOString(),
    end: new Date(b.end).toISOString(),
    created: 0,
    resolved: 0,
    backlog: 0,
  }));
  const starts: number[] = [];
  const ends: number[] = [];
  for (const t of tickets) {
    const c = bucketIndex(buckets, t.createdAt);
    if (c >= 0 && t.createdAt >= from && t.createdAt < to) rows[c]!.created++;
    for (const r of t.resolves) {
      const i = bucketIndex(buckets, r.at);
      if (i >= 0 && r.at >= from && r.at < to) rows[i]!.resolved++;
    }
    for (let i = 0; i < t.spans.length; i += 2) {
      starts.push(t.spans[i]!);
      ends.push(t.spans[i + 1]!);
    }
  }
  sweepBacklog(rows, buckets, to, starts, ends);
  return rows;
}

/** Open at t = spans started before t less spans ended before t. */
function sweepBacklog(
  rows: VolumeRow[],
  buckets: Bucket[],
  to: number,
  starts: number[],
  ends: number[],
) {
  starts.sort((a, b) => a - b);
  ends.sort((a, b) => a - b);
  let s = 0;
  let e = 0;
  buckets.forEach((b, i) => {
    const at = Math.min(b.end, to);
    while (s < starts.length && starts[s]! < at) s++;
    while (e < ends.length && ends[e]! < at) e++;
    rows[i]!.backlog = s - e;
  });
}

function backlogAt(tickets: TicketFacts[], to: number) {
  const ages: number[] = [];
  const counts = AGES.map(([age]) => ({ age, tickets: 0 }));
  for (const t of tickets) {
    let open = false;
    for (let i = 0; i < t.spans.length && !open; i += 2) {
      open = t.spans[i]! < to && t.spans[i + 1]! >= to;
    }
    if (!open) continue;
    const age = to - t.createdAt;
    ages.push(age / HOUR);
    counts[AGES.findIndex(([, limit]) => age < limit)]!.tickets++;
  }
  return { open: ages.length, ageHours: spreadOf(ages), age: counts };
}

function durations(pairs: [number, number][], calendar: BusinessCalendar) {
  return {
    calendarHours: spreadOf(pairs.map(([a, b]) => (b - a) / HOUR)),
    businessHours: spreadOf(
      pairs.map(([a, b]) => calendar.elapsed(a, b) / HOUR),
    ),
  };
}

/** Per-ticket figures of the period, gathered in one pass. */
function collect(tickets: readonly TicketFacts[], from: number, to: number) {
  const inPeriod = (at: number | null) => at !== null && at >= from && at < to;
  const c = {
    firstPairs: [] as [number, number][],
    resolvePairs: [] as [number, number][],
    ratings: [] as number[],
    created: 0,
    createdResolved: 0,
    reopened: 0,
    moves: [] as number[],
  };
  for (const t of tickets) {
    if (inPeriod(t.firstResponseAt)) {
      c.firstPairs.push([t.createdAt, t.firstResponseAt!]);
    }
    const last = lastResolveBefore(t, to);
    if (last && last.at >= from) {
      c.resolvePairs.push([t.createdAt, last.at]);
      if (t.rating && t.rating.at < to) c.ratings.push(t.rating.value);
    }
    if (!inPeriod(t.createdAt)) continue;
    c.created++;
    if (last) c.createdResolved++;
    if (t.reopens.some((at) => at < to)) c.reopened++;
    c.moves.push(t.reassignments.filter((at) => at < to).length);
  }
  return c;
}

function satisfaction(ratings: number[], resolved: number) {
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const r of ratings) distribution[String(r) as '1']++;
  const sum = ratings.reduce((a, b) => a + b, 0);
  return {
    resolved,
    rated: ratings.length,
    responseRate: share(ratings.length, resolved),
    average: ratings.length ? sum / ratings.length : null,
    distribution,
  };
}

/**
 * Computes a report from folded ticket facts. Each figure says which
 * tickets it counts (see {@link MetricsReport}); the work is one pass
 * over the tickets plus sorting, never a pass over the events.
 */
export function buildReport(s: ReportSource, q: Query): MetricsReport {
  const zone = q.zone ?? s.zone;
  const { from, to } = periodOf(q, s, zone);
  const tickets = [...s.tickets].filter((t) => keeps(q, t));
  const inPeriod = (at: number | null | undefined) =>
    at != null && at >= from && at < to;

  const c = collect(tickets, from, to);
  const total = c.moves.reduce((a, b) => a + b, 0);
  return {
    period: {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      zone,
    },
    filters: {
      ...(q.teamId !== undefined && { teamId: q.teamId }),
      ...(q.category !== undefined && { category: q.category }),
      ...(q.priority !== undefined && { priority: q.priority }),
      ...(q.channel !== undefined && { channel: q.channel }),
    },
    tickets: tickets.length,
    events: s.events,
    volume: {
      day: volume(tickets, bucketsBetween(zone, from, to, 'day'), { from, to }),
      week: volume(tickets, bucketsBetween(zone, from, to, 'week'), {
        from,
        to,
      }),
    },
    backlog: backlogAt(tickets, to),
    firstResponse: durations(c.firstPairs, s.calendar),
    resolution: durations(c.resolvePairs, s.calendar),
    sla: slaRows(tickets, inPeriod),
    reopen: {
      tickets: c.created,
      resolved: c.createdResolved,
      reopened: c.reopened,
      rate: share(c.reopened, c.createdResolved),
    },
    reassignment: {
      tickets: c.created,
      total,
      perTicket: spreadOf(c.moves),
    },
    satisfaction: satisfaction(c.ratings, c.resolvePairs.length),
    workload: workloadRows(tickets, inPeriod, isOpenStatus),
  };
}
