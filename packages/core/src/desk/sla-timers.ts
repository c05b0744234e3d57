import { ConflictError, TicketryError } from '../errors.js';
import { PRIORITIES } from '../schemas/common.js';
import {
  type AuditEvent,
  type EventType,
  SLA_EVENT_TYPES,
  type SlaEventName,
} from '../schemas/event.js';
import type { Ticket, TicketChanges } from '../schemas/ticket.js';
import { slaEventOutcome } from '../sla/machine-events.js';
import type { EscalationAction, SlaPolicy } from '../sla/policy-schema.js';
import type { SlaRegistry } from '../sla/registry.js';
import { nextDue, settleSla } from '../sla/settle.js';
import type { SlaTimer } from '../sla/state-schema.js';
import { markFired } from '../sla/timers.js';
import type { TicketStore } from '../store/types.js';
import { keepChanged } from './changes.js';
import { stateOf } from './guards.js';
import { checkAssignee } from './people.js';

const EVENT_OF: Record<SlaTimer['kind'], SlaEventName> = {
  warning: 'sla_warn',
  breach: 'sla_breach',
  escalation: 'escalate',
  reminder: 'remind',
};

/** What an escalation hook is told. */
export interface EscalationContext {
  ticket: Ticket;
  event: AuditEvent;
  level: number;
  actions: EscalationAction[];
}

/**
 * Code the desk runs after an escalation level is committed, in the
 * process that committed it (at most once; read `ticket.escalated`
 * from the store's change feed for delivery that survives a crash).
 */
export interface SlaHooks {
  /** Every escalation level, whatever its actions. */
  onEscalation?(context: EscalationContext): void | Promise<void>;
  /** The automations `{ type: 'automation', name }` actions run. */
  automations?: Record<string, (context: EscalationContext) => unknown>;
  /** Where a failing hook is reported. @default tick() throws after firing the rest */
  onHookError?(error: unknown, context: EscalationContext): void;
}

/** One outcome of an escalation action, kept in the event's data. */
interface ActionOutcome {
  type: EscalationAction['type'];
  applied: boolean;
  detail?: string;
}

/** The result of a committed change, as the desk returns it. */
export interface FiredResult {
  ticket: Ticket;
  event: AuditEvent;
}

interface TimerDeps {
  store: TicketStore;
  siteId: string;
  registry: SlaRegistry | null;
  hooks: SlaHooks;
  record(
    t: Ticket,
    type: EventType,
    changes: TicketChanges,
    data: Record<string, unknown> | null,
    at: string,
  ): Promise<FiredResult>;
  autoClose(t: Ticket): Promise<FiredResult>;
}

function raised(t: Ticket, policy: SlaPolicy, to?: string) {
  const current = t.priority ?? policy.defaultPriority;
  const index = PRIORITIES.indexOf(current);
  const wanted = to ?? PRIORITIES[Math.max(0, index - 1)]!;
  return PRIORITIES.indexOf(wanted as never) < index ? wanted : null;
}

