/**
 * The shapes the console reads from the API. Types only: nothing of
 * core's schemas reaches the bundle.
 */
export type {
  Agent,
  AuditEvent,
  MetricsReport,
  SlaExplanation,
  Ticket,
} from '@ticketry/core';

/** The console's screens. */
export type ConsoleView =
  | 'sign-in'
  | 'queue'
  | 'ticket'
  | 'dashboard'
  | 'alerts';

/** The queues an agent works from. */
export type QueueName =
  | 'mine'
  | 'team'
  | 'unassigned'
  | 'breaching'
  | 'risk'
  | 'all';
