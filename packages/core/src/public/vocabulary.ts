/**
 * The words every Ticketry package shares: statuses, pending reasons,
 * roles and channels. Plain arrays so the widget can use them without
 * pulling any schema library.
 */

/** Every status a ticket can be in, in lifecycle order. */
export const STATUSES = [
  'new',
  'open',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
  'cancelled',
  'merged',
] as const;

export type Status = (typeof STATUSES)[number];

/**
 * Why a ticket waits; every reason pauses SLA clocks by default.
 * `approval` is set by the desk alone (people/approvals.ts).
 */
export const PENDING_REASONS = [
  'requester',
  'vendor',
  'change',
  'problem',
  'approval',
] as const;

export type PendingReason = (typeof PENDING_REASONS)[number];

/** Who acts on a ticket. `system` is automation and the scheduler. */
export const ROLES = ['requester', 'agent', 'supervisor', 'system'] as const;

export type Role = (typeof ROLES)[number];

/** Where a ticket came from. `import` marks replayed history. */
export const CHANNELS = [
  'web',
  'email',
  'api',
  'chat',
  'phone',
  'import',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Statuses after which a ticket takes no more work. */
export const FINAL_STATUSES: readonly Status[] = [
  'closed',
  'cancelled',
  'merged',
];
