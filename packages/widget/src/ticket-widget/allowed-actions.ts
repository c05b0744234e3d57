import { type PublicTicket, requesterActions } from '@ticketry/core/public';
import type { ClosedReplyPolicy } from './tracking-schemas.js';

/** What the requester may do on a ticket now. */
export interface Allowed {
  accept: boolean;
  reject: boolean;
  rate: boolean;
  reply: boolean;
  /** A resolved ticket whose reopen window has passed. */
  windowClosed: boolean;
}

/**
 * The requester's actions on `ticket` at `now`: the lifecycle machine's
 * table from `@ticketry/core/public`, narrowed by what the desk checks
 * on data: the reopen window of a resolved ticket (reject and reply)
 * and the closed-reply policy (`reject` refuses replies when closed).
 */
export function allowedActions(
  ticket: PublicTicket,
  policy: ClosedReplyPolicy | null,
  now: number,
): Allowed {
  const { status, pendingReason, reopenUntil } = ticket;
  const actions: readonly string[] = requesterActions(status, pendingReason);
  const may = (action: string) => actions.includes(action);
  const windowClosed =
    status === 'resolved' && !!reopenUntil && now > Date.parse(reopenUntil);
  const refused = status === 'closed' && policy === 'reject';
  return {
    accept: may('accept'),
    reject: may('reject') && !windowClosed,
    rate: may('rate'),
    reply: may('reply') && !windowClosed && !refused,
    windowClosed,
  };
}
