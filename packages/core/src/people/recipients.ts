import type { AuditEvent } from '../schemas/event.js';
import type { Requester } from '../schemas/people.js';
import type { Ticket } from '../schemas/ticket.js';
import type { PeopleDesk } from './people-desk.js';

/** Someone a notification of an event goes to. */
export interface Recipient {
  requesterId: string;
  email: string;
  name: string | null;
  /** `requester` for the ticket's own requester. */
  as: 'requester' | 'watcher';
}

/**
 * Events every follower of a ticket hears about. Internal notes,
 * triage, assignment and SLA timers are never among them.
 */
const PUBLIC_UPDATES = new Set<string>([
  'ticket.replied',
  'ticket.resolved',
  'ticket.closed',
  'ticket.cancelled',
  'ticket.merged',
]);

/** Events only the requester hears about (acknowledgement, reminder). */
const REQUESTER_ONLY = new Set<string>(['ticket.submitted', 'ticket.reminded']);

/** Who hears of an event, as ids: empty for everything internal. */
export function audienceOf(ticket: Ticket, event: AuditEvent): string[] {
  if (REQUESTER_ONLY.has(event.type)) return [ticket.requesterId];
  if (!PUBLIC_UPDATES.has(event.type)) return [];
  if (event.type === 'ticket.replied' && event.data?.visibility !== 'public') {
    return [];
  }
  const ids = [ticket.requesterId, ...(ticket.watchers ?? [])];
  const author = event.actor.role === 'requester' ? event.actor.id : null;
  return [...new Set(ids)].filter((id) => id !== author);
}

/**
 * The people a notifier mails about an event: the requester and the
 * watchers for public replies and for resolution, closing,
 * cancelling and merging; the requester alone for the acknowledgement
 * and reminders; nobody for internal notes and staff-only changes.
 * The author of a requester's reply is left out, and so is anyone
 * whose data was erased.
 *
 * @example
 * desk.subscribe(async (event, ticket) => {
 *   for (const r of await recipientsFor(desk, ticket, event)) send(r.email);
 * });
 */
export async function recipientsFor(
  desk: PeopleDesk,
  ticket: Ticket,
  event: AuditEvent,
): Promise<Recipient[]> {
  const { store, siteId } = desk.core;
  const ids = audienceOf(ticket, event);
  const people = await Promise.all(
    ids.map((id) => store.getRequester(siteId, id)),
  );
  return people
    .filter((p): p is Requester => p !== null && !p.erasedAt)
    .map((p) => ({
      requesterId: p.id,
      email: p.email,
      name: p.name,
      as: p.id === ticket.requesterId ? 'requester' : 'watcher',
    }));
}
