import { z } from 'zod';
import { LIMITS } from '../public/limits.js';
import { fieldValueSchema } from '../public/submission.js';
import { withoutControlCharacters } from '../public/text.js';
import { STATUSES } from '../public/vocabulary.js';
import { commandSchema } from '../schemas/commands.js';
import {
  idSchema,
  labelSchema,
  levelSchema,
  prioritySchema,
  ticketTypeSchema,
} from '../schemas/common.js';
import {
  EVENT_TYPES,
  EXTRA_EVENT_TYPES,
  SLA_EVENT_TYPES,
} from '../schemas/event.js';
import { templateProblem } from './template.js';

/** A rule's id: lower-case letters, digits, `-` and `_`. */
export const ruleIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use a-z, 0-9, - and _ (at most 64)');

/** What a condition reads: `text`, `ticket.<path>` or `event.<path>`. */
const fieldPath = z
  .string()
  .regex(
    /^(?:text|risk|(?:ticket|event)(?:\.[A-Za-z_][A-Za-z0-9_-]{0,63}){1,4})$/,
    'use text, risk, ticket.<field> or event.<field>',
  );

const scalar = z.union([
  z.string().max(LIMITS.fieldValue),
  z.number(),
  z.boolean(),
  z.null(),
]);

/** How a condition compares; `contains` and `starts_with` ignore case. */
export const CONDITION_OPS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'contains',
  'not_contains',
  'mentions',
  'starts_with',
  'exists',
  'not_exists',
  'changed',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;

const UNARY = new Set(['exists', 'not_exists', 'changed']);

/** One test on a ticket field, an event field or the text. */
export const conditionSchema = z
  .object({
    field: fieldPath,
    op: z.enum(CONDITION_OPS),
    value: z.union([scalar, z.array(scalar).max(50)]).optional(),
  })
  .refine((c) => UNARY.has(c.op) || c.value !== undefined, {
    message: 'this operator needs a value',
    path: ['value'],
  })
  .refine((c) => !['in', 'not_in'].includes(c.op) || Array.isArray(c.value), {
    message: 'in and not_in need a list',
    path: ['value'],
  })
  .refine((c) => c.op !== 'changed' || c.field.startsWith('ticket.'), {
    message: 'changed applies to ticket fields',
    path: ['field'],
  });

/** Every condition of `all` holds and, when `any` has some, one of them. */
export const conditionsSchema = z.object({
  all: z.array(conditionSchema).max(20).default([]),
  any: z.array(conditionSchema).max(20).default([]),
});

