import { setup } from 'xstate';
import {
  PENDING_REASONS,
  type PendingReason,
  type Role,
} from '../public/vocabulary.js';
import type { AnyCommandType } from '../schemas/commands.js';
import type { SlaEventName } from '../schemas/event.js';

/** The event the machine takes: a command's name, who sends it, why. */
export interface LifecycleEvent {
  type: AnyCommandType | SlaEventName;
  role: Role;
  reason?: PendingReason;
}

type Guarded = {
  target: string;
  guard: { type: 'allowed'; params: { roles: Role[]; reason?: PendingReason } };
};

const ALL: Role[] = ['requester', 'agent', 'supervisor', 'system'];
const STAFF: Role[] = ['agent', 'supervisor'];
const STAFF_SYSTEM: Role[] = ['agent', 'supervisor', 'system'];
const PEOPLE: Role[] = ['requester', 'agent', 'supervisor'];
const SYSTEM: Role[] = ['system'];

const to = (target: string, roles: Role[]): Guarded => ({
  target: `#ticket.${target}`,
  guard: { type: 'allowed', params: { roles } },
});

const pendTo = (roles: Role[]): Guarded[] =>
  PENDING_REASONS.filter((r) => r !== 'approval').map((reason) => ({
    target: `#ticket.pending.${reason}`,
    guard: { type: 'allowed', params: { roles, reason } },
  }));

/** Only the desk's approval module sends a ticket to wait for approval. */
const pendApproval: Guarded = {
  target: '#ticket.pending.approval',
  guard: { type: 'allowed', params: { roles: SYSTEM, reason: 'approval' } },
};

/** Commands that leave a working ticket where it is. */
const stay = (here: string) => ({
  triage: to(here, STAFF_SYSTEM),
  update: to(here, STAFF_SYSTEM),
  note: to(here, STAFF_SYSTEM),
});

/**
 * SLA events of a status whose clocks run: timers fired by the
 * scheduler, and a deliberate policy migration. None moves the status.
 */
const timed = (here: string) => ({
  sla_warn: to(here, SYSTEM),
  sla_breach: to(here, SYSTEM),
  escalate: to(here, SYSTEM),
  sla_migrate: to(here, ['supervisor', 'system']),
});

/** Commands every working status shares. */
const working = (here: string) => ({
  ...stay(here),
  ...timed(here),
  assign: to('assigned', STAFF_SYSTEM),
  // The system resolves a parent whose last child resolved (relations).
  resolve: to('resolved', STAFF_SYSTEM),
  cancel: to('cancelled', PEOPLE),
  merge: to('merged', STAFF),
});

/**
 * Waiting for approval: no work starts. Nobody assigns, starts,
 * resolves or re-pends it; only the approval module resumes it (back
 * to `open`) or cancels it on a refusal; the requester may withdraw.
 */
const approvalState = {
  on: {
    ...stay('pending.approval'),
    ...timed('pending.approval'),
    resume: to('open', SYSTEM),
    cancel: to('cancelled', ALL),
    merge: to('merged', STAFF),
    remind: to('pending.approval', SYSTEM),
    reply: to('pending.approval', PEOPLE),
  },
};

const pendingState = (reason: PendingReason) => ({
  on: {
    ...working(`pending.${reason}`),
    pend: pendTo(STAFF),
    resume: to('in_progress', STAFF_SYSTEM),
    remind: to(`pending.${reason}`, SYSTEM),
    reply:
      reason === 'requester'
        ? [to('in_progress', ['requester']), to(`pending.${reason}`, STAFF)]
        : to(`pending.${reason}`, PEOPLE),
  },
});

/**
 * The ticket lifecycle: the single source of truth for which command is
 * allowed in which status, for which role, and where it leads. A command
 * the status does not handle is not allowed there; one it handles but
 * not for the sender's role is forbidden.
 */
export const lifecycleMachine = setup({
  types: { events: {} as LifecycleEvent },
  guards: {
    allowed: ({ event }, params: { roles: Role[]; reason?: PendingReason }) =>
      params.roles.includes(event.role) &&
      (params.reason === undefined || params.reason === event.reason),
  },
}).createMachine({
  id: 'ticket',
  initial: 'draft',
  states: {
    draft: { on: { submit: to('new', ALL) } },
    new: {
      on: {
        ...working('new'),
        pend: pendApproval,
        triage: to('open', STAFF_SYSTEM),
        reply: to('new', PEOPLE),
      },
    },
    open: {
      on: { ...working('open'), pend: pendApproval, reply: to('open', PEOPLE) },
    },
    assigned: {
      on: {
        ...working('assigned'),
        start: to('in_progress', STAFF),
        // Back to the queue: an assignment nobody accepted in time.
        unassign: to('open', STAFF_SYSTEM),
        reply: to('assigned', PEOPLE),
      },
    },
    in_progress: {
      on: {
        ...working('in_progress'),
        pend: pendTo(STAFF),
        reply: to('in_progress', PEOPLE),
      },
    },
    pending: {
      initial: 'requester',
      states: {
        requester: pendingState('requester'),
        vendor: pendingState('vendor'),
        change: pendingState('change'),
        problem: pendingState('problem'),
        approval: approvalState,
      },
    },
    resolved: {
      on: {
        update: to('resolved', STAFF_SYSTEM),
        note: to('resolved', STAFF_SYSTEM),
        reply: [to('in_progress', ['requester']), to('resolved', STAFF)],
        accept: to('closed', ['requester', 'supervisor']),
        reject: to('in_progress', ['requester', 'supervisor', 'system']),
        rate: to('resolved', ['requester']),
        close: to('closed', STAFF_SYSTEM),
      },
    },
    closed: {
      on: {
        note: to('closed', STAFF_SYSTEM),
        reply: to('in_progress', ['requester']),
        rate: to('closed', ['requester']),
      },
    },
    cancelled: { on: { note: to('cancelled', STAFF_SYSTEM) } },
    merged: { on: { note: to('merged', STAFF_SYSTEM) } },
  },
});

/** Every state the machine can be in, as `status` or `pending.reason`. */
export const MACHINE_STATES = [
  'draft',
  'new',
  'open',
  'assigned',
  'in_progress',
  ...PENDING_REASONS.map((r) => `pending.${r}` as const),
  'resolved',
  'closed',
  'cancelled',
  'merged',
] as const;

export type MachineState = (typeof MACHINE_STATES)[number];
