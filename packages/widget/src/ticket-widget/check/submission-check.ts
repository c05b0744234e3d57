import {
  EMAIL_PATTERN,
  type Form,
  type FormField,
  ID_PATTERN,
  LIMITS,
  type Submission,
} from '@ticketry/core/public';
import {
  formatted,
  INVALID,
  isIsoDate,
  isObject,
  lengths,
  list,
  must,
  object,
  optional,
  type Rule,
  report,
  text,
  textWords,
  type Validator,
  validator,
} from './rules.js';

/*
 * The submission rules of `@ticketry/core/public` (`submissionSchema`,
 * `submissionSchemaFor(form)`, `replyInputSchema`) written out without
 * zod: the same checks in the same order, with the same issue codes,
 * paths and messages. The widget validates with these so that zod stays
 * out of its bundle; check/agree.test.ts runs both on a corpus of valid
 * and invalid inputs and fails on any difference.
 */

const required = (name: string, max: number, line = false) =>
  text(max, textWords(name, max, 'is required', line));

const emailFormat = formatted(
  (text) => EMAIL_PATTERN.test(text),
  'email',
  'email must be a valid address',
);

const emailLength = {
  max: LIMITS.email,
  long: `email must be at most ${LIMITS.email} characters`,
};

const email: Rule = (value, path, out) => {
  const kept = emailFormat(value, path, out);
  lengths(value, path, out, emailLength);
  return kept;
};

const requester = object({
  email,
  name: optional(required('name', LIMITS.name, true)),
});

const category = optional(
  text(
    LIMITS.label,
    textWords('category', LIMITS.label, 'must not be empty', true),
  ),
);

/** A custom value without a form: text, a finite number or yes/no. */
const anyValue: Rule = (value, path, out) => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') {
    return report(out, path, 'invalid_union', INVALID);
  }
  if (value.length > LIMITS.fieldValue) {
    const long = `a field value must be at most ${LIMITS.fieldValue} characters`;
    report(out, path, 'too_big', long, { maximum: LIMITS.fieldValue });
  }
  return value;
};

/** `fields` without a form: at most 50 values under short keys. */
const anyFields: Rule = (value, path, out) => {
  if (!isObject(value)) return report(out, path, 'invalid_type', INVALID);
  const before = out.length;
  const kept: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const at = [...path, key];
    if (key.length > LIMITS.label) report(out, at, 'invalid_key', INVALID);
    else kept[key] = anyValue(v, at, out);
  }
  // zod runs a refinement only when nothing before it stopped the parse.
  const stopped = out.slice(before).some((i) => i.code !== 'too_big');
  if (!stopped && Object.keys(kept).length > LIMITS.fields) {
    report(out, path, 'custom', `at most ${LIMITS.fields} custom fields`);
  }
  return kept;
};

/** The rule of one custom field's value, messages naming its label. */
function fieldRule(field: FormField): Rule {
  const { label } = field;
  switch (field.kind) {
    case 'select':
      return must(
        (value) => field.options.includes(value as string),
        `${label}: choose an option`,
        'invalid_value',
      );
    case 'checkbox':
      return field.required
        ? must((v) => v === true, `${label} must be checked`, 'invalid_value')
        : must((v) => typeof v === 'boolean', `${label} must be true or false`);
    case 'date':
      return formatted(
        isIsoDate,
        'date',
        `${label} must be a date (YYYY-MM-DD)`,
      );
    default: {
      const max =
        field.maxLength ??
        (field.kind === 'text' ? LIMITS.subject : LIMITS.fieldValue);
      const words = textWords(label, max, 'must not be empty');
      return text(max, { ...words, type: `${label} is required` });
    }
  }
}

/** `fields` of a form: exactly its custom fields, `{}` when left out. */
function formFields(form: Form): Rule {
  const shape: Record<string, Rule> = {};
  for (const field of form.fields) {
    const rule = fieldRule(field);
    shape[field.name] = field.required ? rule : optional(rule);
  }
  const rule = object(shape, true);
  return (value, path, out) =>
    rule(value === undefined ? {} : value, path, out);
}

/**
 * `attachments`: at most `max` ids (`none`: the form takes no files),
 * each matching the server's id pattern.
 */
function attachments(max: number, none: boolean): Rule {
  const long = none
    ? 'this form takes no attachments'
    : `at most ${max} attachments`;
  const ids = list(
    formatted(
      (id) => ID_PATTERN.test(id),
      'regex',
      'not an attachment id',
      INVALID,
    ),
  );
  return optional((value, path, out) => {
    // zod refuses an oversized list before it reads any element, and
    // measures anything else with a length that is not a list.
    if (Array.isArray(value) && value.length > max) {
      return report(out, path, 'too_big', long, { maximum: max });
    }
    const kept = ids(value, path, out);
    if (!Array.isArray(value)) lengths(value, path, out, { max, long });
    return kept;
  });
}

/**
 * The widget's check of a submission: `submissionSchemaFor(form)` with
 * a form, `submissionSchema` without, as the server validates
 * `POST /tickets`.
 *
 * @example
 * const result = submissionCheckFor(form).safeParse(body);
 * if (!result.success) show(result.error.issues);
 */
export function submissionCheckFor(form: Form | null): Validator<Submission> {
  const maxFiles = form
    ? (form.attachments?.maxFiles ?? 0)
    : LIMITS.attachments;
  return validator(
    object({
      subject: required('subject', LIMITS.subject, true),
      description: required('description', LIMITS.body),
      requester,
      category,
      fields: form ? formFields(form) : optional(anyFields),
      attachments: attachments(maxFiles, !!form && !maxFiles),
    }),
  );
}

/**
 * `replyInputSchema`: a reply's body, trimmed, 1 to 20,000 characters,
 * and at most `LIMITS.attachments` ids of uploaded files.
 */
export const replyCheck: Validator<{ body: string; attachments?: string[] }> =
  validator(
    object({
      body: required('body', LIMITS.body),
      attachments: attachments(LIMITS.attachments, false),
    }),
  );
