/**
 * The form, one question at a time: the built-in fields a ticket needs
 * and the form's custom fields, each answer checked with the same zod
 * schemas `submissionSchemaFor` builds, so the assistant accepts
 * exactly what `POST /tickets` accepts.
 */
import * as z from 'zod/mini';
import { type FormField, fieldValueSchemaOf } from '../../public/form.js';
import {
  type FieldValue,
  requesterInputSchema,
  submissionSchema,
} from '../../public/submission.js';
import {
  type AssistantLocale,
  type AssistantTextKey,
  assistantText,
} from '../i18n/index.js';
import { isNo, isYes } from '../replies.js';
import type { Choice } from '../types.js';
import {
  type AnswerIssue,
  type AnswerKind,
  answerError,
} from './answer-errors.js';

/** What the requester answered: typed text or a choice's value. */
export interface Answer {
  text: string;
  choice?: string;
}

/** A parsed answer: its value (undefined: skipped) or why it is refused. */
export type Parsed =
  | { ok: true; value: FieldValue | undefined }
  | { ok: false; message: string };

/** One question of the form. */
export interface Question {
  /** `subject`, `description`, `email`, `category` or `fields.<name>`. */
  key: string;
  prompt: string;
  choices?: Choice[];
  parse(answer: Answer): Parsed;
}

/** The choice value that skips an optional question. */
export const SKIP = 'skip';
/** The key of the optional question that adds to a problem already stated. */
export const DETAILS = 'details';
const skipChoice = (locale: AssistantLocale): Choice => ({
  label: assistantText(locale, 'skip'),
  value: SKIP,
});
const skipped = (a: Answer) =>
  a.choice === SKIP || /^\s*skip\s*$/i.test(a.text);

/** Why an answer was refused, in words: from the schema's first issue. */
type Describe = (issue: AnswerIssue | undefined) => string;

function checked(
  schema: z.ZodMiniType,
  value: unknown,
  describe: Describe,
): Parsed {
  const r = z.safeParse(schema, value);
  if (r.success) return { ok: true, value: r.data as FieldValue };
  return { ok: false, message: describe(r.error.issues[0]) };
}

const typed = (a: Answer) => a.choice ?? a.text;

function builtIn(
  key: string,
  prompt: string,
  schema: z.ZodMiniType,
  locale: AssistantLocale,
): Question {
  const kind: AnswerKind = key === 'email' ? 'email' : 'text';
  const describe: Describe = (issue) => answerError(locale, kind, issue);
  // Spaces typed around an address are no part of it (the form trims too).
  const value = (a: Answer) => (kind === 'email' ? typed(a).trim() : typed(a));
  return { key, prompt, parse: (a) => checked(schema, value(a), describe) };
}

function selectAnswer(options: readonly string[], a: Answer): string {
  const wanted = typed(a).trim().toLowerCase();
  return options.find((o) => o.toLowerCase() === wanted) ?? typed(a);
}

/** The question of one custom field. */
export function fieldQuestion(
  field: FormField,
  locale: AssistantLocale = 'en',
): Question {
  const schema = fieldValueSchemaOf(field) as z.ZodMiniType;
  const optional = !field.required;
  const hint = field.hint ? ` (${field.hint})` : '';
  const ask = assistantText(locale, 'askField', {
    label: `${field.label}${hint}`,
  });
  const withSkip = (list: Choice[]) =>
    optional ? [...list, skipChoice(locale)] : list;
  const key = `fields.${field.name}`;
  const describe: Describe = (issue) =>
    answerError(locale, field.kind, issue, field.label);
  const skipOr =
    (parse: (a: Answer) => Parsed) =>
    (a: Answer): Parsed =>
      optional && skipped(a) ? { ok: true, value: undefined } : parse(a);
  switch (field.kind) {
    case 'select':
      return {
        key,
        prompt: ask,
        choices: withSkip(field.options.map((o) => ({ label: o, value: o }))),
        parse: skipOr((a) =>
          checked(schema, selectAnswer(field.options, a), describe),
        ),
      };
    case 'checkbox':
      return {
        key,
        prompt: ask,
        choices: [
          { label: assistantText(locale, 'yes'), value: 'yes' },
          { label: assistantText(locale, 'no'), value: 'no' },
        ],
        parse: (a) =>
          isYes(a) || isNo(a)
            ? checked(schema, isYes(a), describe)
            : { ok: false, message: assistantText(locale, 'answerYesNo') },
      };
    case 'date':
      return {
        key,
        prompt: `${ask} ${assistantText(locale, 'askDate')}`,
        ...(optional && { choices: [skipChoice(locale)] }),
        parse: skipOr((a) => checked(schema, typed(a).trim(), describe)),
      };
    default:
      return {
        key,
        prompt: ask,
        ...(optional && { choices: [skipChoice(locale)] }),
        parse: skipOr((a) => checked(schema, a.text, describe)),
      };
  }
}

/** More about a problem already stated: optional, checked as a description. */
function detailsQuestion(locale: AssistantLocale): Question {
  const q = builtIn(
    DETAILS,
    assistantText(locale, 'askDetails'),
    submissionSchema.shape.description,
    locale,
  );
  const parse = (a: Answer): Parsed =>
    skipped(a) ? { ok: true, value: undefined } : q.parse(a);
  return { ...q, choices: [skipChoice(locale)], parse };
}

/** What the questions depend on besides the form. */
export interface QuestionContext {
  /** The subject is known already (the problem the requester stated). */
  haveSubject: boolean;
  /**
   * The requester described the problem already: it is the description,
   * and an optional question asks only for more details. @default false
   */
  haveProblem?: boolean;
  /** The requester is identified: no need to ask for an address. */
  haveEmail: boolean;
  /** Categories to offer; none asks no category. */
  categories: readonly string[];
  /** The language to ask in. @default 'en' */
  locale?: AssistantLocale;
}

/** Every question to ask, in order. */
export function questionsFor(
  fields: readonly FormField[],
  c: QuestionContext,
): Question[] {
  const out: Question[] = [];
  const locale = c.locale ?? 'en';
  const t = (key: AssistantTextKey) => assistantText(locale, key);
  if (!c.haveSubject) {
    out.push(
      builtIn(
        'subject',
        t('askSubject'),
        submissionSchema.shape.subject,
        locale,
      ),
    );
  }
  out.push(
    c.haveProblem
      ? detailsQuestion(locale)
      : builtIn(
          'description',
          t('askDescription'),
          submissionSchema.shape.description,
          locale,
        ),
  );
  if (!c.haveEmail) {
    out.push(
      builtIn('email', t('askEmail'), requesterInputSchema.shape.email, locale),
    );
  }
  if (c.categories.length > 0) {
    out.push({
      key: 'category',
      prompt: t('askChoice'),
      choices: [
        ...c.categories.map((x) => ({ label: x, value: x })),
        skipChoice(locale),
      ],
      parse: (a) => {
        if (skipped(a)) return { ok: true, value: undefined };
        const value = selectAnswer(c.categories, a);
        return c.categories.includes(value)
          ? { ok: true, value }
          : { ok: false, message: t('chooseOne') };
      },
    });
  }
  return [...out, ...fields.map((f) => fieldQuestion(f, locale))];
}
