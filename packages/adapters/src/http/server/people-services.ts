import {
  type Approvals,
  type Organizations,
  TicketryError,
  type WatcherMethods,
} from '@ticketry/core';
import { type Caller, requireTicketAccess } from './auth.js';
import type { RouteContext } from './route.js';

/** The people modules the HTTP API serves; each is optional. */
export interface PeopleServices {
  organizations?: Organizations;
  watchers?: WatcherMethods;
  approvals?: Approvals;
}

/** A people module, or 404 when this server has none. */
export function peopleService<K extends keyof PeopleServices>(
  ctx: RouteContext,
  name: K,
): NonNullable<PeopleServices[K]> {
  const service = ctx.services.people?.[name];
  if (!service) {
    throw new TicketryError('NOT_FOUND', `${name} are not configured here`);
  }
  return service as NonNullable<PeopleServices[K]>;
}

/**
 * Read access to a ticket: {@link requireTicketAccess}, or, for a
 * host-verified identity, a ticket of a fellow member of an
 * organization that shares tickets. Writing still needs the ticket's
 * own requester (`actorFor`), so colleagues only read. Refusals are the
 * same 403 whether the ticket exists or not.
 */
export async function requireTicketRead(
  ctx: RouteContext,
  caller: Caller,
  ticketId: string,
): Promise<void> {
  try {
    await requireTicketAccess(ctx.desk, caller, ticketId);
  } catch (error) {
    const orgs = ctx.services.people?.organizations;
    if (!orgs || caller.kind !== 'identity') throw error;
    const ticket = await ctx.desk.get(ticketId);
    const reader = {
      email: caller.identity.email,
      requesterId: caller.requesterId,
    };
    if (!ticket || !(await orgs.canRead(ticket, reader))) throw error;
  }
}
