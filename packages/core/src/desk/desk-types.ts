import type { Clock } from '../clock.js';
import type { PriorityMatrix } from '../priority.js';
import type {
  Command,
  CommandInput,
  SubmitInput,
} from '../schemas/commands.js';
import type { Actor } from '../schemas/common.js';
import type { AuditEvent, EventType } from '../schemas/event.js';
import type { Ticket, TicketChanges } from '../schemas/ticket.js';
import type { SlaTrigger } from '../sla/clocks.js';
import type { SlaConfigInput, SlaRegistry } from '../sla/registry.js';
import type { TicketStore } from '../store/types.js';
import type { AccessOptions } from './access-options.js';
import type { SlaHooks } from './sla-timers.js';
import type { SubmitOptions, SubmitResult } from './submit.js';

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
  /** JSON added to the event's `data` (automation marks its events). */
  data?: Record<string, unknown>;
}

/** An accepted command: the ticket after it and the event it recorded. */
export interface CommandResult {
  ticket: Ticket;
  event: AuditEvent;
}

/**
 * A module's check of a command before it is written (after the
 * lifecycle allowed it): throws a TicketryError to refuse it.
 */
export type CommandCheck = (
  t: Ticket,
  c: Command,
  actor: Actor,
  at: string,
) => Promise<void> | void;

/** Called after every accepted command, in process. */
export type DeskListener = (event: AuditEvent, ticket: Ticket) => void;

/**
 * The desk's own operations, handed to the modules that extend it
 * (routing, relations, people, automation). Everything they change
 * goes through `execute` or `record`, so it is audited like the rest.
 */
export interface DeskCore {
  store: TicketStore;
  siteId: string;
  clock: Clock;
  /** The actor of automatic changes. */
  system: Actor;
  /** Reads a ticket or throws NOT_FOUND. */
  load(ticketId: string): Promise<Ticket>;
  submit(input: SubmitInput, opts?: SubmitOptions): Promise<SubmitResult>;
  execute(
    ticketId: string,
    input: CommandInput,
    ctx: CommandContext,
  ): Promise<CommandResult>;
  /**
   * Writes a change outside the lifecycle's commands (a link, a
   * watcher) as one audited event against the version read.
   */
  record(
    t: Ticket,
    type: EventType,
    changes: TicketChanges,
    data: Record<string, unknown> | null,
    at: string,
    actor?: Actor,
  ): Promise<CommandResult>;
  /** Adds SLA state and `dueAt` that follow from a change. */
  settle(
    t: Ticket,
    base: TicketChanges,
    trigger: SlaTrigger,
    at: string,
  ): TicketChanges;
  subscribe(listener: DeskListener): () => void;
  /** Adds a check every command passes before it is written. */
  addCheck(check: CommandCheck): () => void;
}
