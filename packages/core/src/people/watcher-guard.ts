import { TicketryError } from '../errors.js';
import type { Ticket } from '../schemas/ticket.js';

/** Statuses after which a ticket takes no more watchers. */
const FINAL = new Set(['merged', 'cancelled', 'closed']);

/**
 * Local parts of addresses that belong to mail systems, not people:
 * delivery-report senders and addresses nobody reads.
 */
const MACHINES =
  /^(mailer-?daemon|mail-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+._-].*)?$/i;

/** True for a mail system's address (mailer-daemon, postmaster, no-reply…). */
export function isMachineAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  return MACHINES.test(at < 0 ? address : address.slice(0, at));
}

/** Refuses watchers on a ticket that is merged, cancelled or closed. */
export function checkOpenForWatchers(t: Ticket): void {
  if (!FINAL.has(t.status)) return;
  throw new TicketryError(
    'TRANSITION_NOT_ALLOWED',
    `${t.ref} is ${t.status}: it takes no more watchers`,
    { details: { status: t.status } },
  );
}

/**
 * Refuses an address that must never watch a ticket: the desk's own
 * (mail to it would loop back as new tickets) or a mail system's.
 */
export function checkWatcherAddress(
  email: string,
  own: ReadonlySet<string>,
): void {
  const address = email.trim().toLowerCase();
  const why = own.has(address)
    ? 'is the desk’s own address'
    : isMachineAddress(address)
      ? 'belongs to a mail system, not a person'
      : null;
  if (!why) return;
  throw new TicketryError('WATCHER_REFUSED', `this address ${why}`, {
    details: { path: ['email'] },
  });
}
