import type { Role } from '../public/vocabulary.js';
import type { Ticket } from '../schemas/ticket.js';
import type { BusinessCalendar } from './business-calendar.js';
import { locate, openRun } from './locate.js';
import {
  SLA_TARGETS,
  type SlaPolicy,
  type SlaTarget,
} from './policy-schema.js';
import type { SlaRegistry } from './registry.js';
import { cloneSlaState, type SlaClock, type SlaState } from './state-schema.js';
import { timersOf } from './timers.js';

/** What moved a ticket's SLA state. */
export type SlaTrigger =
  | { kind: 'submit' }
  | { kind: 'command'; type: string; role: Role }
  | { kind: 'timer' }
  | { kind: 'migrate'; policyId: string; version?: number };

/** Everything {@link advanceSla} reads besides the state. */
export interface SlaStep {
  registry: SlaRegistry;
  /** The ticket before the change; null at submission. */
  before: Ticket | null;
  /** The ticket after the change's own fields (status, priority, ...). */
  after: Ticket;
  trigger: SlaTrigger;
  /** ISO instant of the change. */
  at: string;
}

const DONE = ['resolved', 'closed', 'cancelled', 'merged'];

/** Fields whose change can move clocks, deadlines or the policy. */
const MOVING = [
  'status',
  'pendingReason',
  'priority',
  'teamId',
  'type',
  'category',
  'firstResponseAt',
  'resolvedAt',
] as const;

/** Whether a change can touch the SLA state at all. */
function moves({ before, after, trigger }: SlaStep): boolean {
  if (!before || trigger.kind !== 'command' || trigger.type === 'reply') {
    return true;
  }
  return MOVING.some((field) => before[field] !== after[field]);
}
const iso = (ms: number) => new Date(ms).toISOString();

function choosePolicy(step: SlaStep, state: SlaState | null): SlaPolicy | null {
  const { registry, before, after, trigger } = step;
  if (trigger.kind === 'migrate') {
    return registry.policy(trigger.policyId, trigger.version);
  }
  const moved =
    !before ||
    before.teamId !== after.teamId ||
    before.type !== after.type ||
    before.category !== after.category;
  const chosen = !state || moved ? registry.select(after) : null;
  if (!state) return chosen;
  if (chosen && chosen.id !== state.policyId) return chosen;
  return registry.policy(state.policyId, state.policyVersion);
}

function updatePauses(s: SlaState, policy: SlaPolicy, t: Ticket, at: string) {
  const reason = t.status === 'pending' ? t.pendingReason : null;
  const pausing = reason && policy.pauseOn.includes(reason) ? reason : null;
  const last = s.pauses[s.pauses.length - 1];
  const open = last && last.to === null ? last : null;
  if (open && open.reason !== pausing) open.to = at;
  if (pausing && (!open || open.reason !== pausing)) {
    s.pauses.push({ from: at, to: null, reason: pausing });
  }
  if (!reason) s.pending = null;
  else if (s.pending?.reason !== reason) {
    s.pending = { since: at, reason, reminders: 0 };
  }
  return pausing !== null;
}

function newClock(
  target: SlaTarget,
  cycle: number,
  startedAt: string,
  calendarId: string | null,
  tally = { met: 0, missed: 0 },
): SlaClock {
  return {
    target,
    cycle,
    targetMs: null,
    startedAt,
    runs: calendarId
      ? [{ from: startedAt, to: null, calendarId, ms: null }]
      : [],
    elapsedMs: 0,
    dueAt: null,
    stoppedAt: null,
    breachedAt: null,
    met: null,
    fired: [],
    tally,
  };
}

function closeRun(r: SlaRegistry, clock: SlaClock, at: string) {
  const run = openRun(clock);
  if (!run) return;
  const to = at < run.from ? run.from : at;
  run.ms = r
    .calendar(run.calendarId)
    .elapsed(Date.parse(run.from), Date.parse(to));
  run.to = to;
  clock.elapsedMs += run.ms;
}

interface Wanted {
  stop: boolean;
  /** The stop reaches the clock's goal: it is met or missed. */
  goal: boolean;
  stopAt: string;
}

function wantedFor(step: SlaStep, clock: SlaClock): Wanted {
  const { after: t, trigger, at } = step;
  const done = DONE.includes(t.status);
  const reply = trigger.kind === 'command' && trigger.type === 'reply';
  const staffReply = reply && trigger.role !== 'requester';
  switch (clock.target) {
    case 'firstResponse':
      return {
        stop: t.firstResponseAt !== null || done,
        goal: t.firstResponseAt !== null,
        stopAt: t.firstResponseAt ?? at,
      };
    case 'resolution':
      return {
        stop: done,
        goal: t.status === 'resolved',
        stopAt: t.status === 'resolved' ? (t.resolvedAt ?? at) : at,
      };
    default:
      return {
        stop: staffReply || done,
        goal: staffReply || t.status === 'resolved',
        stopAt: at,
      };
  }
}

