import { z } from 'zod';
import { CHANNELS, PENDING_REASONS } from '../public/vocabulary.js';
import {
  idSchema,
  labelSchema,
  prioritySchema,
  ticketTypeSchema,
} from '../schemas/common.js';
import { durationSchema, offsetSchema } from './duration.js';

/** The clocks a policy can set targets for. */
export const SLA_TARGETS = [
  'firstResponse',
  'nextResponse',
  'resolution',
] as const;

export type SlaTarget = (typeof SLA_TARGETS)[number];

const targetSetSchema = z.strictObject({
  /** From submission to the first public answer by staff. */
  firstResponse: durationSchema.optional(),
  /** From a requester's message to staff's next public answer. */
  nextResponse: durationSchema.optional(),
  /** From submission to resolution; reopening resumes it. */
  resolution: durationSchema.optional(),
});

/**
 * A warning before a deadline: a business-time offset (`before: '30m'`)
 * or a share of the target (`percent: 75`), for one target or all.
 */
export const warningSchema = z
  .strictObject({
    target: z.enum(SLA_TARGETS).optional(),
    before: durationSchema.optional(),
    percent: z.number().int().min(1).max(99).optional(),
  })
  .refine((w) => (w.before === undefined) !== (w.percent === undefined), {
    message: 'a warning has either `before` or `percent`',
  });

/** What an escalation level does when it fires. */
export const escalationActionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('notify'),
    /** `assignee`, `team`, `supervisors`, or any address your hook knows. */
    to: z.array(z.string().trim().min(1).max(128)).min(1).max(20),
  }),
  z.strictObject({
    type: z.literal('raise_priority'),
    /** @default one step up, never past critical */
    to: prioritySchema.optional(),
  }),
  z
    .strictObject({
      type: z.literal('reassign'),
      teamId: idSchema.optional(),
      assigneeId: idSchema.optional(),
    })
    .refine((a) => a.teamId || a.assigneeId, {
      message: 'a reassign action names a teamId, an assigneeId or both',
    }),
  z.strictObject({
    type: z.literal('automation'),
    /** A key of the `automations` given to the desk. */
    name: labelSchema,
  }),
]);

export type EscalationAction = z.infer<typeof escalationActionSchema>;

/**
 * An escalation level, relative to one target's deadline in business
 * time: `offset: '-1h'` fires an hour before it, `'+2h'` two after.
 */
export const escalationSchema = z.strictObject({
  level: z.number().int().min(1).max(20),
  target: z.enum(SLA_TARGETS),
  offset: offsetSchema.default(0),
  actions: z.array(escalationActionSchema).min(1).max(10),
});

/** Reminders to the requester while a ticket waits, in business time. */
export const reminderSchema = z.strictObject({
  reasons: z.array(z.enum(PENDING_REASONS)).min(1).default(['requester']),
  /** Business time between reminders, counted from the pause. */
  after: durationSchema.refine((ms) => ms > 0, 'reminders need a delay'),
  /** @default 1 */
  repeat: z.number().int().min(1).max(20).default(1),
});

/** Which tickets a policy is for; an absent field matches anything. */
export const policyMatchSchema = z.strictObject({
  teamIds: z.array(idSchema).min(1).optional(),
  types: z.array(ticketTypeSchema).min(1).optional(),
  categories: z.array(labelSchema).min(1).optional(),
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
});

/**
 * One version of an SLA policy. Tickets record the id and version they
 * run under; registering a higher version changes new tickets only.
 */
export const policySchema = z
  .strictObject({
    id: idSchema,
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(200).optional(),
    match: policyMatchSchema.default({}),
    /** The calendar of this policy; see docs/sla.md for precedence. */
    calendarId: idSchema.optional(),
    /** Targets used while a ticket has no priority. @default 'moderate' */
    defaultPriority: prioritySchema.default('moderate'),
    targets: z.partialRecord(prioritySchema, targetSetSchema),
    /** Pending reasons that pause the clocks. @default every reason */
    pauseOn: z.array(z.enum(PENDING_REASONS)).default([...PENDING_REASONS]),
    warnings: z.array(warningSchema).max(10).default([]),
    escalations: z.array(escalationSchema).max(20).default([]),
    reminders: reminderSchema.optional(),
  })
  .refine(
    (p) =>
      new Set(p.escalations.map((e) => e.level)).size === p.escalations.length,
    { message: 'escalation levels must be unique', path: ['escalations'] },
  );

/** A policy as written in configuration. */
export type SlaPolicyInput = z.input<typeof policySchema>;
/** A policy after validation; durations are milliseconds. */
export type SlaPolicy = z.output<typeof policySchema>;
