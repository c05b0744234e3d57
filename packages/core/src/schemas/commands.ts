import { z } from 'zod';
import { LIMITS } from '../public/limits.js';
import { fieldValueSchema, submissionSchema } from '../public/submission.js';
import {
  withoutControlCharacters,
  withoutDirectionControls,
} from '../public/text.js';
import { attachmentInfoSchema } from '../public/ticket-view.js';
import { CHANNELS, PENDING_REASONS } from '../public/vocabulary.js';
import {
  bodySchema,
  idSchema,
  labelSchema,
  levelSchema,
  prioritySchema,
  ticketTypeSchema,
} from './common.js';
import { routingExplanationSchema } from './routing.js';

const body = bodySchema;

/** Stored files a message carries (the HTTP server resolves the ids). */
const files = z.array(attachmentInfoSchema).max(LIMITS.attachments).optional();

/** Everything `desk.submit()` accepts: the public submission and more. */
export const submitInputSchema = z.object({
  ...submissionSchema.shape,
  channel: z.enum(CHANNELS).default('api'),
  externalId: z.string().trim().min(1).max(128).optional(),
  ticketType: ticketTypeSchema.optional(),
  impact: levelSchema.optional(),
  urgency: levelSchema.optional(),
  tags: z.array(labelSchema).max(LIMITS.tags).optional(),
  /**
   * Files stored before the submission (the HTTP server resolves the
   * uploaded ids): recorded on the `ticket.submitted` event's data.
   */
  attachments: files,
});

export type SubmitInput = z.input<typeof submitInputSchema>;

const triage = z.object({
  type: z.literal('triage'),
  impact: levelSchema,
  urgency: levelSchema,
  category: labelSchema.optional(),
  ticketType: ticketTypeSchema.optional(),
  teamId: idSchema.optional(),
});

const update = z
  .object({
    type: z.literal('update'),
    subject: z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.subject)
      .refine(withoutControlCharacters, 'must not contain control characters')
      .refine(
        withoutDirectionControls,
        'must not contain direction override characters',
      )
      .optional(),
    tags: z.array(labelSchema).max(LIMITS.tags).optional(),
    fields: z.record(z.string().max(LIMITS.label), fieldValueSchema).optional(),
    priority: prioritySchema.optional(),
    priorityReason: body.optional(),
  })
  .refine((c) => c.priority === undefined || c.priorityReason, {
    message: 'a priority override needs a priorityReason',
    path: ['priorityReason'],
  });

const assign = z.object({
  type: z.literal('assign'),
  assigneeId: idSchema,
  teamId: idSchema.optional(),
  /** Why a router chose the assignee; recorded on the event's data. */
  routing: routingExplanationSchema.optional(),
});

/** Back to the queue: an assignment nobody accepted in time. */
const unassign = z.object({
  type: z.literal('unassign'),
  routing: routingExplanationSchema.optional(),
});

const pend = z.object({
  type: z.literal('pend'),
  reason: z.enum(PENDING_REASONS),
  note: body.optional(),
});

/**
 * A supervisor's override of the relations roll-up policy `block`
 * (a parent with open children); recorded on the event's data.
 */
const force = z.boolean().optional();

const resolve = z.object({
  type: z.literal('resolve'),
  code: labelSchema,
  note: body,
  force,
});

const rate = z.object({
  type: z.literal('rate'),
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(LIMITS.body).optional(),
});

const cancel = z.object({
  type: z.literal('cancel'),
  /** `rejected`: an approver refused (people/approvals.ts). */
  reason: z.enum(['withdrawn', 'spam', 'duplicate', 'rejected']),
  note: body.optional(),
});

const bare = <T extends string>(type: T) => z.object({ type: z.literal(type) });

/** Every command a ticket takes after it is submitted. */
export const commandSchema = z.discriminatedUnion('type', [
  triage,
  update,
  assign,
  bare('start'),
  pend,
  bare('resume'),
  /** `attachments` are recorded on the `ticket.replied` event's data. */
  z.object({ type: z.literal('reply'), body, attachments: files }),
  z.object({ type: z.literal('note'), body }),
  resolve,
  bare('accept'),
  z.object({ type: z.literal('reject'), reason: body.optional() }),
  rate,
  z.object({ type: z.literal('close'), force }),
  cancel,
  z.object({ type: z.literal('merge'), intoId: idSchema }),
  unassign,
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandInput = z.input<typeof commandSchema>;
export type CommandType = Command['type'];

/** Every command name, `submit` included, in lifecycle order. */
export const COMMAND_TYPES = [
  'submit',
  'triage',
  'update',
  'assign',
  'start',
  'pend',
  'resume',
  'reply',
  'note',
  'resolve',
  'accept',
  'reject',
  'rate',
  'close',
  'cancel',
  'merge',
  'unassign',
] as const;

export type AnyCommandType = (typeof COMMAND_TYPES)[number];
