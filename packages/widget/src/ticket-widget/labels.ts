import type { PendingReason, Status } from '@ticketry/core/public';

/** What a requester reads for each status: plain words, no jargon. */
export const STATUS_LABELS: Record<Status, string> = {
  new: 'Received',
  open: 'Open',
  assigned: 'Assigned to an agent',
  in_progress: 'In progress',
  pending: 'Waiting',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
  merged: 'Merged into another request',
};

/** Why a pending ticket waits, as a requester reads it. */
export const PENDING_LABELS: Record<PendingReason, string> = {
  requester: 'Waiting for your reply',
  vendor: 'Waiting for a supplier',
  change: 'Waiting for a planned change',
  problem: 'Linked to a known problem being fixed',
};

/**
 * The categories offered when the `categories` attribute is not set.
 * Each is within the schema's label limit.
 */
export const DEFAULT_CATEGORIES: readonly string[] = [
  'Hardware',
  'Software',
  'Network',
  'Accounts and access',
  'Email',
  'Printing',
  'Other',
];

/**
 * A short phrase for a status, naming the pending reason when there is
 * one: what the live region announces when the status changes.
 */
export function describeStatus(
  status: Status,
  pendingReason: PendingReason | null,
): string {
  if (status === 'pending' && pendingReason) {
    return PENDING_LABELS[pendingReason];
  }
  return STATUS_LABELS[status];
}
