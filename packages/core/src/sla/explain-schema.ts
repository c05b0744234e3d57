import { z } from 'zod';
import { instantSchema } from '../schemas/common.js';
import { SLA_TARGETS } from './policy-schema.js';
import { slaTimerSchema } from './state-schema.js';

const holidaysSchema = z.array(
  z.object({ date: z.string(), name: z.string() }),
);

/** One stretch of a clock's timeline, as `explain` reports it. */
export const timelineEntrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('working'),
    from: instantSchema,
    to: instantSchema,
    localFrom: z.string(),
    localTo: z.string(),
    ms: z.number().int(),
    calendarId: z.string(),
    future: z.boolean(),
  }),
  z.object({
    type: z.literal('closed'),
    from: instantSchema,
    to: instantSchema,
    reason: z.enum(['outside_hours', 'non_working_day', 'holiday']),
    holidays: holidaysSchema,
    future: z.boolean(),
  }),
  z.object({
    type: z.enum(['paused', 'resolved']),
    from: instantSchema,
    to: instantSchema.nullable(),
    reason: z.string().nullable(),
  }),
]);

/** One deadline and the business time behind it. */
export const clockExplanationSchema = z.object({
  target: z.enum(SLA_TARGETS),
  cycle: z.number().int(),
  state: z.enum(['running', 'paused', 'met', 'missed', 'stopped']),
  targetMs: z.number().int().nullable(),
  elapsedMs: z.number().int(),
  remainingMs: z.number().int().nullable(),
  overdueMs: z.number().int(),
  startedAt: instantSchema,
  dueAt: instantSchema.nullable(),
  stoppedAt: instantSchema.nullable(),
  breachedAt: instantSchema.nullable(),
  timeline: z.array(timelineEntrySchema),
  truncated: z.boolean(),
});

/**
 * What `desk.explain(ticket)` answers and `GET /tickets/:id/sla`
 * serves: deadlines, business time elapsed and remaining, the timeline
 * behind each, the policy, version and calendar, and what is due.
 */
export const slaExplanationSchema = z.object({
  ticketId: z.string(),
  ref: z.string(),
  at: instantSchema,
  policy: z.object({
    id: z.string(),
    version: z.number().int(),
    name: z.string().nullable(),
  }),
  calendar: z.object({
    id: z.string(),
    name: z.string().nullable(),
    timeZone: z.string(),
  }),
  priority: z.string(),
  paused: z.boolean(),
  escalationLevel: z.number().int(),
  clocks: z.array(clockExplanationSchema),
  timers: z.array(slaTimerSchema),
});
