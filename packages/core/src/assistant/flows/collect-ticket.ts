import { assign, emit, fromPromise, setup } from 'xstate';
import { z } from 'zod';
import * as mini from 'zod/mini';
import { validationError } from '../../errors.js';
import {
  type Form,
  formSchema,
  submissionSchemaFor,
} from '../../public/form.js';
import type { Submission } from '../../public/submission.js';
import { type AssistantTextKey, assistantText } from '../i18n/index.js';
import { choices, isNo, isYes, NO, say, text, YES } from '../replies.js';
import {
  type AssistantFlow,
  CLOSED_QUESTION,
  type FlowEvent,
  type FlowInput,
  type FlowOutput,
  type ReplyEmitted,
} from '../types.js';
import { descriptionOf, quoteUserText, subjectOf } from '../user-text.js';
import { submissionError } from './answer-errors.js';
import { questionsFor } from './collect-questions.js';
import {
  ask,
  type CreateTicket,
  type Ctx,
  conversationOf,
  submissionOf,
  type TicketConversation,
} from './ticket-submission.js';

export type {
  CreatedTicket,
  CreateTicket,
  TicketConversation,
} from './ticket-submission.js';

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

/**
 * "Open a ticket": asks the form's fields one at a time (the built-in
 * ones a ticket needs, then the custom fields of the same form the
 * server publishes), checks each answer with the server's own rules,
 * confirms, and opens the ticket: the submission holds only what the
 * requester wrote, and `createTicket` gets the conversation beside it
 * to file as an internal note. Also what the assistant hands over to
 * when it cannot help.
 *
 * @example
 * collectTicketFlow({ form, createTicket: (s, c) => open(s, c.text) });
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

  /** "Shall I open a ticket about …?", the subject quoted and isolated. */
  const confirmation = (context: Ctx) =>
    choices(
      t(context, 'confirm', {
        subject: quoteUserText(String(submissionOf(context).subject ?? '')),
      }),
      [
        { label: t(context, 'openTicket'), value: YES },
        { label: t(context, 'cancel'), value: NO },
      ],
    );

  const machine = setup({
    types: {
      input: {} as FlowInput,
      context: {} as Ctx,
      events: {} as FlowEvent,
      emitted: {} as ReplyEmitted,
      output: {} as FlowOutput,
    },
    actors: {
      create: fromPromise(
        ({
          input,
        }: {
          input: { submission: Submission; conversation: TicketConversation };
        }) => createTicket(input.submission, input.conversation),
      ),
    },
    guards: {
      valid: ({ context, event }) =>
        context.questions[context.index]!.parse(event).ok,
      more: ({ context }) => context.index < context.questions.length,
      yes: ({ event }) => isYes(event),
      no: ({ event }) => isNo(event),
    },
  }).createMachine({
    id: 'collect-ticket',
    context: ({ input }) => {
      // A problem stated before is the subject and the description, when
      // what is left of it once cleaned is one the server takes.
      const stated =
        subjectOf(input.problem) !== undefined &&
        descriptionOf(input.problem) !== undefined;
      const questions = questionsFor(form.fields, {
        haveSubject: stated,
        haveProblem: stated,
        haveEmail: input.requester !== null,
        categories,
        locale: input.locale ?? 'en',
      });
      return { input, index: 0, answers: {}, questions };
    },
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
              // The refusal, then the question again (with its buttons).
              actions: [
                emit(({ context, event }) => {
                  const r = context.questions[context.index]!.parse(event);
                  return text(r.ok ? t(context, 'tryAgain') : r.message);
                }),
                emit(({ context }) => ask(context.questions[context.index]!)),
              ],
            },
          ],
        },
      },
      confirming: {
        tags: ['waiting', CLOSED_QUESTION],
        entry: emit(({ context }) => confirmation(context)),
        on: {
          message: [
            { guard: 'yes', target: 'checking' },
            { guard: 'no', target: 'cancelled' },
            {
              // Neither a yes nor a no: the question again.
              actions: [
                emit(({ context }) => text(t(context, 'answerYesNo'))),
                emit(({ context }) => confirmation(context)),
              ],
            },
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
              const locale = context.input.locale ?? 'en';
              const error = submissionError(locale, form.fields, issue);
              return text(t(context, 'invalidTicket', { error }));
            }),
          },
        ],
      },
      creating: {
        invoke: {
          src: 'create',
          input: ({ context }) => ({
            submission: schema.parse(submissionOf(context)) as Submission,
            conversation: conversationOf(context),
          }),
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
