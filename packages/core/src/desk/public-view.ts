import type {
  AttachmentInfo,
  PublicExpectation,
  PublicMessage,
  PublicTicket,
} from '../public/ticket-view.js';
import { mergedPublicMessages } from '../relations/thread.js';
import type { AuditEvent, MessageData } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';

/** The files an event's data records, as `{ attachments }` or nothing. */
function attachmentsOf(event: AuditEvent): { attachments?: AttachmentInfo[] } {
  const listed = (event.data as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(listed) || listed.length === 0) return {};
  return {
    attachments: listed.map((a: AttachmentInfo) => ({
      id: a.id,
      name: a.name,
      size: a.size,
      type: a.type,
    })),
  };
}

/**
 * The public conversation: the description, then public replies, with
 * the public messages of the requester's own tickets merged into this
 * one in time order.
 */
export function publicMessages(events: readonly AuditEvent[]): PublicMessage[] {
  const messages: PublicMessage[] = [];
  const merged: PublicMessage[] = [];
  for (const event of events) {
    if (event.type === 'ticket.submitted') {
      messages.push({
        id: event.id,
        at: event.at,
        author: event.actor.role === 'requester' ? 'requester' : 'agent',
        body: String(event.changes.description ?? ''),
        ...attachmentsOf(event),
      });
    }
    const data = event.data as MessageData | null;
    if (event.type === 'ticket.replied' && data?.visibility === 'public') {
      messages.push({
        id: data.messageId,
        at: event.at,
        author: event.actor.role === 'requester' ? 'requester' : 'agent',
        body: data.body,
        ...attachmentsOf(event),
      });
    }
    if (event.type === 'ticket.merge_received') {
      merged.push(...mergedPublicMessages(event));
    }
  }
  if (merged.length === 0) return messages;
  return [...messages, ...merged].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The deadlines a requester may see: running clocks only, so an answer
 * already given or a paused wait shows no date.
 */
export function expectationOf(ticket: Ticket): PublicExpectation | null {
  const sla = ticket.sla;
  if (!sla) return null;
  const due = (target: string) => {
    const clock = sla.clocks.find((c) => c.target === target);
    const running = clock?.runs[clock.runs.length - 1]?.to === null;
    return clock && clock.stoppedAt === null && running ? clock.dueAt : null;
  };
  const last = sla.pauses[sla.pauses.length - 1];
  return {
    firstResponseBy: due('firstResponse'),
    nextResponseBy: due('nextResponse'),
    resolutionBy: due('resolution'),
    paused: last !== undefined && last.to === null,
  };
}

/** What a requester may see of a ticket: no notes, no staff details. */
export function toPublicTicket(
  ticket: Ticket,
  events: readonly AuditEvent[],
): PublicTicket {
  return {
    id: ticket.id,
    ref: ticket.ref,
    version: ticket.version,
    status: ticket.status,
    pendingReason: ticket.pendingReason,
    subject: ticket.subject,
    category: ticket.category,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    resolution: ticket.resolution,
    reopenUntil: ticket.reopenUntil,
    satisfaction: ticket.satisfaction && {
      rating: ticket.satisfaction.rating,
      comment: ticket.satisfaction.comment,
    },
    messages: publicMessages(events),
    expectation: expectationOf(ticket),
  };
}
