import { rebuildTicket } from '../desk/rebuild.js';
import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import { hashText } from './canonical.js';
import { eventHash, GENESIS_HASH } from './chain.js';
import type { AuditBreak, AuditBreakReason } from './report.js';

/** What one ticket's history showed. */
export interface TicketAudit {
  events: number;
  /** Events before the chain started (versions 1 … unchained). */
  unchained: number;
  /** The last chained hash, or null when nothing is chained. */
  head: string | null;
  broken: AuditBreak | null;
}

/** Where a ticket's events are read from, and what they should be. */
interface Subject {
  siteId: string;
  ticketId: string;
  ticket: Ticket | null;
  events: readonly AuditEvent[];
}

class Broken extends Error {
  constructor(
    readonly reason: AuditBreakReason,
    readonly version: number | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks one ticket's history: versions 1 … n, each chained event
 * following the one before and matching its hash, the ticket's version
 * and head hash those of its last event, and the ticket what its
 * events rebuild. Stops at the first fault.
 */
export async function auditTicket(subject: Subject): Promise<TicketAudit> {
  const result: TicketAudit = {
    events: subject.events.length,
    unchained: 0,
    head: null,
    broken: null,
  };
  try {
    await walkChain(subject, result);
    checkTicket(subject, result);
  } catch (error) {
    if (!(error instanceof Broken)) throw error;
    result.broken = {
      ticketId: subject.ticketId,
      ref: subject.ticket?.ref ?? null,
      version: error.version,
      reason: error.reason,
      message: error.message,
    };
  }
  return result;
}

async function walkChain(subject: Subject, result: TicketAudit) {
  const { siteId, ticketId, events } = subject;
  if (events.length === 0) {
    throw new Broken('no_events', null, 'the ticket has no events');
  }
  for (const [i, e] of events.entries()) {
    const v = e.version;
    if (e.siteId !== siteId || e.ticketId !== ticketId) {
      throw new Broken('foreign_event', v, `event ${e.id} is another ticket's`);
    }
    if (v !== i + 1) {
      throw new Broken(
        'version_gap',
        v,
        `expected version ${i + 1}, found ${v}: an event was removed or added`,
      );
    }
    const hashed = e.hash !== undefined;
    if (!hashed && e.prevHash === undefined && result.head === null) {
      result.unchained += 1;
      continue;
    }
    if (!hashed || e.prevHash === undefined) {
      throw new Broken(
        'unchained_event',
        v,
        result.head === null
          ? `version ${v} has only one of prevHash and hash`
          : `version ${v} has no hashes, but an event before it is chained`,
      );
    }
    const prev = result.head ?? GENESIS_HASH;
    if (e.prevHash !== prev) {
      throw new Broken(
        'prev_hash_mismatch',
        v,
        result.head === null
          ? `version ${v} should start the chain, but its prevHash is not the genesis hash`
          : `version ${v} does not follow version ${v - 1}: one of them was replaced`,
      );
    }
    if ((await eventHash(e)) !== e.hash) {
      throw new Broken(
        'hash_mismatch',
        v,
        `version ${v} does not match its hash: it was changed after it was written`,
      );
    }
    result.head = e.hash;
  }
}

function checkTicket(subject: Subject, result: TicketAudit) {
  const { ticket, events } = subject;
  const last = events.length;
  if (!ticket) {
    throw new Broken('ticket_missing', null, `${last} events but no ticket`);
  }
  if (ticket.version !== last) {
    throw new Broken(
      'version_mismatch',
      null,
      `the ticket is at version ${ticket.version}, its events end at ${last}`,
    );
  }
  if ((ticket.auditHash ?? null) !== result.head) {
    throw new Broken(
      'head_mismatch',
      null,
      "the ticket's auditHash is not the hash of its last event",
    );
  }
  const fields = differingFields(ticket, rebuildTicket(events)!);
  if (fields.length > 0) {
    throw new Broken(
      'ticket_differs',
      null,
      `the ticket is not what its events rebuild: ${fields.join(', ')} differ`,
    );
  }
}

/** Top-level fields whose JSON differs, absent and undefined alike. */
function differingFields(a: Ticket, b: Ticket): string[] {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys]
    .filter((k) => hashText(x[k] ?? null) !== hashText(y[k] ?? null))
    .sort();
}
