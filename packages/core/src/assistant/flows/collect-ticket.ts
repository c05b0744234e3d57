import { assign, emit, fromPromise, setup } from 'xstate';
import { z } from 'zod';
import * as mini from 'zod/mini';
import { validationError } from '../../errors.js';
import {
  type Form,
  formSchema,
  submissionSchemaFor,
} from '../../public/form.js';
import type { FieldValue, Submission } from '../../public/submission.js';
import { type AssistantTextKey, assistantText } from '../i18n/index.js';
import { choices, isYes, NO, say, text, YES } from '../replies.js';
import type {
  AssistantFlow,
  FlowEvent,
  FlowInput,
  FlowOutput,
  ReplyEmitted,
} from '../types.js';
import { type Question, questionsFor } from './collect-questions.js';
import { withTranscript } from './transcript.js';

/** What the desk answers when the ticket is created. */
export interface CreatedTicket {
  id: string;
  ref: string;
  /** The requester's access token, for the widget to follow the ticket. */
  accessToken?: string;
}

/** Opens the ticket (e.g. `desk.submit`); throws to refuse it. */
export type CreateTicket = (submission: Submission) => Promise<CreatedTicket>;

const optionsSchema = z.strictObject({
  /** The form the server publishes at `GET /form`. @default no custom fields */
  form: z.unknown().optional(),
  createTicket: z.custom<CreateTicket>(
    (f) => typeof f === 'function',
    'createTicket must be a function',
  ),
  /** Categories to offer. @default none asked */
  categories: z.array(z.string().min(1).max(64)).max(30).default([]),
  /** @default ['human'] */
  intents: z.array(z.string().min(1)).min(1).default(['human']),
});

/** Options of {@link collectTicketFlow}. */
export type CollectTicketOptions = z.input<typeof optionsSchema>;

type Answers = Record<string, FieldValue | undefined>;
type Ctx = {
  questions: Question[];
  index: number;
  answers: Answers;
  input: FlowInput;
};

const FIRST_LINE = /^[^\n]{1,200}/;

/** The submission from the answers, with the transcript attached. */
function submissionOf(ctx: Ctx): Record<string, unknown> {
  const a = ctx.answers;
  const requester = ctx.input.requester;
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(a)) {
    if (key.startsWith('fields.') && value !== undefined)
      fields[key.slice(7)] = value;
  }
  const subject =
    (a.subject as string | undefined) ??
    FIRST_LINE.exec(ctx.input.problem?.trim() ?? '')?.[0];
  return {
    subject,
    description: withTranscript(
      String(a.description ?? ''),
      ctx.input.transcript(),
    ),
    requester: requester ?? { email: a.email },
    ...(a.category !== undefined && { category: a.category }),
    fields,
  };
}

const ask = (q: Question): ReplyEmitted =>
  q.choices ? choices(q.prompt, q.choices) : text(q.prompt);

/**
 * "Open a ticket": asks the form's fields one at a time (the built-in
 * ones a ticket needs, then the custom fields of the same form the
 * server publishes), checks each answer with the server's own rules,
 * confirms, and opens the ticket with the conversation attached to the
 * description. Also what the assistant hands over to when it cannot help.
 *
 * @example
 * collectTicketFlow({ form, createTicket: (s) => desk.submit(s).then(...) });
 */
export function collectTicketFlow(
  options: CollectTicketOptions,
): AssistantFlow {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success)
    throw validationError('collect ticket flow', parsed.error.issues);
  const formParsed = mini.safeParse(formSchema, parsed.data.form ?? {});
  if (!formParsed.success)
    throw validationError('form', formParsed.error.issues);
  const form: Form = formParsed.data;
  const schema = submissionSchemaFor(form);
  const { createTicket, categories, intents } = parsed.data;
  /** A text in the conversation's language. */
  const t = (
    context: Ctx,
    key: AssistantTextKey,
    values?: Record<string, string>,
  ) => assistantText(context.input.locale ?? 'en', key, values);

  const machine = setup({
    types: {
      input: {} as FlowInput,
      context: {} as Ctx,
      events: {} as FlowEvent,
      emitted: {} as ReplyEmitted,
      output: {} as FlowOutput,
    },
    actors: {
      create: fromPromise(({ input }: { input: Submission }) =>
        createTicket(input),
      ),
    },
    guards: {
      valid: ({ context, event }) =>
        context.questions[context.index]!.parse(event).ok,
      more: ({ context }) => context.index < context.questions.length,
      yes: ({ event }) => isYes(event),
    },
  }).createMachine({
    id: 'collect-ticket',
    context: ({ input }) => ({
      input,
      index: 0,
      answers: {},
      questions: questionsFor(form.fields, {
        haveSubject: Boolean(input.problem?.trim()),
        haveEmail: input.requester !== null,
        categories,
        locale: input.locale ?? 'en',
      }),
    }),
    initial: 'next',
    states: {
      next: {
        always: [{ guard: 'more', target: 'asking' }, { target: 'confirming' }],
      },
      asking: {
        tags: ['waiting'],
        entry: emit(({ context }) => ask(context.questions[context.index]!)),
        on: {
          message: [
            {
              guard: 'valid',
              target: 'next',
              actions: assign(({ context, event }) => {
                const q = context.questions[context.index]!;
                const r = q.parse(event);
                const value = r.ok ? r.value : undefined;
                return {
                  index: context.index + 1,
                  answers: { ...context.answers, [q.key]: value },
                };
              }),
            },
            {
              actions: emit(({ context, event }) => {
                const r = context.questions[context.index]!.parse(event);
                return text(r.ok ? t(context, 'tryAgain') : r.message);
              }),
            },
          ],
        },
      },
      confirming: {
        tags: ['waiting'],
        entry: emit(({ context }) =>
          choices(
            t(context, 'confirm', {
              subject: String(submissionOf(context).subject ?? ''),
            }),
            [
              { label: t(context, 'openTicket'), value: YES },
              { label: t(context, 'cancel'), value: NO },
            ],
          ),
        ),
        on: {
          message: [
            { guard: 'yes', target: 'checking' },
            { target: 'cancelled' },
          ],
        },
      },
      checking: {
        always: [
          {
            guard: ({ context }) =>
              schema.safeParse(submissionOf(context)).success,
            target: 'creating',
          },
          {
            target: 'failed',
            actions: emit(({ context }) => {
              const issue = schema.safeParse(submissionOf(context)).error
                ?.issues[0];
              return text(
                t(context, 'invalidTicket', {
                  error: issue?.message ?? 'invalid',
                }),
              );
            }),
          },
        ],
      },
      creating: {
        invoke: {
          src: 'create',
          input: ({ context }) =>
            schema.parse(submissionOf(context)) as Submission,
          onDone: {
            target: 'created',
            actions: emit(({ context, event }) =>
              say({
                type: 'ticket',
                text: t(context, 'created', { ref: event.output.ref }),
                ticket: event.output,
              }),
            ),
          },
          onError: {
            target: 'failed',
            actions: emit(({ context, event }) =>
              text(
                t(context, 'createFailed', {
                  error:
                    event.error instanceof Error
                      ? event.error.message
                      : 'unknown error',
                }),
              ),
            ),
          },
        },
      },
      created: { type: 'final' },
      failed: { type: 'final' },
      cancelled: {
        type: 'final',
        entry: emit(({ context }) => text(t(context, 'cancelled'))),
      },
    },
    output: () => ({}),
  });
  return { id: 'collect-ticket', title: 'Open a ticket', intents, machine };
}
