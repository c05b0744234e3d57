import type { PendingReason, Status } from '@ticketry/core/public';
import { en, type Messages } from './i18n/en.js';

/**
 * What a requester reads for each status, in English: plain words, no
 * jargon. Other languages are in `i18n/`.
 */
export const STATUS_LABELS: Readonly<Record<Status, string>> = en.status;

/** Why a pending ticket waits, as a requester reads it, in English. */
export const PENDING_LABELS: Readonly<Record<PendingReason, string>> =
  en.pending;

/**
 * The categories offered when the `categories` attribute is not set.
 * Each is within the schema's label limit. These values are sent as they
 * are; the form shows them in the requester's language.
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
 * The `categories` attribute as a list: comma-separated, trimmed, empty
 * entries dropped; the defaults when nothing is left.
 */
export function parseCategories(value: string | null): readonly string[] {
  const list = (value ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return list.length ? list : DEFAULT_CATEGORIES;
}

/**
 * A short phrase for a status, naming the pending reason when there is
 * one: what the live region announces when the status changes.
 */
export function describeStatus(
  status: Status,
  pendingReason: PendingReason | null,
  t: Messages = en,
): string {
  if (status === 'pending' && pendingReason) return t.pending[pendingReason];
  return t.status[status];
}
