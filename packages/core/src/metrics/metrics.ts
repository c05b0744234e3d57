import { TicketryError } from '../errors.js';
import type { AuditEvent } from '../schemas/event.js';
import {
  ALWAYS_OPEN,
  type BusinessCalendar,
  compileCalendar,
} from '../sla/business-calendar.js';
import type { CalendarInput } from '../sla/calendar-schema.js';
import { canonicalZone } from '../sla/zone.js';
import { type MetricsQuery, parseMetricsQuery } from './query.js';
import { buildReport } from './report.js';
import type { MetricsReport } from './report-types.js';
import { foldFacts, startFacts, type TicketFacts } from './ticket-facts.js';

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** IANA zone of day and week buckets. @default 'UTC' */
  zone?: string;
  /**
   * The business calendar of business-hour durations: a compiled SLA
   * calendar (`desk.sla.calendar(id)`) or its definition.
   * @default the 24/7 calendar, so business hours equal calendar hours
   */
  calendar?: BusinessCalendar | CalendarInput;
  /** Fold only this site's events. @default every site */
  siteId?: string;
}

/** Incremental desk metrics; see {@link createMetrics}. */
export interface Metrics {
  /** Folds one audit event; answers false when it was ignored. */
  add(event: AuditEvent): boolean;
  /** Folds events in order. */
  addAll(events: Iterable<AuditEvent>): void;
  /** The figures for a period and filters, validated with zod. */
  report(query?: MetricsQuery): MetricsReport;
  /**
   * Events folded, and ignored: repeats, other sites, and events whose
   * ticket's previous version was not folded first (gaps, orphans).
   */
  readonly counts: { folded: number; ignored: number; tickets: number };
  /** The highest feed position folded, for resuming a feed. */
  readonly lastSeq: number;
}

function calendarOf(input: MetricsOptions['calendar']): BusinessCalendar {
  if (!input) return ALWAYS_OPEN;
  return 'elapsed' in input ? input : compileCalendar(input);
}

/**
 * Desk metrics folded from audit events, so every store gives the same
 * figures. `add` updates one ticket's facts in O(1); `report` reads the
 * facts (never the events again) and caches its answer until the next
 * event.
 *
 * @example
 * const metrics = createMetrics({ zone: 'Europe/Berlin' });
 * for (const event of await store.listEvents('default', id)) metrics.add(event);
 * metrics.report({ from: '2024-01-01T00:00:00Z' }).resolution.calendarHours.median;
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const zone = options.zone ?? 'UTC';
  if (!canonicalZone(zone)) {
    throw new TicketryError('VALIDATION_FAILED', `unknown time zone ${zone}`, {
      details: { path: ['zone'] },
    });
  }
  const calendar = calendarOf(options.calendar);
  const tickets = new Map<string, TicketFacts>();
  const counts = { folded: 0, ignored: 0, tickets: 0 };
  let firstAt: number | null = null;
  let lastAt: number | null = null;
  let lastSeq = 0;
  const cache = new Map<string, MetricsReport>();

  function add(event: AuditEvent): boolean {
    if (options.siteId !== undefined && event.siteId !== options.siteId) {
      counts.ignored++;
      return false;
    }
    const key = `${event.siteId}\u0000${event.ticketId}`;
    const known = tickets.get(key);
    if (event.version !== (known ? known.version + 1 : 1)) {
      counts.ignored++;
      return false;
    }
    if (known) foldFacts(known, event);
    else tickets.set(key, startFacts(event));
    const at = Date.parse(event.at);
    if (firstAt === null || at < firstAt) firstAt = at;
    if (lastAt === null || at > lastAt) lastAt = at;
    lastSeq = Math.max(lastSeq, event.seq);
    counts.folded++;
    counts.tickets = tickets.size;
    cache.clear();
    return true;
  }

  function report(query: MetricsQuery = {}): MetricsReport {
    const q = parseMetricsQuery(query);
    const key = JSON.stringify(q);
    let answer = cache.get(key);
    if (!answer) {
      const source = {
        tickets: tickets.values(),
        events: counts.folded,
        zone,
        calendar,
        firstAt,
        lastAt,
      };
      answer = buildReport(source, q);
      cache.set(key, answer);
    }
    return answer;
  }

  return {
    add,
    addAll(events) {
      for (const event of events) add(event);
    },
    report,
    counts,
    get lastSeq() {
      return lastSeq;
    },
  };
}

/**
 * Computes a report from a whole event log at once: a fresh
 * {@link createMetrics} fed every event. Events of one ticket must come
 * in order; tickets may interleave freely.
 */
export function computeMetrics(
  events: Iterable<AuditEvent>,
  options: MetricsOptions = {},
  query: MetricsQuery = {},
): MetricsReport {
  const metrics = createMetrics(options);
  metrics.addAll(events);
  return metrics.report(query);
}
