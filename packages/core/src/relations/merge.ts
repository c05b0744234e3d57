import type { CommandContext, DeskCore } from '../desk/desk-types.js';
import { TicketryError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import { hasLink } from './kinds.js';
import { type MergeReceivedData, threadOf } from './thread.js';
import { writeSide } from './write.js';

/** A merge: the merged ticket (final) and the target that took its thread. */
export interface MergeResult {
  ticket: Ticket;
  target: Ticket;
}

/**
 * Copies a merged ticket's thread onto its target: one
 * `ticket.merge_received` event there, with the messages in
 * `data.messages` (each naming the event that first wrote it on the
 * merged ticket) and a `merged_from` link. The merged ticket's own
 * events stay as they were. Does nothing when the target has it.
 */
export async function receiveMerge(
  core: DeskCore,
  mergedId: string,
  actor: Actor,
): Promise<Ticket> {
  const merged = await core.load(mergedId);
  if (merged.status !== 'merged' || !merged.mergedInto) {
    throw new TicketryError(
      'TRANSITION_NOT_ALLOWED',
      `${merged.ref} is not merged`,
      { details: { status: merged.status } },
    );
  }
  const link = { type: 'merged_from' as const, ticketId: merged.id };
  const messages = threadOf(await core.store.listEvents(core.siteId, mergedId));
  const result = await writeSide(
    core,
    merged.mergedInto,
    EXTRA_EVENT_TYPES.merge_receive,
    (t) => {
      if (hasLink(t, link)) return null;
      const data: MergeReceivedData = {
        mergedFrom: merged.id,
        mergedFromRef: merged.ref,
        sameRequester: merged.requesterId === t.requesterId,
        messages,
      };
      return { changes: { links: [...t.links, link] }, data: { ...data } };
    },
    actor,
  );
  return result?.ticket ?? core.load(merged.mergedInto);
}

/**
 * Merges a ticket into another through the lifecycle's `merge`
 * command (the merged ticket becomes final), then copies its thread
 * onto the target.
 */
export async function mergeTickets(
  core: DeskCore,
  ticketId: string,
  intoId: string,
  ctx: CommandContext,
): Promise<MergeResult> {
  const { ticket } = await core.execute(
    ticketId,
    { type: 'merge', intoId },
    ctx,
  );
  const target = await receiveMerge(core, ticket.id, ctx.actor);
  return { ticket, target };
}