/** Fires due SLA timers and auto-closes, one versioned commit each. */
export function createTimerRunner(deps: TimerDeps) {
  const { store, siteId, registry, hooks } = deps;

  async function actionChanges(
    t: Ticket,
    policy: SlaPolicy,
    level: number,
    actions: EscalationAction[],
  ) {
    const fields: Record<string, unknown> = {};
    const outcomes: ActionOutcome[] = [];
    for (const a of actions) {
      if (a.type === 'raise_priority') {
        const to = raised({ ...t, ...fields } as Ticket, policy, a.to);
        if (to) {
          fields.priority = to;
          fields.priorityReason = `SLA escalation level ${level}`;
        }
        outcomes.push({ type: a.type, applied: to !== null });
      } else if (a.type === 'reassign') {
        outcomes.push(await reassign(t, a, fields));
      } else outcomes.push({ type: a.type, applied: true });
    }
    return { fields, outcomes };
  }

  async function reassign(
    t: Ticket,
    a: Extract<EscalationAction, { type: 'reassign' }>,
    fields: Record<string, unknown>,
  ): Promise<ActionOutcome> {
    const teamId = a.teamId ?? t.teamId;
    try {
      if (a.teamId && !(await store.getTeam(siteId, a.teamId))) {
        return { type: a.type, applied: false, detail: `no team ${a.teamId}` };
      }
      if (a.assigneeId) {
        await checkAssignee(store, siteId, a.assigneeId, teamId);
        fields.assigneeId = a.assigneeId;
      }
      if (a.teamId) fields.teamId = a.teamId;
      return { type: a.type, applied: true };
    } catch (error) {
      if (!(error instanceof TicketryError)) throw error;
      return { type: a.type, applied: false, detail: error.message };
    }
  }

  async function runHooks(context: EscalationContext, failures: unknown[]) {
    const calls: (() => unknown)[] = [];
    if (hooks.onEscalation) calls.push(() => hooks.onEscalation!(context));
    for (const a of context.actions) {
      if (a.type === 'automation') {
        calls.push(() => hooks.automations![a.name]!(context));
      }
    }
    for (const call of calls) {
      try {
        await call();
      } catch (error) {
        if (hooks.onHookError) hooks.onHookError(error, context);
        else failures.push(error);
      }
    }
  }

  async function fire(
    t: Ticket,
    timer: SlaTimer,
    at: string,
    failures: unknown[],
  ) {
    const name = EVENT_OF[timer.kind];
    const outcome = slaEventOutcome(stateOf(t), name, 'system');
    if (!outcome.ok) {
      throw new TicketryError(outcome.code, `${t.ref} cannot take ${name}`);
    }
    const sla = t.sla!;
    const policy = registry!.policy(sla.policyId, sla.policyVersion);
    const marked = markFired(sla, timer);
    const escalation =
      timer.kind === 'escalation'
        ? policy.escalations.find((e) => e.level === timer.level)
        : undefined;
    const actions = escalation?.actions ?? [];
    const { fields, outcomes } = await actionChanges(
      t,
      policy,
      timer.level ?? 0,
      actions,
    );
    const draft = { ...t, ...fields, sla: marked } as Ticket;
    const settled = settleSla(
      registry,
      t,
      draft,
      { kind: 'timer' },
      at,
      marked,
    );
    const clock = sla.clocks.find((c) => c.target === timer.target);
    const result = await deps.record(
      t,
      SLA_EVENT_TYPES[name],
      keepChanged(t, { ...fields, ...settled }),
      {
        timerId: timer.id,
        kind: timer.kind,
        target: timer.target,
        level: timer.level,
        dueAt: timer.at,
        deadline: clock?.dueAt ?? null,
        ...(timer.kind === 'reminder' && {
          reminder: (sla.pending?.reminders ?? 0) + 1,
          reason: sla.pending?.reason ?? null,
        }),
        ...(escalation && { actions, outcomes }),
      },
      at,
    );
    if (escalation) {
      await runHooks({ ...result, level: escalation.level, actions }, failures);
    }
    return result;
  }

  /** Fires what is due on one ticket, re-reading it after every write. */
  async function fireDue(id: string, now: string, failures: unknown[]) {
    const fired: FiredResult[] = [];
    for (let round = 0; round < 64; round++) {
      const t = await store.getTicket(siteId, id);
      if (!t) break;
      const due = nextDue(t, now, registry !== null);
      if (!due) break;
      const at = t.updatedAt > now ? t.updatedAt : now;
      try {
        fired.push(
          due.kind === 'auto_close'
            ? await deps.autoClose(t)
            : await fire(t, due.timer, at, failures),
        );
      } catch (error) {
        // Another desk wrote first: read again, it may have fired this.
        if (error instanceof ConflictError) continue;
        if (error instanceof TicketryError) break;
        throw error;
      }
    }
    return fired;
  }

  /**
   * Everything due at `now`, in due order, each fired once: a second
   * tick, a restarted desk or another process finds it done.
   */
  async function tick(now: Date): Promise<FiredResult[]> {
    const at = now.toISOString();
    const fired: FiredResult[] = [];
    const failures: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page = await store.listTickets(siteId, {
        dueBefore: at,
        sort: 'dueAt',
        limit: 200,
        cursor,
      });
      for (const t of page.items) {
        fired.push(...(await fireDue(t.id, at, failures)));
      }
      cursor = page.nextCursor;
    } while (cursor);
    if (failures.length) {
      throw new TicketryError(
        'INTERNAL_ERROR',
        `${failures.length} SLA hook(s) failed; every due timer was still fired`,
        { cause: failures[0], details: { failures: failures.length } },
      );
    }
    return fired;
  }

  return { tick };
}
