import type { Desk } from '../desk/desk.js';
import { TicketryError } from '../errors.js';
import { addLink } from '../relations/links.js';
import type { Actor } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import type { SurgeAlert } from './surge.js';

/** Options of {@link createParentForAlert}. */
export interface ParentOptions {
  /** The agent who accepts the offer; the links are theirs. */
  actor: Actor;
  /** Who the parent is filed for. @default the desk itself */
  requester?: { email: string; name: string };
}

/**
 * Accepts a possible-incident alert: opens a parent incident that
 * names the group and counts, and links every ticket of the alert to
 * it as `child_of` (the parent gets `parent_of` on the other side).
 */
export async function createParentForAlert(
  desk: Desk,
  alert: SurgeAlert,
  options: ParentOptions,
): Promise<{ parent: Ticket; children: string[] }> {
  if (alert.ticketIds.length === 0) {
    throw new TicketryError('VALIDATION_FAILED', 'the alert links no tickets');
  }
  const { ticket: parent } = await desk.core.submit(
    {
      subject: `Possible incident: ${alert.observed} tickets in ${alert.key}`,
      description:
        `${alert.observed} tickets of ${alert.by} ${alert.key} arrived from ` +
        `${new Date(alert.since).toISOString()} where about ${alert.expected} ` +
        'were forecast. Opened from the possible-incident alert.',
      requester: options.requester ?? {
        email: 'service-desk@ticketry.invalid',
        name: 'Service desk',
      },
      channel: 'api',
      ticketType: 'incident',
      tags: ['possible-incident'],
    },
    { actor: options.actor },
  );
  const children: string[] = [];
  for (const id of alert.ticketIds) {
    await addLink(
      desk.core,
      id,
      { type: 'child_of', ticketId: parent.id },
      options.actor,
    );
    children.push(id);
  }
  return { parent, children };
}