/** Text with `{{ticket.ref}}`-style placeholders, checked when parsed. */
export const templateSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.body)
  .refine(withoutControlCharacters, 'must not contain control characters')
  .superRefine((text, ctx) => {
    const problem = templateProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const setAction = z
  .object({
    type: z.literal('set'),
    impact: levelSchema.optional(),
    urgency: levelSchema.optional(),
    category: labelSchema.optional(),
    ticketType: ticketTypeSchema.optional(),
    teamId: idSchema.optional(),
    subject: labelSchema.optional(),
    priority: prioritySchema.optional(),
    priorityReason: labelSchema.optional(),
    tags: z.array(labelSchema).max(LIMITS.tags).optional(),
    addTags: z.array(labelSchema).max(LIMITS.tags).optional(),
    fields: z.record(z.string().max(LIMITS.label), fieldValueSchema).optional(),
  })
  .refine((a) => Object.keys(a).length > 1, 'set at least one field');

/** What a trigger, schedule or macro does, one step at a time. */
export const actionSchema = z.discriminatedUnion('type', [
  setAction,
  z.object({
    type: z.literal('raise_priority'),
    to: prioritySchema.optional(),
  }),
  z.object({
    type: z.literal('assign'),
    assigneeId: idSchema,
    teamId: idSchema.optional(),
  }),
  z.object({
    type: z.literal('reply'),
    template: templateSchema,
    /** The agent the reply is sent as; the system may not reply. */
    as: idSchema.optional(),
  }),
  z.object({ type: z.literal('note'), template: templateSchema }),
  z.object({
    type: z.literal('notify'),
    to: z.array(labelSchema).min(1).max(20),
    template: templateSchema,
  }),
  z.object({
    type: z.literal('webhook'),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .refine(
        (u) => !/^[a-z]+:\/\/[^/?#]*@/i.test(u),
        'no credentials in URLs',
      ),
  }),
]);

export type AutomationAction = z.infer<typeof actionSchema>;

/** A macro step: any action, or a lifecycle command as the agent. */
export const macroActionSchema = z.union([
  actionSchema,
  z.object({
    type: z.literal('command'),
    command: commandSchema,
    /** Skip (not fail) when the ticket's status does not allow it. */
    ifAllowed: z.boolean().optional(),
  }),
]);

export type MacroAction = z.infer<typeof macroActionSchema>;

const eventTypes = () =>
  [
    ...Object.values(EVENT_TYPES),
    ...Object.values(SLA_EVENT_TYPES),
    ...Object.values(EXTRA_EVENT_TYPES),
  ] as [string, ...string[]];

/** Conditions on an event to actions, run as the system actor. */
export const triggerSchema = z.object({
  id: ruleIdSchema,
  name: labelSchema.optional(),
  enabled: z.boolean().default(true),
  on: z.array(z.enum(eventTypes())).min(1).max(20),
  conditions: conditionsSchema.default({ all: [], any: [] }),
  actions: z.array(actionSchema).min(1).max(10),
});

export type Trigger = z.infer<typeof triggerSchema>;
export type TriggerInput = z.input<typeof triggerSchema>;

/** What a schedule looks for on each run. */
export const SCHEDULE_KINDS = [
  'remind_pending',
  'escalate_stale',
  'close_resolved',
] as const;

const HOURS_MAX = 24 * 366;

/**
 * A rule checked by `runSchedules(now)`: tickets pending for their
 * requester, gone stale, or resolved for a while; each fires once per
 * condition.
 */
export const scheduleSchema = z
  .object({
    id: ruleIdSchema,
    name: labelSchema.optional(),
    enabled: z.boolean().default(true),
    kind: z.enum(SCHEDULE_KINDS),
    afterHours: z.number().positive().max(HOURS_MAX).optional(),
    afterDays: z
      .number()
      .positive()
      .max(HOURS_MAX / 24)
      .optional(),
    /** Statuses a stale ticket may be in. @default the working ones */
    statuses: z.array(z.enum(STATUSES)).min(1).optional(),
    conditions: conditionsSchema.default({ all: [], any: [] }),
    actions: z.array(actionSchema).max(10).default([]),
  })
  .refine((s) => (s.afterHours === undefined) !== (s.afterDays === undefined), {
    message: 'give exactly one of afterHours and afterDays',
    path: ['afterHours'],
  })
  .refine((s) => s.kind === 'close_resolved' || s.actions.length > 0, {
    message: 'this schedule needs at least one action',
    path: ['actions'],
  });

export type Schedule = z.infer<typeof scheduleSchema>;
export type ScheduleInput = z.input<typeof scheduleSchema>;

/** A named bundle of steps an agent applies to a ticket in one go. */
export const macroSchema = z.object({
  id: ruleIdSchema,
  name: labelSchema,
  description: z.string().trim().max(500).optional(),
  actions: z.array(macroActionSchema).min(1).max(10),
});

export type Macro = z.infer<typeof macroSchema>;
export type MacroInput = z.input<typeof macroSchema>;

/** A list of rules whose ids are unique. */
export const uniqueRules = <T extends z.ZodType<{ id: string }>>(rule: T) =>
  z
    .array(rule)
    .max(200)
    .refine((list) => new Set(list.map((r) => r.id)).size === list.length, {
      message: 'rule ids must be unique',
    });

/** The lists of each rule kind, as `createAutomation` takes them. */
export const triggerListSchema = uniqueRules(triggerSchema);
export const scheduleListSchema = uniqueRules(scheduleSchema);
export const macroListSchema = uniqueRules(macroSchema);
