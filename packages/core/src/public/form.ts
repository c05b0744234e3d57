import * as z from 'zod/mini';
import {
  ATTACHMENT_TYPES,
  type AttachmentType,
  FIELD_KINDS,
} from './form-kinds.js';
import { isoDate } from './iso.js';
import { LIMITS } from './limits.js';
import { type FieldValue, submissionSchema } from './submission.js';
import { ID_PATTERN, withoutControlCharacters } from './text.js';

const int = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .check(
      z.refine(
        (n) => Number.isInteger(n) && n >= min && n <= max,
        `${what} must be a whole number from ${min} to ${max}`,
      ),
    );

const words = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .check(
      z.trim(),
      z.minLength(1, `${what} must not be empty`),
      z.maxLength(max, `${what} must be at most ${max} characters`),
      z.refine(withoutControlCharacters, `${what} has control characters`),
    );

const common = {
  name: z
    .string({ error: 'name must be text' })
    .check(
      z.regex(
        /^[A-Za-z][A-Za-z0-9_]{0,63}$/,
        'name must be a letter, then up to 63 letters, digits or _',
      ),
    ),
  label: words('label', LIMITS.name),
  required: z._default(
    z.boolean({ error: 'required must be true or false' }),
    false,
  ),
  /** A line of help shown under the control. */
  hint: z.optional(words('hint', LIMITS.subject)),
};

const maxLength = z.optional(int('maxLength', 1, LIMITS.fieldValue));

/** One custom field of a form. Unknown properties are refused. */
export const formFieldSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...common, kind: z.literal('text'), maxLength }),
    z.strictObject({ ...common, kind: z.literal('longText'), maxLength }),
    z.strictObject({
      ...common,
      kind: z.literal('select'),
      options: z.array(words('an option', LIMITS.label)).check(
        z.minLength(1, 'a select needs at least one option'),
        z.maxLength(50, 'a select has at most 50 options'),
        z.refine((o) => new Set(o).size === o.length, 'options must differ'),
      ),
    }),
    z.strictObject({ ...common, kind: z.literal('checkbox') }),
    z.strictObject({ ...common, kind: z.literal('date') }),
  ],
  { error: `kind must be one of: ${FIELD_KINDS.join(', ')}` },
);

export type FormField = z.infer<typeof formFieldSchema>;
export type FormFieldInput = z.input<typeof formFieldSchema>;

/** What a desk accepts as attachments. */
export const attachmentRulesSchema = z.strictObject({
  /** Allowed types, from {@link ATTACHMENT_TYPES}. */
  types: z
    .array(
      z.enum(Object.keys(ATTACHMENT_TYPES) as AttachmentType[], {
        error: `types must be among: ${Object.keys(ATTACHMENT_TYPES).join(', ')}`,
      }),
    )
    .check(z.minLength(1, 'types must name at least one type')),
  /** Largest file, in bytes. */
  maxBytes: int('maxBytes', 1, LIMITS.attachmentBytes),
  /** Most files on one submission. */
  maxFiles: z._default(int('maxFiles', 1, LIMITS.attachments), 5),
});

export type AttachmentRules = z.infer<typeof attachmentRulesSchema>;

/**
 * A desk's submission form: custom fields shown after the built-in
 * ones, and the attachment rules (null: no attachments). The server
 * validates it at configuration and publishes it at `GET /form`; the
 * widget reads it back with this same schema.
 *
 * @example
 * const form = formSchema.parse({
 *   fields: [{ name: 'asset', kind: 'text', label: 'Asset tag' }],
 *   attachments: { types: ['image/png'], maxBytes: 1_000_000 },
 * });
 */
export const formSchema = z.strictObject({
  fields: z._default(
    z.array(formFieldSchema).check(
      z.maxLength(LIMITS.fields, `a form has at most ${LIMITS.fields} fields`),
      z.refine(
        (f) => new Set(f.map((x) => x.name)).size === f.length,
        'field names must differ',
      ),
    ),
    [],
  ),
  attachments: z._default(z.nullable(attachmentRulesSchema), null),
});

export type Form = z.infer<typeof formSchema>;
export type FormInput = z.input<typeof formSchema>;

/** The schema of one custom field's value, messages naming its label. */
export function fieldValueSchemaOf(field: FormField) {
  const { label } = field;
  switch (field.kind) {
    case 'select':
      return z.enum(field.options, { error: `${label}: choose an option` });
    case 'checkbox':
      return field.required
        ? z.literal(true, { error: `${label} must be checked` })
        : z.boolean({ error: `${label} must be true or false` });
    case 'date':
      return isoDate({ error: `${label} must be a date (YYYY-MM-DD)` });
    default: {
      const max =
        field.maxLength ??
        (field.kind === 'text' ? LIMITS.subject : LIMITS.fieldValue);
      return z
        .string({ error: `${label} is required` })
        .check(
          z.trim(),
          z.minLength(1, `${label} must not be empty`),
          z.maxLength(max, `${label} must be at most ${max} characters`),
          z.refine(
            withoutControlCharacters,
            `${label} must not contain control characters`,
          ),
        );
    }
  }
}

/**
 * The submission schema of a form: the built-in fields, `fields`
 * holding exactly the form's custom fields (required ones present,
 * unknown ones refused) and at most `maxFiles` attachment ids. The
 * server and the widget both validate with this function's result, so
 * they agree on every rule and every message.
 *
 * @example
 * const schema = submissionSchemaFor(form);
 * const result = schema.safeParse(body); // issues at ['fields', name]
 */
export function submissionSchemaFor(form: Form) {
  const shape: Record<string, z.core.SomeType> = {};
  for (const field of form.fields) {
    const value = fieldValueSchemaOf(field);
    shape[field.name] = field.required ? value : z.optional(value);
  }
  const maxFiles = form.attachments?.maxFiles ?? 0;
  return z.extend(submissionSchema, {
    fields: z.prefault(
      // Every value schema yields a FieldValue; the record type says so.
      z.strictObject(shape) as unknown as z.ZodMiniType<
        Record<string, FieldValue>
      >,
      {},
    ),
    attachments: z.optional(
      z
        .array(z.string().check(z.regex(ID_PATTERN, 'not an attachment id')))
        .check(
          z.maxLength(
            maxFiles,
            maxFiles
              ? `at most ${maxFiles} attachments`
              : 'this form takes no attachments',
          ),
        ),
    ),
  });
}
