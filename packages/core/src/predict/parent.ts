import type { Desk } from '../desk/desk.js';
import { TicketryError } from '../errors.js';
import { addLink } from '../relations/links.js';
import type { Actor } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import {
  type AlertAcceptance,
  claimAlert,
  finishAlert,
} from './alert-claims.js';
import type { SurgeAlert } from './surge.js';

/** Options of {@link createParentForAlert}. */
export interface ParentOptions {
  /** The agent who accepts the offer; the links are theirs. */
  actor: Actor;
  /** Who the parent is filed for. @default the desk itself */
  requester?: { email: string; name: string };
}

/** An accepted alert: its parent, the children linked, and whether this call opened it. */
export interface ParentResult {
  parent: Ticket;
  children: string[];
  /** False when the alert was accepted before: nothing was written. */
  created: boolean;
}

/** Links that may be refused for one child without failing the rest. */
const SKIPPED = new Set(['LINK_NOT_ALLOWED', 'LINK_CYCLE', 'NOT_FOUND']);

/**
 * Opens the parent under an idempotency key of the alert, so a call
 * that takes over an unfinished claim finds the same ticket.
 */
async function openParent(
  desk: Desk,
  alert: SurgeAlert,
  options: ParentOptions,
): Promise<Ticket> {
  const { core } = desk;
  const key = `alert-parent:${alert.id}`;
  const earlier = async () => {
    const seen = await core.store.findIdempotency(core.siteId, key);
    return seen && (await core.store.getTicket(core.siteId, seen.ticketId));
  };
  const found = await earlier();
  if (found) return found;
  try {
    const { ticket } = await core.submit(
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
      { actor: options.actor, idempotencyKey: key },
    );
    return ticket;
  } catch (e) {
    // Another caller (another role) opened it under the same key.
    const again =
      e instanceof TicketryError && e.code === 'IDEMPOTENCY_KEY_REUSED'
        ? await earlier()
        : null;
    if (!again) throw e;
    return again;
  }
}

/** Links each ticket as `child_of`; one already given another parent is left out. */
async function linkChildren(
  desk: Desk,
  alert: SurgeAlert,
  parent: Ticket,
  actor: Actor,
): Promise<string[]> {
  const children: string[] = [];
  for (const id of alert.ticketIds) {
    try {
      await addLink(
        desk.core,
        id,
        { type: 'child_of', ticketId: parent.id },
        actor,
      );
      children.push(id);
    } catch (e) {
      if (!(e instanceof TicketryError && SKIPPED.has(e.code))) throw e;
    }
  }
  return children;
}

async function answer(
  desk: Desk,
  done: AlertAcceptance,
  created: boolean,
): Promise<ParentResult> {
  const parent = await desk.core.load(done.parentId!);
  return { parent, children: done.children, created };
}

/**
 * Accepts a possible-incident alert: opens a parent incident that
 * names the group and counts, and links every ticket of the alert to
 * it as `child_of` (the parent gets `parent_of` on the other side); a
 * ticket that already has another parent, or was merged, is left out.
 *
 * Accepting is idempotent: the acceptance is kept as a record
 * (`predict.alert-parent`, keyed by the alert's id) claimed with a
 * compare-and-set before anything is written, so a repeat, or a
 * concurrent call, writes nothing and answers the first parent with
 * `created: false`.
 */
export async function createParentForAlert(
  desk: Desk,
  alert: SurgeAlert,
  options: ParentOptions,
): Promise<ParentResult> {
  if (alert.ticketIds.length === 0) {
    throw new TicketryError('VALIDATION_FAILED', 'the alert links no tickets');
  }
  const { core } = desk;
  const claim = await claimAlert(core, alert.id, options.actor.id);
  if ('done' in claim) return answer(desk, claim.done, false);
  const parent = await openParent(desk, alert, options);
  const children = await linkChildren(desk, alert, parent, options.actor);
  const done = await finishAlert(core, claim.version, {
    alertId: alert.id,
    parentId: parent.id,
    children,
    by: options.actor.id,
    at: core.clock.now().toISOString(),
  });
  if (done.parentId !== parent.id) return answer(desk, done, false);
  return { parent, children: done.children, created: true };
}
