import type { CommandResult, DeskCore } from '../desk/desk-types.js';
import { TicketryError, validationError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';
import type { Ticket, TicketLink } from '../schemas/ticket.js';
import {
  type Edge,
  edgeOf,
  hasLink,
  INVERSE_LINK,
  type LinkInput,
  linkedIds,
  linkInputSchema,
} from './kinds.js';
import { checkStaff, linkRefused, writeSide } from './write.js';

/** How far a loop check walks before it gives up and refuses. */
const MAX_WALK = 1000;

/** Both tickets after a link or unlink, and the events written. */
export interface LinkResult {
  ticket: Ticket;
  other: Ticket;
  /** The events written: none when the link was already as asked. */
  events: CommandResult['event'][];
}

function parseLink(input: LinkInput): LinkInput {
  const parsed = linkInputSchema.safeParse(input);
  if (!parsed.success) throw validationError('link', parsed.error.issues);
  return parsed.data;
}

/**
 * Walks the family's edges from `start`; true when `goal` is reached,
 * so an edge from `goal` to `start` would close a loop.
 */
async function reaches(
  core: DeskCore,
  edge: Edge,
  start: string,
  goal: string,
): Promise<boolean> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const t = await core.store.getTicket(core.siteId, queue.shift()!);
    for (const next of t ? linkedIds(t, edge.family.forward) : []) {
      if (next === goal) return true;
      if (seen.has(next)) continue;
      if (seen.size >= MAX_WALK) {
        throw linkRefused('too_deep', `more than ${MAX_WALK} linked tickets`);
      }
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}

async function checkEdge(core: DeskCore, edge: Edge, a: Ticket, b: Ticket) {
  const from = edge.from === a.id ? a : b;
  const taken = linkedIds(from, edge.family.forward).filter(
    (id) => id !== edge.to,
  );
  if (edge.family.single && taken.length > 0) {
    throw linkRefused(
      `has_${edge.family.forward}`,
      `${from.ref} already has a ${edge.family.forward} link`,
      { ticketId: taken[0] },
    );
  }
  if (await reaches(core, edge, edge.to, edge.from)) {
    throw new TicketryError(
      'LINK_CYCLE',
      `${edge.family.forward} from ${from.ref} would close a loop`,
      { details: { type: edge.family.forward, from: edge.from, to: edge.to } },
    );
  }
}

/** Loads both tickets and refuses what may not be linked. */
async function loadPair(
  core: DeskCore,
  ticketId: string,
  link: LinkInput,
  actor: Actor,
): Promise<[Ticket, Ticket]> {
  if (ticketId === link.ticketId) {
    throw linkRefused('self', 'a ticket cannot be linked to itself');
  }
  const a = await core.load(ticketId);
  await checkStaff(core, a, actor);
  // Scoped to the desk's site: another site's ticket is NOT_FOUND.
  const b = await core.load(link.ticketId);
  for (const t of [a, b]) {
    if (t.status === 'merged') {
      throw linkRefused('merged', `${t.ref} was merged; link its target`, {
        ticketId: t.id,
        mergedInto: t.mergedInto,
      });
    }
  }
  return [a, b];
}

const mirror = (holder: string, link: TicketLink): TicketLink => ({
  type: INVERSE_LINK[link.type] ?? link.type,
  ticketId: holder,
});

/**
 * Links two tickets of this desk: `link.type` as the first reads it,
 * the mirror type on the other, one `ticket.linked` event on each.
 * A link already there writes nothing.
 */
export async function addLink(
  core: DeskCore,
  ticketId: string,
  input: LinkInput,
  actor: Actor,
): Promise<LinkResult> {
  const link = parseLink(input);
  const [a, b] = await loadPair(core, ticketId, link, actor);
  const edge = edgeOf(a.id, link);
  if (edge && !hasLink(a, link)) await checkEdge(core, edge, a, b);
  const data = { link, origin: a.id };
  const add = (holder: string, l: TicketLink) => (t: Ticket) =>
    hasLink(t, l)
      ? null
      : { changes: { links: [...t.links, l] }, data: { ...data, holder } };
  return both(core, EXTRA_EVENT_TYPES.link, a, b, link, add, actor);
}

/**
 * Removes a link from both tickets, one `ticket.unlinked` event on
 * each; a mirror already missing on the other side is not an error,
 * so unlink also repairs a half-written link.
 */
export async function removeLink(
  core: DeskCore,
  ticketId: string,
  input: LinkInput,
  actor: Actor,
): Promise<LinkResult> {
  const link = parseLink(input);
  const a = await core.load(ticketId);
  await checkStaff(core, a, actor);
  if (!hasLink(a, link)) {
    throw new TicketryError('NOT_FOUND', `${a.ref} has no such link`, {
      details: { link },
    });
  }
  const b = await core.load(link.ticketId);
  const data = { link, origin: a.id };
  const drop = (holder: string, l: TicketLink) => (t: Ticket) =>
    hasLink(t, l)
      ? {
          changes: {
            links: t.links.filter(
              (x) => x.type !== l.type || x.ticketId !== l.ticketId,
            ),
          },
          data: { ...data, holder },
        }
      : null;
  return both(core, EXTRA_EVENT_TYPES.unlink, a, b, link, drop, actor);
}

type Builder = (
  holder: string,
  l: TicketLink,
) => Parameters<typeof writeSide>[3];

async function both(
  core: DeskCore,
  type: Parameters<typeof writeSide>[2],
  a: Ticket,
  b: Ticket,
  link: TicketLink,
  build: Builder,
  actor: Actor,
): Promise<LinkResult> {
  const back = mirror(a.id, link);
  const first = await writeSide(core, a.id, type, build(a.id, link), actor);
  const second = await writeSide(core, b.id, type, build(b.id, back), actor);
  return {
    ticket: first?.ticket ?? (await core.load(a.id)),
    other: second?.ticket ?? (await core.load(b.id)),
    events: [first?.event, second?.event].filter((e) => e !== undefined),
  };
}
