import type { CommandResult } from '../desk/desk-types.js';
import { retryWhileConflict } from '../desk/retry.js';
import { TicketryError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import { type AuditEvent, EXTRA_EVENT_TYPES } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import {
  type ApprovalDecision,
  type ApprovalRule,
  checkApprover,
  isApprover,
  parseApprovalDecision,
  parseApprovalRules,
} from './approval-rules.js';
import type { PeopleDesk } from './people-desk.js';

export type { ApprovalDecision, ApprovalRule } from './approval-rules.js';

/** Options of {@link createApprovals}. */
export interface ApprovalsOptions {
  /** Ticket types that need approval, one rule each. */
  rules: ApprovalRule[];
  /**
   * Gate tickets as the desk submits and triages them, in process.
   * Off: call `gate` yourself. @default true
   */
  watch?: boolean;
  /** Hears a gate that failed in the background. @default ignore */
  onError?: (error: unknown, ticketId: string) => void;
}

/** A page of tickets waiting for approval. */
export interface PendingApprovals {
  items: Ticket[];
  nextCursor: string | null;
}

/** The events that may give a ticket a type that needs approval. */
const GATED_ON = new Set(['ticket.submitted', 'ticket.triaged']);

const FALLBACK_RULE: ApprovalRule = {
  ticketType: 'change',
  approvers: 'team_supervisor',
};

/** Statuses before work starts, where a ticket can be gated. */
const BEFORE_WORK = new Set(['new', 'open', 'assigned']);

/** Commands that start work, refused while approval is outstanding. */
const STARTS_WORK = new Set(['assign', 'start', 'resolve']);

const waiting = (t: Ticket) =>
  t.status === 'pending' && t.pendingReason === 'approval';

/**
 * Approvals for ticket types that need them. A new, open or assigned
 * (not started) ticket of such a type goes `pending` for `approval`
 * (the system's `ticket.pended` and `ticket.approval_requested`, after
 * a `ticket.unassigned` when it was assigned); no work starts while it
 * waits. An approver's `approve` records
 * `ticket.approval_granted` (who and why) and resumes the ticket to
 * `open`; `reject` records `ticket.approval_refused` and cancels the
 * ticket with reason `rejected`. Anyone else is refused with FORBIDDEN.
 *
 * @example
 * const approvals = createApprovals(desk, {
 *   rules: [{ ticketType: 'change', approvers: 'team_supervisor' }],
 * });
 * await approvals.approve(ticket.id, { reason: 'Budgeted' }, supervisor);
 */
export function createApprovals(desk: PeopleDesk, options: ApprovalsOptions) {
  const { core } = desk;
  const rules = parseApprovalRules(options.rules);
  const inFlight = new Set<Promise<unknown>>();
  const system = core.system;

  /** The rule a ticket falls under, or null. */
  const ruleFor = (t: Ticket): ApprovalRule | null =>
    rules.find((r) => r.ticketType === t.type) ?? null;

  const needsGate = (t: Ticket) =>
    ruleFor(t) !== null &&
    BEFORE_WORK.has(t.status) &&
    t.approval?.status !== 'approved';

  async function gateOnce(ticketId: string): Promise<CommandResult | null> {
    let t = await core.load(ticketId);
    if (!needsGate(t)) return null;
    if (t.status === 'assigned') {
      // Typed at triage after a router assigned it: back to the queue.
      const ctx = { actor: system, expectedVersion: t.version };
      t = (await core.execute(t.id, { type: 'unassign' }, ctx)).ticket;
    }
    const pended = await core.execute(
      t.id,
      { type: 'pend', reason: 'approval' },
      { actor: system, expectedVersion: t.version },
    );
    const at = core.clock.now().toISOString();
    const approval = {
      status: 'pending' as const,
      requestedAt: at,
      decidedBy: null,
      decidedAt: null,
    };
    const rule = ruleFor(t);
    return core.record(
      pended.ticket,
      EXTRA_EVENT_TYPES.request_approval,
      { approval },
      { approvers: rule?.approvers ?? null },
      at,
      system,
    );
  }

  /**
   * Sends a ticket of a type that needs approval, not yet started, to
   * wait for it; null when nothing was to do. Retries a conflict.
   */
  function gate(ticketId: string): Promise<CommandResult | null> {
    return retryWhileConflict(() => gateOnce(ticketId));
  }

  function track(ticketId: string) {
    const run = gate(ticketId).catch((e) => options.onError?.(e, ticketId));
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  const listener = (event: AuditEvent, t: Ticket) => {
    if (GATED_ON.has(event.type) && needsGate(t)) track(t.id);
  };
  const unsubscribe =
    options.watch === false ? () => {} : core.subscribe(listener);

  // Nothing starts work on a gated ticket before its gate ran: a router
  // or a quick agent may act between submission and the gate.
  // The refused ticket is gated now, if the desk's events did not.
  const removeCheck = core.addCheck((t, c) => {
    if (!STARTS_WORK.has(c.type) || !needsGate(t)) return;
    if (options.watch !== false) track(t.id);
    throw new TicketryError(
      'TRANSITION_NOT_ALLOWED',
      `${t.ref} needs approval before work starts`,
      { details: { ticketType: t.type, command: c.type } },
    );
  });
  const stop = () => {
    unsubscribe();
    removeCheck();
  };

  async function decide(
    ticketId: string,
    input: ApprovalDecision,
    actor: Actor,
    granted: boolean,
  ): Promise<CommandResult> {
    const t = await core.load(ticketId);
    // Retyped while waiting to a type without a rule: supervisors decide.
    const rule = ruleFor(t) ?? FALLBACK_RULE;
    if (!waiting(t)) {
      throw new TicketryError(
        'TRANSITION_NOT_ALLOWED',
        `${t.ref} is not waiting for approval`,
        { details: { status: t.status, pendingReason: t.pendingReason } },
      );
    }
    const agent = await checkApprover(desk, rule, t, actor);
    const { reason } = parseApprovalDecision(input, !granted);
    const at = core.clock.now().toISOString();
    const approval = {
      status: granted ? ('approved' as const) : ('rejected' as const),
      requestedAt: t.approval?.requestedAt ?? at,
      decidedBy: agent.id,
      decidedAt: at,
    };
    const type = granted
      ? EXTRA_EVENT_TYPES.approve
      : EXTRA_EVENT_TYPES.disapprove;
    const data = { approverId: agent.id, reason: reason ?? null };
    const decided = await core.record(t, type, { approval }, data, at, actor);
    const next = granted
      ? { type: 'resume' as const }
      : { type: 'cancel' as const, reason: 'rejected' as const, note: reason };
    return core.execute(t.id, next, {
      actor: system,
      expectedVersion: decided.ticket.version,
    });
  }

  /** Tickets waiting for approval; with `actor`, only theirs to decide. */
  async function listPending(
    query: { actor?: Actor; limit?: number; cursor?: string | null } = {},
  ): Promise<PendingApprovals> {
    const page = await core.store.listTickets(core.siteId, {
      status: ['pending'],
      sort: 'createdAt',
      limit: query.limit ?? 50,
      cursor: query.cursor ?? null,
    });
    const agent =
      query.actor?.id && query.actor.role !== 'requester'
        ? await core.store.getAgent(core.siteId, query.actor.id)
        : null;
    const items = page.items.filter((t) => {
      const rule = ruleFor(t) ?? FALLBACK_RULE;
      if (!waiting(t)) return false;
      return !query.actor || (agent !== null && isApprover(rule, t, agent));
    });
    return { items, nextCursor: page.nextCursor };
  }

  return {
    /** The parsed rules, one per ticket type. */
    rules,
    ruleFor,
    gate,
    /** Approves: `ticket.approval_granted`, then resumed to `open`. */
    approve: (id: string, input: ApprovalDecision, actor: Actor) =>
      decide(id, input, actor, true),
    /** Refuses (a reason is required): then cancelled as `rejected`. */
    reject: (id: string, input: ApprovalDecision, actor: Actor) =>
      decide(id, input, actor, false),
    listPending,
    /** Resolves when every gate started by the desk's events is done. */
    idle: async () => {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    /** Stops gating on the desk's events and refusing early work. */
    stop,
  };
}

/** Approvals made by {@link createApprovals}. */
export type Approvals = ReturnType<typeof createApprovals>;
