// Generated from the lifecycle machine by
// `npx tsx packages/core/scripts/requester-actions.ts`; do not edit.
// src/machine/requester-actions.test.ts fails when the two differ.
import type { PendingReason, Status } from './vocabulary.js';

/** A command a requester may send on their own ticket. */
export type RequesterCommand =
  | 'reply'
  | 'accept'
  | 'reject'
  | 'rate'
  | 'cancel';

/** A status, with the reason of a pending one: `pending.vendor`. */
export type RequesterState =
  | Exclude<Status, 'pending'>
  | `pending.${PendingReason}`;

/**
 * The commands the lifecycle machine lets a requester send in each
 * state, in lifecycle order. The desk also checks what the table
 * cannot see: the reopen window of a resolved ticket and the
 * desk's closed-reply policy (see docs/permissions.md).
 */
export const REQUESTER_ACTIONS: Readonly<
  Record<RequesterState, readonly RequesterCommand[]>
> = {
  new: ['reply', 'cancel'],
  open: ['reply', 'cancel'],
  assigned: ['reply', 'cancel'],
  in_progress: ['reply', 'cancel'],
  'pending.requester': ['reply', 'cancel'],
  'pending.vendor': ['reply', 'cancel'],
  'pending.change': ['reply', 'cancel'],
  'pending.problem': ['reply', 'cancel'],
  'pending.approval': ['reply', 'cancel'],
  resolved: ['reply', 'accept', 'reject', 'rate'],
  closed: ['reply', 'rate'],
  cancelled: [],
  merged: [],
};

/**
 * The commands a requester may send on a ticket in `status`; a
 * pending ticket without a reason counts as waiting for the requester.
 *
 * @example
 * requesterActions('resolved', null); // ['reply', 'accept', 'reject', 'rate']
 */
export function requesterActions(
  status: Status,
  pendingReason: PendingReason | null,
): readonly RequesterCommand[] {
  const state: RequesterState =
    status === 'pending' ? `pending.${pendingReason ?? 'requester'}` : status;
  return REQUESTER_ACTIONS[state];
}
