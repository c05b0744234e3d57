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
  const actions = requesterActions(ticket.status, ticket.pendingReason);
  const until = ticket.reopenUntil ? Date.parse(ticket.reopenUntil) : null;
  const windowClosed =
    ticket.status === 'resolved' && until !== null && now > until;
  const refused = ticket.status === 'closed' && policy === 'reject';
  return {
    accept: actions.includes('accept'),
    reject: actions.includes('reject') && !windowClosed,
    rate: actions.includes('rate'),
    reply: actions.includes('reply') && !windowClosed && !refused,
    windowClosed,
  };
}
