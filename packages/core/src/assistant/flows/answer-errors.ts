/**
 * Why an answer is refused, in the conversation's language. The checks
 * stay the server's own schemas; only their English messages are
 * replaced, by what kind of answer was asked and the issue's code. A
 * custom field's label comes from the form as the site wrote it.
 */
import {
  type AssistantLocale,
  type AssistantTextKey,
  assistantText,
} from '../i18n/index.js';

/** What a zod issue tells about a refused answer. */
export interface AnswerIssue {
  code: string;
  maximum?: unknown;
}

/** The kind of answer asked: a built-in field's or a custom field's. */
export type AnswerKind =
  | 'text'
  | 'email'
  | 'select'
  | 'checkbox'
  | 'date'
  | 'longText';

function keyOf(kind: AnswerKind, issue: AnswerIssue): AssistantTextKey {
  if (kind === 'select') return 'chooseOne';
  if (kind === 'checkbox') return 'mustBeYes';
  if (kind === 'date') return 'askDate';
  if (issue.code === 'too_big') return 'answerTooLong';
  if (kind === 'email') return 'invalidEmail';
  if (issue.code === 'custom') return 'answerControl';
  return 'answerEmpty';
}

/**
 * The refusal of an answer in `locale`; with `label` (a custom field),
 * the field's label before it.
 *
 * @example
 * answerError('de', 'email', { code: 'invalid_format' });
 */
export function answerError(
  locale: AssistantLocale,
  kind: AnswerKind,
  issue: AnswerIssue | undefined,
  label?: string,
): string {
  const code = issue ?? { code: 'invalid' };
  const max = typeof code.maximum === 'number' ? String(code.maximum) : '';
  const message = assistantText(locale, keyOf(kind, code), { max });
  return label
    ? assistantText(locale, 'aboutField', { label, message })
    : message;
}

/**
 * The refusal of a whole submission (its first issue) in `locale`: the
 * field it names, as {@link answerError} words it.
 */
export function submissionError(
  locale: AssistantLocale,
  fields: readonly { name: string; kind: AnswerKind; label: string }[],
  issue: (AnswerIssue & { path: readonly PropertyKey[] }) | undefined,
): string {
  const [first, second] = issue?.path ?? [];
  if (first === 'requester') return answerError(locale, 'email', issue);
  const field =
    first === 'fields' ? fields.find((f) => f.name === second) : undefined;
  return field
    ? answerError(locale, field.kind, issue, field.label)
    : answerError(locale, 'text', issue);
}
