import type { PublicMessage, PublicTicket } from '../public/ticket-view.js';
import type { AuditEvent, MessageData } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';

/** The public conversation: the description, then public replies. */
export function publicMessages(events: readonly AuditEvent[]): PublicMessage[] {
  const messages: PublicMessage[] = [];
  for (const event of events) {
    if (event.type === 'ticket.submitted') {
      messages.push({
        id: event.id,
        at: event.at,
        author: event.actor.role === 'requester' ? 'requester' : 'agent',
        body: String(event.changes.description ?? ''),
      });
    }
    const data = event.data as MessageData | null;
    if (event.type === 'ticket.replied' && data?.visibility === 'public') {
      messages.push({
        id: data.messageId,
        at: event.at,
        author: event.actor.role === 'requester' ? 'requester' : 'agent',
        body: data.body,
      });
    }
  }
  return messages;
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
  };
}
