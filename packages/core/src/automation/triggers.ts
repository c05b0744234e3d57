import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import type { AutomationMarker } from './actions.js';
import { matches } from './conditions.js';
import type { Trigger } from './schema.js';

/** Bounds that keep triggers from setting each other off for ever. */
export interface LoopGuard {
  /**
   * Longest chain of automatic steps: a person's change is depth 0,
   * a trigger's action on it depth 1, and so on. @default 3
   */
  maxDepth?: number;
  /** Most firings of one trigger on one ticket per window. @default 10 */
  perTicket?: number;
  /** @default one hour */
  windowMs?: number;
}

/** Why a matching trigger did not fire. */
export type SkipReason = 'depth' | 'budget';

interface TriggerDeps {
  triggers(): readonly Trigger[];
  guard: LoopGuard;
  now(): number;
  fire(
    trigger: Trigger,
    ticket: Ticket,
    event: AuditEvent,
    depth: number,
  ): Promise<void>;
  skipped(trigger: Trigger, ticket: Ticket, reason: SkipReason): void;
  onError(error: unknown): void;
  /** The breach risk the `risk` condition reads. */
  risk?: (ticketId: string) => number | null;
}

/** The automation marker of an event, or null for a person's change. */
export function markerOf(event: AuditEvent): AutomationMarker | null {
  const mark = event.data?.automation as AutomationMarker | undefined;
  return mark && typeof mark.ruleId === 'string' ? mark : null;
}

/** Firings per ticket and trigger within the window, in memory. */
function createBudget(limit: number, windowMs: number) {
  const spent = new Map<string, number[]>();
  return (key: string, now: number): boolean => {
    const recent = (spent.get(key) ?? []).filter((at) => at > now - windowMs);
    if (recent.length >= limit) {
      spent.set(key, recent);
      return false;
    }
    recent.push(now);
    spent.set(key, recent);
    if (spent.size > 50_000) {
      for (const [k, times] of spent) {
        if (times.every((at) => at <= now - windowMs)) spent.delete(k);
      }
    }
    return true;
  };
}

/**
 * Runs the triggers an event matches, one event at a time, in the
 * order events were committed. A trigger never fires on its own
 * events; chains stop at `maxDepth`; each trigger fires at most
 * `perTicket` times per ticket per window.
 */
export function createTriggerRunner(deps: TriggerDeps) {
  const maxDepth = deps.guard.maxDepth ?? 3;
  const spend = createBudget(
    deps.guard.perTicket ?? 10,
    deps.guard.windowMs ?? 3_600_000,
  );
  let queue: Promise<void> = Promise.resolve();

  async function handle(event: AuditEvent, ticket: Ticket) {
    const origin = markerOf(event);
    const depth = origin?.depth ?? 0;
    for (const trigger of deps.triggers()) {
      if (!trigger.enabled || !trigger.on.includes(event.type)) continue;
      if (origin?.kind === 'trigger' && origin.ruleId === trigger.id) continue;
      const subject = { ticket, event, ...(deps.risk && { risk: deps.risk }) };
      if (!matches(trigger.conditions, subject)) continue;
      if (depth >= maxDepth) {
        deps.skipped(trigger, ticket, 'depth');
      } else if (!spend(`${ticket.id}\u0000${trigger.id}`, deps.now())) {
        deps.skipped(trigger, ticket, 'budget');
      } else {
        await deps.fire(trigger, ticket, event, depth + 1);
      }
    }
  }

  return {
    /** The desk listener: queues the event. */
    listener(event: AuditEvent, ticket: Ticket) {
      queue = queue
        .then(() => handle(event, ticket))
        .catch((error: unknown) => deps.onError(error));
    },
    /** Resolves once every queued event was handled. */
    async idle() {
      for (;;) {
        const current = queue;
        await current;
        if (current === queue) return;
      }
    },
  };
}
