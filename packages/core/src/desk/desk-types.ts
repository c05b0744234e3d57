import type { Clock } from '../clock.js';
import type { PriorityMatrix } from '../priority.js';
import type { Actor } from '../schemas/common.js';
import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import type { SlaConfigInput, SlaRegistry } from '../sla/registry.js';
import type { TicketStore } from '../store/types.js';
import type { AccessOptions } from './access-options.js';
import type { SlaHooks } from './sla-timers.js';

/** What a requester's reply to a closed ticket does. */
export type ClosedReplyPolicy = 'reopen' | 'reject' | 'new_ticket';

/** Options of {@link createDesk}. */
export interface DeskOptions {
  store: TicketStore;
  /** @default the system clock */
  clock?: Clock;
  /** The site (tenant) this desk serves. @default 'default' */
  siteId?: string;
  /** Prefix of human references. @default 'T-' */
  refPrefix?: string;
  /** @default DEFAULT_PRIORITY_MATRIX (ITIL) */
  priorityMatrix?: PriorityMatrix;
  /** How long a requester may reject a resolution. @default 7 days */
  reopenWindowMs?: number;
  /** How long a resolved ticket waits before it closes itself. @default 5 days */
  autoCloseAfterMs?: number;
  /** @default 'new_ticket' */
  closedReplyPolicy?: ClosedReplyPolicy;
  /**
   * SLA calendars and policies (see docs/sla.md), or a registry made by
   * `createSlaRegistry` to share between desks. @default no SLAs
   */
  sla?: SlaConfigInput | SlaRegistry;
  /** Escalation hooks and named automations. @default none */
  slaHooks?: SlaHooks;
  /**
   * Lifetimes of requester access tokens and console sessions, password
   * hashing and sign-in lockout (docs/security.md). @default 90-day
   * tokens, 12-hour sessions that end after 2 idle hours
   */
  access?: AccessOptions;
}

/** Who sends a command and the version they read. */
export interface CommandContext {
  actor: Actor;
  /** The version the caller read; a newer ticket is a conflict. */
  expectedVersion?: number;
}

/** An accepted command: the ticket after it and the event it recorded. */
export interface CommandResult {
  ticket: Ticket;
  event: AuditEvent;
}

/** Called after every accepted command, in process. */
export type DeskListener = (event: AuditEvent, ticket: Ticket) => void;
