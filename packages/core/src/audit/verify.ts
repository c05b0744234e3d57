import { shown, TicketryError } from '../errors.js';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketStore } from '../store/types.js';
import type { AuditHead, AuditReport } from './report.js';
import { auditTicket } from './verify-ticket.js';

/** Options of {@link verifyAudit}. */
export interface VerifyAuditOptions {
  /**
   * Heads written down by an earlier run (its `heads`), kept where the
   * database's owner cannot change them. Each anchored event must still
   * be there with the same hash; this is what catches a history
   * rewritten whole. @default none
   */
  anchors?: readonly AuditHead[];
  /** Tickets read per page when verifying a whole site. @default 200 */
  pageSize?: number;
}

const LISTED_UNCHAINED = 100;

function emptyReport(siteId: string, ticketId: string | null): AuditReport {
  return {
    ok: true,
    siteId,
    ticketId,
    tickets: 0,
    events: 0,
    unchainedEvents: 0,
    unchainedTickets: 0,
    unchained: [],
    brokenTickets: 0,
    firstBroken: null,
    heads: [],
  };
}

/**
 * Proves a site's audit history, or one ticket's, untouched since it
 * was written: recomputes every chained event's hash, checks that each
 * follows the one before, that versions run 1 … n without gaps, and
 * that each ticket's version, head hash and fields are those of its
 * events. Events written before the chain are counted as unchained,
 * not failed. What this does and does not prove: docs/audit.md.
 *
 * Throws NOT_FOUND for a `ticketId` with neither ticket nor events.
 *
 * @example
 * const report = await verifyAudit(store, 'default');
 * if (!report.ok) console.log(report.firstBroken?.message);
 */
export async function verifyAudit(
  store: TicketStore,
  siteId: string,
  ticketId?: string | null,
  options: VerifyAuditOptions = {},
): Promise<AuditReport> {
  const report = emptyReport(siteId, ticketId ?? null);
  const anchors = new Map<string, AuditHead[]>();
  for (const a of options.anchors ?? []) {
    anchors.set(a.ticketId, [...(anchors.get(a.ticketId) ?? []), a]);
  }
  if (ticketId != null) {
    const ticket = await store.getTicket(siteId, ticketId);
    const found = await verifyOne(store, report, anchors, ticket, ticketId);
    if (!found) {
      throw new TicketryError('NOT_FOUND', `no ticket ${shown(ticketId)}`, {
        details: { ticketId },
      });
    }
  } else {
    let cursor: string | null = null;
    do {
      const page = await store.listTickets(siteId, {
        sort: 'createdAt',
        limit: options.pageSize ?? 200,
        cursor,
      });
      for (const t of page.items) {
        await verifyOne(store, report, anchors, t, t.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  for (const [missing] of anchors) {
    if (ticketId == null || missing === ticketId) {
      addBreak(report, {
        ticketId: missing,
        ref: null,
        version: null,
        reason: 'anchor_mismatch',
        message: 'an anchored ticket is gone',
      });
    }
  }
  report.ok = report.brokenTickets === 0;
  return report;
}

function addBreak(report: AuditReport, broken: AuditReport['firstBroken']) {
  report.brokenTickets += 1;
  report.firstBroken ??= broken;
}

/** Verifies one ticket into the report; false when nothing was there. */
async function verifyOne(
  store: TicketStore,
  report: AuditReport,
  anchors: Map<string, AuditHead[]>,
  ticket: Ticket | null,
  ticketId: string,
): Promise<boolean> {
  const events = await store.listEvents(report.siteId, ticketId);
  if (!ticket && events.length === 0) return false;
  const audit = await auditTicket({
    siteId: report.siteId,
    ticketId,
    ticket,
    events,
  });
  const ref = ticket?.ref ?? null;
  report.tickets += 1;
  report.events += audit.events;
  if (events.length > 0) {
    report.heads.push({ ticketId, version: events.length, hash: audit.head });
  }
  if (audit.unchained > 0) {
    report.unchainedEvents += audit.unchained;
    report.unchainedTickets += 1;
    if (report.unchained.length < LISTED_UNCHAINED) {
      report.unchained.push({ ticketId, ref, before: audit.unchained + 1 });
    }
  }
  const anchored = anchors.get(ticketId) ?? [];
  anchors.delete(ticketId);
  const moved = anchored.find((a) => {
    const event = events[a.version - 1];
    return !event || (event.hash ?? null) !== a.hash;
  });
  if (audit.broken) addBreak(report, audit.broken);
  else if (moved) {
    addBreak(report, {
      ticketId,
      ref,
      version: moved.version,
      reason: 'anchor_mismatch',
      message: `version ${moved.version} is not the event anchored earlier`,
    });
  }
  return true;
}
