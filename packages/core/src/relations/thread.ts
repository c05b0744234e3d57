import type { AttachmentInfo } from '../public/ticket-view.js';
import type { AuditEvent, MessageData } from '../schemas/event.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';

/**
 * One message of a ticket's thread as merge and split copy it: the
 * id it had where it was written and the event that wrote it.
 */
export interface ThreadMessage {
  messageId: string;
  /** The event that first recorded the message, on its own ticket. */
  sourceEventId: string;
  at: string;
  author: 'requester' | 'agent';
  body: string;
  visibility: 'public' | 'internal';
  attachments?: AttachmentInfo[];
}

/** The data of a `ticket.merge_received` event. */
export interface MergeReceivedData {
  mergedFrom: string;
  mergedFromRef: string;
  /** The merged ticket had the same requester: its public messages show. */
  sameRequester: boolean;
  messages: ThreadMessage[];
}

const authorOf = (e: AuditEvent) =>
  e.actor.role === 'requester' ? 'requester' : 'agent';

function attachmentsOf(e: AuditEvent): { attachments?: AttachmentInfo[] } {
  const listed = (e.data as { attachments?: AttachmentInfo[] } | null)
    ?.attachments;
  return Array.isArray(listed) && listed.length > 0
    ? { attachments: listed }
    : {};
}

/**
 * Every message of a ticket, oldest first: the description (its id
 * is the submit event's), replies and notes, and the messages of
 * tickets merged into it.
 */
export function threadOf(events: readonly AuditEvent[]): ThreadMessage[] {
  const out: ThreadMessage[] = [];
  for (const e of events) {
    if (e.type === 'ticket.submitted') {
      out.push({
        messageId: e.id,
        sourceEventId: e.id,
        at: e.at,
        author: authorOf(e),
        body: String(e.changes.description ?? ''),
        visibility: 'public',
        ...attachmentsOf(e),
      });
    } else if (e.type === 'ticket.replied' || e.type === 'ticket.noted') {
      const data = e.data as MessageData;
      out.push({
        messageId: data.messageId,
        sourceEventId: e.id,
        at: e.at,
        author: authorOf(e),
        body: data.body,
        visibility: data.visibility,
        ...attachmentsOf(e),
      });
    } else if (e.type === EXTRA_EVENT_TYPES.merge_receive) {
      out.push(...(e.data as unknown as MergeReceivedData).messages);
    }
  }
  return out.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}

/**
 * The public messages a `ticket.merge_received` event adds to the
 * requester's conversation: none when the merged ticket was another
 * requester's, whose words are not this requester's to read.
 */
export function mergedPublicMessages(e: AuditEvent) {
  const data = e.data as unknown as MergeReceivedData | null;
  if (!data?.sameRequester) return [];
  return data.messages
    .filter((m) => m.visibility === 'public')
    .map((m) => ({
      id: m.messageId,
      at: m.at,
      author: m.author,
      body: m.body,
      ...(m.attachments && { attachments: m.attachments }),
    }));
}
