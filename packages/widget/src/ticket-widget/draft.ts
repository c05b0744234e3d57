import type { FieldValue, Submission } from '@ticketry/core/public';
import type { ApiIssue } from './api.js';
import type { Validator } from './check/rules.js';

/** The form as the requester typed it. */
export interface Draft {
  subject: string;
  description: string;
  email: string;
  name: string;
  /** Empty when no category was chosen. */
  category: string;
}

/** A form field that can carry an error. */
export type FieldName = keyof Draft;

/** Form fields in the order they are shown, for focusing the first error. */
export const FIELD_ORDER: readonly FieldName[] = [
  'subject',
  'description',
  'category',
  'email',
  'name',
];

/**
 * Errors split into those shown next to a field and the rest. Keys are
 * control ids: a built-in field's name, `cf-<name>` for a custom field,
 * `attachments` for the file picker.
 */
export interface DraftErrors {
  fields: Partial<Record<string, string>>;
  /** Issues no field owns, shown above the form. */
  other: string[];
}

/** A draft with nothing typed in it. */
export function emptyDraft(): Draft {
  const draft = {} as Draft;
  for (const field of FIELD_ORDER) draft[field] = '';
  return draft;
}

/** The submission a draft stands for; empty optional fields are left out. */
export function toSubmission(
  draft: Draft,
  fields?: Record<string, FieldValue>,
): unknown {
  const name = draft.name.trim();
  const category = draft.category.trim();
  const email = draft.email.trim();
  return {
    subject: draft.subject,
    description: draft.description,
    requester: name ? { email, name } : { email },
    ...(category && { category }),
    ...(fields && { fields }),
  };
}

/** The words a field's error shows for an issue. */
export type DescribeIssue = (issue: ApiIssue) => string;

/**
 * Checks a draft and its custom `fields` with the server's own rules
 * (`schema`, see FormExtras); `describe` words field errors.
 *
 * @example
 * const result = validateDraft(draft, describe, submissionCheckFor(null));
 * if (!result.ok) showErrors(result.errors);
 */
export function validateDraft(
  draft: Draft,
  describe: DescribeIssue,
  schema: Validator<Submission>,
  fields?: Record<string, FieldValue>,
): { ok: true; value: Submission } | { ok: false; errors: DraftErrors } {
  const result = schema.safeParse(toSubmission(draft, fields));
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: issuesToErrors(result.error.issues, describe) };
}

const FIELD_BY_PATH: Record<string, FieldName> = {
  subject: 'subject',
  description: 'description',
  category: 'category',
  requester: 'email',
  'requester.email': 'email',
  'requester.name': 'name',
};

/**
 * Places issues, the widget's or a 422's, next to their fields, worded
 * by `describe`; the first message for a field wins. Issues no field
 * owns go to `other` with their own message.
 */
export function issuesToErrors(
  issues: readonly ApiIssue[],
  describe: DescribeIssue,
): DraftErrors {
  const errors: DraftErrors = { fields: {}, other: [] };
  for (const issue of issues) {
    const path = issue.path.map(String);
    const [head, sub] = path;
    const field =
      head === 'attachments'
        ? head
        : head === 'fields' && sub
          ? `cf-${sub}`
          : FIELD_BY_PATH[path.join('.')];
    if (!field) errors.other.push(issue.message);
    else errors.fields[field] ??= describe(issue);
  }
  return errors;
}

/**
 * A fresh `Idempotency-Key`: `crypto.randomUUID()` where the page is a
 * secure context, else the random UUID that ends a blob URL.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const url = URL.createObjectURL(new Blob());
  URL.revokeObjectURL(url);
  return url.slice(-36);
}
