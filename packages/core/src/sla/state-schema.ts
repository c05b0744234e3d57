import { z } from 'zod';
import { PENDING_REASONS } from '../public/vocabulary.js';
import { idSchema, instantSchema, prioritySchema } from '../schemas/common.js';
import { SLA_TARGETS } from './policy-schema.js';

/** A stretch during which a clock ran, on the calendar then in force. */
export const clockRunSchema = z.object({
  from: instantSchema,
  /** Null while the clock runs. */
  to: instantSchema.nullable(),
  calendarId: idSchema,
  /** Business ms counted in the run, once it is closed. */
  ms: z.number().int().min(0).nullable(),
});

/**
 * One SLA clock of a ticket. Elapsed time is the sum of its runs, so
 * paused time is simply not a run; the deadline is the instant at which
 * the runs reach the target, computed from the runs and never from
 * "now", and stored so that it reads the same in every time zone.
 */
export const slaClockSchema = z.object({
  target: z.enum(SLA_TARGETS),
  /** Next-response clocks count their cycles; the others stay at 1. */
  cycle: z.number().int().min(1),
  /** Business ms allowed; null while the priority has no target. */
  targetMs: z.number().int().min(0).nullable(),
  startedAt: instantSchema,
  runs: z.array(clockRunSchema),
  /** Business ms of the closed runs. */
  elapsedMs: z.number().int().min(0),
  /** The deadline; null while paused short of the target, or untargeted. */
  dueAt: instantSchema.nullable(),
  stoppedAt: instantSchema.nullable(),
  breachedAt: instantSchema.nullable(),
  /** Set when the clock stops on its goal (an answer, a resolution). */
  met: z.boolean().nullable(),
  /** Warnings and escalation levels already fired in this cycle. */
  fired: z.array(z.string().max(64)),
  /** Outcomes of finished cycles: next responses met and missed. */
  tally: z.object({
    met: z.number().int().min(0),
    missed: z.number().int().min(0),
  }),
});

/** Something due at an instant: `desk.tick()` fires it once. */
export const slaTimerSchema = z.object({
  id: z.string().max(128),
  kind: z.enum(['warning', 'breach', 'escalation', 'reminder']),
  target: z.enum(SLA_TARGETS).nullable(),
  at: instantSchema,
  level: z.number().int().min(1).nullable(),
});

/** A pause of the clocks: the ticket waited for a pausing reason. */
export const slaPauseSchema = z.object({
  from: instantSchema,
  to: instantSchema.nullable(),
  reason: z.enum(PENDING_REASONS),
});

/**
 * The SLA state a ticket carries: the policy and version it runs under,
 * its clocks, pauses, and the timers still to fire.
 */
export const slaStateSchema = z.object({
  policyId: idSchema,
  policyVersion: z.number().int().min(1),
  calendarId: idSchema,
  /** The priority whose targets apply (the policy's default if none). */
  priority: prioritySchema,
  clocks: z.array(slaClockSchema),
  pauses: z.array(slaPauseSchema),
  /** The current wait, for reminders; null when not pending. */
  pending: z
    .object({
      since: instantSchema,
      reason: z.enum(PENDING_REASONS),
      reminders: z.number().int().min(0),
    })
    .nullable(),
  escalationLevel: z.number().int().min(0),
  /** Pending timers, earliest first. */
  timers: z.array(slaTimerSchema),
});

/** A ticket's SLA state. */
export type SlaState = z.infer<typeof slaStateSchema>;
/** One SLA clock. */
export type SlaClock = z.infer<typeof slaClockSchema>;
/** One timer still to fire. */
export type SlaTimer = z.infer<typeof slaTimerSchema>;
/** One run of a clock. */
export type ClockRun = z.infer<typeof clockRunSchema>;

/**
 * A deep copy of an SLA state, keeping key order (event diffs compare
 * JSON); several times faster than `structuredClone` for this shape.
 */
export function cloneSlaState(s: SlaState): SlaState {
  return {
    ...s,
    clocks: s.clocks.map((c) => ({
      ...c,
      runs: c.runs.map((r) => ({ ...r })),
      fired: [...c.fired],
      tally: { ...c.tally },
    })),
    pauses: s.pauses.map((p) => ({ ...p })),
    pending: s.pending && { ...s.pending },
    timers: s.timers.map((t) => ({ ...t })),
  };
}
