import type { Ticket } from '../schemas/ticket.js';
import { advanceSla, type SlaTrigger } from './clocks.js';
import type { SlaRegistry } from './registry.js';
import type { SlaState, SlaTimer } from './state-schema.js';

/** The earliest of some ISO instants, or null when there are none. */
export function earliest(...instants: (string | null | undefined)[]) {
  let first: string | null = null;
  for (const at of instants) if (at && (!first || at < first)) first = at;
  return first;
}

/**
 * The `sla` and `dueAt` a ticket should carry after a change: the SLA
 * state advanced (when the desk has SLAs) and `dueAt` as the earliest
 * of the auto-close and the SLA timers.
 */
export function settleSla(
  registry: SlaRegistry | null,
  before: Ticket | null,
  draft: Ticket,
  trigger: SlaTrigger,
  at: string,
  state: SlaState | null = before?.sla ?? null,
): { sla: SlaState | null; dueAt: string | null } {
  if (!registry) {
    return { sla: draft.sla ?? null, dueAt: draft.autoCloseAt };
  }
  const sla = advanceSla(
    { registry, before, after: draft, trigger, at },
    state,
  );
  return { sla, dueAt: earliest(draft.autoCloseAt, sla?.timers[0]?.at) };
}

/** What `desk.tick()` may fire on a ticket. */
export type DueItem =
  | { kind: 'auto_close'; at: string }
  | { kind: 'timer'; at: string; timer: SlaTimer };

/** The earliest thing due on a ticket at `now`, or null. */
export function nextDue(
  ticket: Ticket,
  now: string,
  withSla: boolean,
): DueItem | null {
  const timer = withSla ? ticket.sla?.timers[0] : undefined;
  const close =
    ticket.status === 'resolved' && ticket.autoCloseAt
      ? ticket.autoCloseAt
      : null;
  const items: DueItem[] = [];
  if (close && close <= now) items.push({ kind: 'auto_close', at: close });
  if (timer && timer.at <= now)
    items.push({ kind: 'timer', at: timer.at, timer });
  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return items[0] ?? null;
}