function stopClock(r: SlaRegistry, clock: SlaClock, want: Wanted) {
  const deadline =
    clock.targetMs === null ? null : locate(r, clock, clock.targetMs);
  closeRun(r, clock, want.stopAt);
  clock.stoppedAt = want.stopAt;
  clock.dueAt = deadline === null ? null : iso(deadline);
  const late = deadline !== null && Date.parse(want.stopAt) > deadline;
  if (late && !clock.breachedAt) clock.breachedAt = iso(deadline);
  if (!want.goal || clock.targetMs === null) return;
  clock.met = clock.breachedAt === null;
  if (clock.met) clock.tally.met += 1;
  else clock.tally.missed += 1;
}

function moveClock(
  step: SlaStep,
  clock: SlaClock,
  calendar: BusinessCalendar,
  paused: boolean,
  targetMs: number | null,
) {
  const { registry: r, at } = step;
  const want = wantedFor(step, clock);
  if (clock.stoppedAt !== null) {
    if (want.stop || clock.target !== 'resolution') return;
    // Reopened: the resolution clock goes on from what it had counted.
    clock.stoppedAt = null;
    clock.met = null;
  }
  clock.targetMs = targetMs;
  if (want.stop) return stopClock(r, clock, want);
  const run = openRun(clock);
  if (run && (paused || run.calendarId !== calendar.id)) closeRun(r, clock, at);
  if (!paused && !openRun(clock)) {
    clock.runs.push({ from: at, to: null, calendarId: calendar.id, ms: null });
  }
}

function clockFor(
  step: SlaStep,
  s: SlaState,
  target: SlaTarget,
  calendar: BusinessCalendar,
  paused: boolean,
): SlaClock | null {
  const { after: t, trigger, at } = step;
  const i = s.clocks.findIndex((c) => c.target === target);
  const known = i < 0 ? null : s.clocks[i]!;
  if (target !== 'nextResponse') {
    if (known) return known;
    const clock = newClock(target, 1, t.createdAt, calendar.id);
    s.clocks.push(clock);
    return clock;
  }
  const asked =
    trigger.kind === 'command' &&
    trigger.type === 'reply' &&
    trigger.role === 'requester' &&
    t.firstResponseAt !== null &&
    !DONE.includes(t.status);
  if (!asked || (known && known.stoppedAt === null)) return known;
  const clock = newClock(
    target,
    (known?.cycle ?? 0) + 1,
    at,
    paused ? null : calendar.id,
    known ? { ...known.tally } : undefined,
  );
  if (i < 0) s.clocks.push(clock);
  else s.clocks[i] = clock;
  return clock;
}

/**
 * The SLA state of a ticket after a change: the policy it runs under
 * (re-chosen when team, type or category change), its clocks paused,
 * resumed, stopped or restarted as the status says, deadlines and
 * timers recomputed. Pure: the same inputs give the same state, so a
 * change that moves nothing leaves the state equal and out of the
 * event's `changes`.
 */
export function advanceSla(
  step: SlaStep,
  state: SlaState | null,
): SlaState | null {
  if (state && !moves(step)) return state;
  const policy = choosePolicy(step, state);
  if (!policy) return state;
  const { registry, after: t } = step;
  const calendar = registry.calendarFor(policy, t.teamId);
  const priority = t.priority ?? policy.defaultPriority;
  const s: SlaState = state
    ? cloneSlaState(state)
    : {
        policyId: policy.id,
        policyVersion: policy.version,
        calendarId: calendar.id,
        priority,
        clocks: [],
        pauses: [],
        pending: null,
        escalationLevel: 0,
        timers: [],
      };
  s.policyId = policy.id;
  s.policyVersion = policy.version;
  s.calendarId = calendar.id;
  s.priority = priority;
  const paused = updatePauses(s, policy, t, step.at);

  for (const target of SLA_TARGETS) {
    const used = Object.values(policy.targets).some((set) => set?.[target]);
    if (!used && !s.clocks.some((c) => c.target === target)) continue;
    const clock = clockFor(step, s, target, calendar, paused);
    if (!clock) continue;
    const targetMs = policy.targets[priority]?.[target] ?? null;
    moveClock(step, clock, calendar, paused, targetMs);
    if (clock.stoppedAt === null) {
      const due =
        clock.targetMs === null
          ? null
          : locate(registry, clock, clock.targetMs);
      clock.dueAt = due === null ? null : iso(due);
    }
  }
  s.timers = timersOf(registry, s, policy, calendar);
  return s;
}
