import { z } from 'zod';
import type { Clock } from '../clock.js';
import { toPublicTicket } from '../desk/public-view.js';
import { shown, TicketryError } from '../errors.js';
import { publicTicketSchema } from '../public/ticket-view.js';
import { type Requester, requesterSchema } from '../schemas/people.js';
import type { TicketStore } from '../store/types.js';

/** What a requester's data export holds. */
export const requesterExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  requester: requesterSchema.omit({ siteId: true }),
  /** Each of their tickets as they see it, conversation included. */
  tickets: z.array(publicTicketSchema),
});

export type RequesterExport = z.infer<typeof requesterExportSchema>;

/** What `eraseRequester` did. */
export const requesterErasureSchema = z.object({
  requesterId: z.string(),
  erasedAt: z.iso.datetime(),
  /** False when the requester had been erased before: nothing changed. */
  changed: z.boolean(),
  /** Their tickets, whose history and text stay as written. */
  tickets: z.number().int().min(0),
});

export type RequesterErasure = z.infer<typeof requesterErasureSchema>;

/** The email an erased requester keeps: unique, never deliverable. */
export const erasedEmail = (requesterId: string) =>
  `erased-${requesterId}@erased.invalid`;

interface Scope {
  store: TicketStore;
  siteId: string;
  clock: Clock;
}

async function load(scope: Scope, requesterId: string): Promise<Requester> {
  const found = await scope.store.getRequester(scope.siteId, requesterId);
  if (!found) {
    throw new TicketryError('NOT_FOUND', `no requester ${shown(requesterId)}`, {
      details: { requesterId },
    });
  }
  return found;
}

async function ticketsOf(scope: Scope, requesterId: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await scope.store.listTickets(scope.siteId, {
      requesterId,
      sort: 'createdAt',
      limit: 200,
      cursor,
    });
    ids.push(...page.items.map((t) => t.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/**
 * A requester's data as JSON: their record and each of their tickets
 * as they see it (public fields and the public conversation; internal
 * notes and staff details are not theirs to receive).
 */
export async function exportRequester(
  scope: Scope,
  requesterId: string,
): Promise<RequesterExport> {
  const { siteId: _, ...requester } = await load(scope, requesterId);
  const tickets = [];
  for (const id of await ticketsOf(scope, requesterId)) {
    const ticket = await scope.store.getTicket(scope.siteId, id);
    if (!ticket) continue;
    const events = await scope.store.listEvents(scope.siteId, id);
    tickets.push(toPublicTicket(ticket, events));
  }
  return { exportedAt: scope.clock.now().toISOString(), requester, tickets };
}

/**
 * Erases a requester's personal data: the record's email becomes
 * {@link erasedEmail} and its name null, stamped `erasedAt`. Tickets
 * and events carry only the requester's id, so no audit event changes
 * and every chain still verifies; what the requester wrote in their
 * tickets stays (docs/audit.md says why and what to do about it).
 */
export async function eraseRequester(
  scope: Scope,
  requesterId: string,
): Promise<RequesterErasure> {
  const requester = await load(scope, requesterId);
  const tickets = (await ticketsOf(scope, requesterId)).length;
  if (requester.erasedAt) {
    return {
      requesterId,
      erasedAt: requester.erasedAt,
      changed: false,
      tickets,
    };
  }
  const erasedAt = scope.clock.now().toISOString();
  await scope.store.putRequester({
    ...requester,
    email: erasedEmail(requesterId),
    name: null,
    erasedAt,
  });
  return { requesterId, erasedAt, changed: true, tickets };
}
