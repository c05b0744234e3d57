import type { Messages } from './en.js';
import { format } from './locale.js';

/** What the widget knows of a failure: its stable code and own words. */
export interface Failure {
  code: string;
  message: string;
  status?: number | null;
}

/**
 * A failure in the requester's language, by its stable code. Codes the
 * widget has no words for keep the server's message.
 */
export function describeError(failure: Failure, t: Messages): string {
  const known = t.errors[failure.code as keyof Messages['errors']];
  if (!known) return failure.message;
  return format(known, { status: failure.status ?? '' });
}

/** A validation issue as zod (in the widget or on the server) reports it. */
export interface IssueLike {
  message: string;
  code?: string;
  format?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
}

/**
 * A field's error in the requester's language, from zod's issue code:
 * the field's label says which field, so the words can be generic.
 * An issue without a known code keeps its message. `fill` writes the
 * limit: pass the localizer's `format` for the locale's digits.
 */
export function describeIssue(
  issue: IssueLike,
  t: Messages,
  fill: typeof format = format,
): string {
  switch (issue.code) {
    case 'too_small':
    case 'invalid_type':
      return t.issues.required;
    case 'too_big':
      return fill(t.issues.tooLong, { max: Number(issue.maximum ?? 0) });
    case 'invalid_format':
      return issue.format === 'email' ? t.issues.email : t.issues.invalid;
    case 'custom':
      if (/direction override/.test(issue.message)) return t.issues.direction;
      return /control/.test(issue.message) ? t.issues.control : issue.message;
    case 'invalid_value':
      // An empty required select or an unticked required box.
      if (/(option|checked)$/.test(issue.message)) return t.issues.required;
      return t.issues.invalid;
    case 'invalid_union':
      return t.issues.invalid;
    default:
      return issue.message;
  }
}
