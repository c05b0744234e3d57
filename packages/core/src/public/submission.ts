import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import {
  EMAIL_PATTERN,
  ID_PATTERN,
  withoutControlCharacters,
  withoutDirectionControls,
} from './text.js';

/** One line of text (subject, name, label): no direction controls. */
const oneLine = (field: string) =>
  z.refine<string>(
    withoutDirectionControls,
    `${field} must not contain direction override characters`,
  );

const text = (field: string, max: number, line = false) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `${field} is required`),
      z.maxLength(max, `${field} must be at most ${max} characters`),
      z.refine(
        withoutControlCharacters,
        `${field} must not contain control characters`,
      ),
      ...(line ? [oneLine(field)] : []),
    );

const label = (field: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `${field} must not be empty`),
      z.maxLength(
        LIMITS.label,
        `${field} must be at most ${LIMITS.label} characters`,
      ),
      z.refine(
        withoutControlCharacters,
        `${field} must not contain control characters`,
      ),
      oneLine(field),
    );

/** A custom field value: text, number or yes/no. */
export const fieldValueSchema = z.union([
  z
    .string()
    .check(
      z.maxLength(
        LIMITS.fieldValue,
        `a field value must be at most ${LIMITS.fieldValue} characters`,
      ),
    ),
  z.number().check(z.refine(Number.isFinite, 'a field value must be finite')),
  z.boolean(),
]);

/** Who is asking. Personal data: kept in a requester record, never in events. */
export const requesterInputSchema = z.object({
  email: z
    .email({ pattern: EMAIL_PATTERN, error: 'email must be a valid address' })
    .check(
      z.maxLength(
        LIMITS.email,
        `email must be at most ${LIMITS.email} characters`,
      ),
    ),
  name: z.optional(text('name', LIMITS.name, true)),
});

/**
 * Ids of files uploaded with `POST /attachments`: a submission and a
 * reply take them under the same rules and messages.
 */
const attachmentIds = z.optional(
  z
    .array(z.string().check(z.regex(ID_PATTERN, 'not an attachment id')))
    .check(
      z.maxLength(
        LIMITS.attachments,
        `at most ${LIMITS.attachments} attachments`,
      ),
    ),
);

/**
 * What a requester sends to open a ticket. The widget and the server
 * validate with this one schema, so they agree on every rule.
 *
 * @example
 * submissionSchema.parse({
 *   subject: 'VPN drops every hour',
 *   description: 'Since Monday the VPN disconnects at :00.',
 *   requester: { email: 'ada@example.com' },
 * });
 */
export const submissionSchema = z.object({
  subject: text('subject', LIMITS.subject, true),
  description: text('description', LIMITS.body),
  requester: requesterInputSchema,
  category: z.optional(label('category')),
  fields: z.optional(
    z
      .record(z.string().check(z.maxLength(LIMITS.label)), fieldValueSchema)
      .check(
        z.refine(
          (r) => Object.keys(r).length <= LIMITS.fields,
          `at most ${LIMITS.fields} custom fields`,
        ),
      ),
  ),
  /** Ids of files uploaded with `POST /attachments` for this submission. */
  attachments: attachmentIds,
});

export type Submission = z.infer<typeof submissionSchema>;
export type SubmissionInput = z.input<typeof submissionSchema>;
export type FieldValue = z.infer<typeof fieldValueSchema>;

/**
 * A public reply from the requester, sent from the widget, with the ids
 * of files uploaded for it.
 *
 * @example
 * replyInputSchema.parse({ body: 'Here is the log.', attachments: [] });
 */
export const replyInputSchema = z.object({
  body: text('body', LIMITS.body),
  /** Ids of files uploaded with `POST /attachments` for this reply. */
  attachments: attachmentIds,
});

export type ReplyInput = z.infer<typeof replyInputSchema>;
