import type { Ticket } from '../schemas/ticket.js';
import type { BusinessCalendar } from './business-calendar.js';
import { elapsedAt } from './locate.js';
import type { SlaTarget } from './policy-schema.js';
import type { SlaRegistry } from './registry.js';
import type { SlaClock, SlaState, SlaTimer } from './state-schema.js';
import { DAY } from './week.js';

/** Why business time did not count over a stretch. */
export type ClosedReason = 'outside_hours' | 'non_working_day' | 'holiday';

/** One stretch of a clock's timeline. */
export type TimelineEntry =
  | {
      type: 'working';
      from: string;
      to: string;
      /** Wall-clock readings in the calendar's zone. */
      localFrom: string;
      localTo: string;
      ms: number;
      calendarId: string;
      /** After the instant explained: still to come before the deadline. */
      future: boolean;
    }
  | {
      type: 'closed';
      from: string;
      to: string;
      reason: ClosedReason;
      holidays: { date: string; name: string }[];
      future: boolean;
    }
  | {
      type: 'paused' | 'resolved';
      from: string;
      to: string | null;
      /** The pending reason of a pause. */
      reason: string | null;
    };

/** What stands behind one deadline. */
export interface ClockExplanation {
  target: SlaTarget;
  cycle: number;
  state: 'running' | 'paused' | 'met' | 'missed' | 'stopped';
  targetMs: number | null;
  elapsedMs: number;
  /** Business time left (0 once the deadline has passed). */
  remainingMs: number | null;
  /** Business time past the deadline, for an overdue clock. */
  overdueMs: number;
  startedAt: string;
  dueAt: string | null;
  stoppedAt: string | null;
  breachedAt: string | null;
  timeline: TimelineEntry[];
  /** True when the timeline was cut at its entry limit. */
  truncated: boolean;
}

/** `explain(ticket)`: every deadline, the time behind it, and what is due. */
export interface SlaExplanation {
  ticketId: string;
  ref: string;
  /** The instant explained. */
  at: string;
  policy: { id: string; version: number; name: string | null };
  calendar: { id: string; name: string | null; timeZone: string };
  priority: string;
  paused: boolean;
  escalationLevel: number;
  clocks: ClockExplanation[];
  timers: SlaTimer[];
}

const iso = (ms: number) => new Date(ms).toISOString();

function closedReason(cal: BusinessCalendar, from: number, to: number) {
  const holidays = cal.holidaysBetween(from, to);
  if (holidays.length) return { reason: 'holiday' as const, holidays };
  const reason: ClosedReason =
    to - from >= DAY ? 'non_working_day' : 'outside_hours';
  return { reason, holidays };
}

function runEntries(
  cal: BusinessCalendar,
  from: number,
  to: number,
  now: number,
  limit: number,
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let cursor = from;
  const closed = (a: number, b: number) => {
    if (b > a) {
      out.push({
        type: 'closed',
        from: iso(a),
        to: iso(b),
        ...closedReason(cal, a, b),
        future: a >= now,
      });
    }
  };
  for (const [a, b] of cal.workingIntervals(from, to, limit)) {
    closed(cursor, a);
    out.push({
      type: 'working',
      from: iso(a),
      to: iso(b),
      localFrom: cal.wallTime(a),
      localTo: cal.wallTime(b),
      ms: b - a,
      calendarId: cal.id,
      future: a >= now,
    });
    cursor = b;
  }
  if (out.length < limit) closed(cursor, to);
  return out;
}

function gapEntry(
  s: SlaState,
  clock: SlaClock,
  from: string,
  to: string,
): TimelineEntry & { type: 'paused' | 'resolved' } {
  const pause = s.pauses.find((p) => p.from <= from && (!p.to || p.to >= to));
  if (pause) {
    return { type: 'paused' as const, from, to, reason: pause.reason };
  }
  const type = clock.target === 'resolution' ? 'resolved' : 'paused';
  return { type, from, to, reason: null };
}

function explainClock(
  r: SlaRegistry,
  s: SlaState,
  clock: SlaClock,
  now: number,
  limit: number,
): ClockExplanation {
  const timeline: TimelineEntry[] = [];
  const due = clock.dueAt ? Date.parse(clock.dueAt) : null;
  clock.runs.forEach((run, i) => {
    const prev = clock.runs[i - 1];
    if (prev?.to && prev.to < run.from) {
      timeline.push(gapEntry(s, clock, prev.to, run.from));
    }
    const end = run.to ? Date.parse(run.to) : Math.max(now, due ?? now);
    const cal = r.calendar(run.calendarId);
    const room = limit - timeline.length;
    if (room > 0)
      timeline.push(...runEntries(cal, Date.parse(run.from), end, now, room));
  });
  const last = clock.runs[clock.runs.length - 1];
  if (last?.to && clock.stoppedAt === null) {
    timeline.push({ ...gapEntry(s, clock, last.to, last.to), to: null });
  }
  const elapsed = clock.stoppedAt ? clock.elapsedMs : elapsedAt(r, clock, now);
  const target = clock.targetMs;
  const state =
    clock.stoppedAt !== null
      ? clock.met === null
        ? 'stopped'
        : clock.met
          ? 'met'
          : 'missed'
      : last?.to === null
        ? 'running'
        : 'paused';
  return {
    target: clock.target,
    cycle: clock.cycle,
    state,
    targetMs: target,
    elapsedMs: elapsed,
    remainingMs: target === null ? null : Math.max(0, target - elapsed),
    overdueMs: target === null ? 0 : Math.max(0, elapsed - target),
    startedAt: clock.startedAt,
    dueAt: clock.dueAt,
    stoppedAt: clock.stoppedAt,
    breachedAt: clock.breachedAt,
    timeline: timeline.slice(0, limit),
    truncated: timeline.length >= limit,
  };
}

/**
 * The timeline behind each deadline of a ticket at an instant: the
 * working segments counted (with their wall-clock readings), the
 * stretches skipped and why (outside hours, a non-working day, a named
 * holiday), the pauses, the calendar, the policy and its version, and
 * the timers still to fire. Null for a ticket without an SLA.
 *
 * @example
 * const why = explainSla(registry, ticket, new Date());
 * why?.clocks[0]?.timeline.filter((e) => e.type === 'working');
 */
export function explainSla(
  registry: SlaRegistry,
  ticket: Ticket,
  at: Date,
  limit = 500,
): SlaExplanation | null {
  const s = ticket.sla;
  if (!s) return null;
  const policy = registry.policy(s.policyId, s.policyVersion);
  const calendar = registry.calendar(s.calendarId);
  const now = at.getTime();
  const open = s.pauses[s.pauses.length - 1];
  return {
    ticketId: ticket.id,
    ref: ticket.ref,
    at: at.toISOString(),
    policy: {
      id: policy.id,
      version: policy.version,
      name: policy.name ?? null,
    },
    calendar: {
      id: calendar.id,
      name: calendar.name,
      timeZone: calendar.timeZone,
    },
    priority: s.priority,
    paused: open !== undefined && open.to === null,
    escalationLevel: s.escalationLevel,
    clocks: s.clocks.map((c) => explainClock(registry, s, c, now, limit)),
    timers: s.timers,
  };
}
