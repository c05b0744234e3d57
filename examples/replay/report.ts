import type { AuditEvent } from '@ticketry/core';
import { histogram, type Summary, summarize } from './summary.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Figures computed from the audit events the store gives back. */
export interface EventFigures {
  tickets: number;
  events: number;
  eventTypes: Record<string, number>;
  /** Status each ticket ended in, folded from the events' changes. */
  finalStatus: Record<string, number>;
  /** Submit to the last resolve, over tickets resolved at least once. */
  openToResolvedHours: Summary;
  /**
   * The same over tickets whose source recorded a resolution time
   * (submitted with `fields.resolvedAtRecorded` not false); equals the
   * figure above when the source never says.
   */
  openToResolvedHoursRecorded: Summary;
  reopenedTickets: number;
  reopenShare: number;
  /** Share of tickets paused (pended) at least once. */
  pendedShare: number;
  /** Last resolve to the last close after it, in days. */
  resolveToCloseDays: Summary;
  resolveToCloseDaysRecorded: Summary;
  /**
   * Tickets by days from last resolve to close, rounded to the nearest
   * day (as `stats.json` counts); over tickets with a recorded
   * resolution time, like the two shares below.
   */
  resolveToCloseHistogram: Record<number, number>;
  /** Share closing at least 5 and under 6 days after the resolve. */
  closeFiveToSixDaysShare: number | null;
  /** Share closing 5 days after, to the nearest day (4.5 to 5.5 d). */
  closeAboutFiveDaysShare: number | null;
}

interface TicketTrail {
  submittedAt: number;
  recorded: boolean;
  status: string | null;
  lastResolved: number | null;
  lastClosed: number | null;
  reopened: boolean;
  pended: boolean;
}

function trailOf(events: readonly AuditEvent[]): TicketTrail | null {
  const first = events[0];
  if (first?.type !== 'ticket.submitted') return null;
  const fields = first.changes['fields'] as Record<string, unknown> | undefined;
  const trail: TicketTrail = {
    submittedAt: Date.parse(first.at),
    recorded: fields?.['resolvedAtRecorded'] !== false,
    status: null,
    lastResolved: null,
    lastClosed: null,
    reopened: false,
    pended: false,
  };
  for (const event of events) {
    const status = event.changes['status'];
    if (typeof status === 'string') trail.status = status;
    const reopens = event.changes['reopenCount'];
    if (typeof reopens === 'number' && reopens > 0) trail.reopened = true;
    if (event.type === 'ticket.pended') trail.pended = true;
    if (event.type === 'ticket.resolved')
      trail.lastResolved = Date.parse(event.at);
    if (event.type === 'ticket.closed') trail.lastClosed = Date.parse(event.at);
  }
  return trail;
}

/**
 * Computes the replay's figures from audit events alone, one array per
 * ticket in `seq` order, exactly as the store returns them: nothing
 * here looks at the source file.
 */
export function figuresFromEvents(
  eventsByTicket: Iterable<readonly AuditEvent[]>,
): EventFigures {
  const eventTypes: Record<string, number> = {};
  const finalStatus: Record<string, number> = {};
  const toResolved: number[] = [];
  const toResolvedRecorded: number[] = [];
  const toClosed: number[] = [];
  const toClosedRecorded: number[] = [];
  let tickets = 0;
  let events = 0;
  let reopened = 0;
  let pended = 0;

  for (const trailEvents of eventsByTicket) {
    for (const e of trailEvents) {
      eventTypes[e.type] = (eventTypes[e.type] ?? 0) + 1;
    }
    events += trailEvents.length;
    const trail = trailOf(trailEvents);
    if (!trail) continue;
    tickets++;
    const status = trail.status ?? 'unknown';
    finalStatus[status] = (finalStatus[status] ?? 0) + 1;
    if (trail.reopened) reopened++;
    if (trail.pended) pended++;
    if (trail.lastResolved === null) continue;

    const hours = (trail.lastResolved - trail.submittedAt) / HOUR;
    toResolved.push(hours);
    if (trail.recorded) toResolvedRecorded.push(hours);
    if (trail.lastClosed === null || trail.lastClosed < trail.lastResolved) {
      continue;
    }
    const days = (trail.lastClosed - trail.lastResolved) / DAY;
    toClosed.push(days);
    if (trail.recorded) toClosedRecorded.push(days);
  }

  const closed = toClosedRecorded.length;
  const inFiveToSix = toClosedRecorded.filter((d) => d >= 5 && d < 6).length;
  const byDay = histogram(toClosedRecorded);
  const share = (count: number) => (closed === 0 ? null : count / closed);
  return {
    tickets,
    events,
    eventTypes,
    finalStatus,
    openToResolvedHours: summarize(toResolved),
    openToResolvedHoursRecorded: summarize(toResolvedRecorded),
    reopenedTickets: reopened,
    reopenShare: tickets === 0 ? 0 : reopened / tickets,
    pendedShare: tickets === 0 ? 0 : pended / tickets,
    resolveToCloseDays: summarize(toClosed),
    resolveToCloseDaysRecorded: summarize(toClosedRecorded),
    resolveToCloseHistogram: byDay,
    closeFiveToSixDaysShare: share(inFiveToSix),
    closeAboutFiveDaysShare: share(byDay[5] ?? 0),
  };
}
