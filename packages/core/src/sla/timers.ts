import type { BusinessCalendar } from './business-calendar.js';
import { locate } from './locate.js';
import type { SlaPolicy } from './policy-schema.js';
import type { SlaRegistry } from './registry.js';
import {
  cloneSlaState,
  type SlaClock,
  type SlaState,
  type SlaTimer,
} from './state-schema.js';

const iso = (ms: number) => new Date(ms).toISOString();

function clockTimers(
  r: SlaRegistry,
  clock: SlaClock,
  policy: SlaPolicy,
): SlaTimer[] {
  const target = clock.targetMs;
  if (clock.stoppedAt !== null || target === null) return [];
  const key = `${clock.target}.${clock.cycle}`;
  const out: SlaTimer[] = [];
  const push = (
    marker: string,
    kind: SlaTimer['kind'],
    threshold: number,
    level: number | null = null,
    delay = 0,
  ) => {
    if (clock.fired.includes(marker)) return;
    const at = locate(r, clock, threshold);
    if (at === null) return;
    out.push({
      id: `${key}.${marker}`,
      kind,
      target: clock.target,
      at: iso(at + delay),
      level,
    });
  };

  policy.warnings.forEach((w, i) => {
    if (w.target && w.target !== clock.target) return;
    const threshold =
      w.percent !== undefined
        ? Math.floor((target * w.percent) / 100)
        : target - (w.before ?? 0);
    if (threshold > 0) push(`warning.${i}`, 'warning', threshold);
  });
  // The deadline itself still meets the target; the breach is due 1 ms on.
  if (!clock.breachedAt) push('breach', 'breach', target, null, 1);
  for (const e of policy.escalations) {
    if (e.target !== clock.target) continue;
    push(
      `escalation.${e.level}`,
      'escalation',
      Math.max(0, target + e.offset),
      e.level,
    );
  }
  return out;
}

/**
 * Every timer still to fire for a state, earliest first: warnings,
 * breaches and escalation levels of the running (or overdue paused)
 * clocks, and the next reminder of the current wait.
 */
export function timersOf(
  r: SlaRegistry,
  s: SlaState,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
): SlaTimer[] {
  const timers = s.clocks.flatMap((c) => clockTimers(r, c, policy));
  const reminders = policy.reminders;
  const wait = s.pending;
  if (
    wait &&
    reminders?.reasons.includes(wait.reason) &&
    wait.reminders < reminders.repeat
  ) {
    const n = wait.reminders + 1;
    timers.push({
      id: `reminder.${wait.since}.${n}`,
      kind: 'reminder',
      target: null,
      at: iso(calendar.add(Date.parse(wait.since), reminders.after * n)),
      level: null,
    });
  }
  return timers.sort((a, b) =>
    a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? -1 : 1,
  );
}

/**
 * The state after a timer fired: the warning or level marked done in
 * its clock, the breach recorded at the deadline, or the reminder
 * counted. Timers are recomputed afterwards by `advanceSla`.
 */
export function markFired(state: SlaState, timer: SlaTimer): SlaState {
  const s = cloneSlaState(state);
  s.timers = s.timers.filter((t) => t.id !== timer.id);
  if (timer.kind === 'reminder') {
    if (s.pending) s.pending.reminders += 1;
    return s;
  }
  const clock = s.clocks.find((c) => c.target === timer.target);
  if (!clock) return s;
  const marker = timer.id.split('.').slice(2).join('.');
  if (timer.kind === 'breach') {
    clock.breachedAt =
      clock.dueAt ?? new Date(Date.parse(timer.at) - 1).toISOString();
  } else clock.fired.push(marker);
  if (timer.kind === 'escalation' && timer.level !== null) {
    s.escalationLevel = Math.max(s.escalationLevel, timer.level);
  }
  return s;
}
