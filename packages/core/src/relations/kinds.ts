import { z } from 'zod';
import { idSchema } from '../schemas/common.js';
import type { Ticket, TicketLink } from '../schemas/ticket.js';

/** A link's type, as the ticket holding it reads it. */
export type LinkType = TicketLink['type'];

/**
 * The link the other ticket records for each type; null for links
 * with no mirror (`merged_from` mirrors the `mergedInto` field,
 * `follow_up_of` is kept on the follow-up only).
 */
export const INVERSE_LINK: Record<LinkType, LinkType | null> = {
  related: 'related',
  duplicate_of: 'duplicated_by',
  duplicated_by: 'duplicate_of',
  parent_of: 'child_of',
  child_of: 'parent_of',
  depends_on: 'blocks',
  blocks: 'depends_on',
  split_from: 'split_into',
  split_into: 'split_from',
  merged_from: null,
  follow_up_of: null,
};

/** The types agents add and remove by hand; the rest come from merge, split and replies. */
export const EDITABLE_LINK_TYPES = [
  'related',
  'duplicate_of',
  'duplicated_by',
  'parent_of',
  'child_of',
  'depends_on',
  'blocks',
] as const;

/** What `link` and `unlink` take: a type and the other ticket. */
export const linkInputSchema = z.object({
  type: z.enum(EDITABLE_LINK_TYPES),
  ticketId: idSchema,
});

export type LinkInput = z.infer<typeof linkInputSchema>;

/**
 * Directed families: an edge runs from the ticket holding `forward`
 * to the one it names (child to parent, dependant to dependency,
 * duplicate to original). None may loop; `single` allows one outgoing
 * edge per ticket (one parent, one original).
 */
export const FAMILIES = [
  { forward: 'child_of', reverse: 'parent_of', single: true },
  { forward: 'depends_on', reverse: 'blocks', single: false },
  { forward: 'duplicate_of', reverse: 'duplicated_by', single: true },
] as const;

export type Family = (typeof FAMILIES)[number];

/** A directed edge of a family: `from` points at `to`. */
export interface Edge {
  family: Family;
  from: string;
  to: string;
}

/** The directed edge a new link stands for, or null for `related`. */
export function edgeOf(ticketId: string, link: TicketLink): Edge | null {
  for (const family of FAMILIES) {
    if (link.type === family.forward) {
      return { family, from: ticketId, to: link.ticketId };
    }
    if (link.type === family.reverse) {
      return { family, from: link.ticketId, to: ticketId };
    }
  }
  return null;
}

/** Whether a ticket holds this exact link. */
export const hasLink = (t: Ticket, link: TicketLink): boolean =>
  t.links.some((l) => l.type === link.type && l.ticketId === link.ticketId);

/** The ids a ticket links to with one type. */
export const linkedIds = (t: Ticket, type: LinkType): string[] =>
  t.links.filter((l) => l.type === type).map((l) => l.ticketId);

/** Statuses in which a ticket's work is over. */
export const FINISHED = new Set<Ticket['status']>([
  'resolved',
  'closed',
  'cancelled',
  'merged',
]);
