import { assign, emit, setup } from 'xstate';
import { z } from 'zod';
import { validationError } from '../../errors.js';
import { type AssistantLocale, assistantText } from '../i18n/index.js';
import { choices, isNo, isYes, NO, say, text, YES } from '../replies.js';
import {
  type AssistantFlow,
  CLOSED_QUESTION,
  type FlowEvent,
  type FlowInput,
  type FlowOutput,
  httpUrlSchema,
  type ReplyEmitted,
} from '../types.js';

const optionsSchema = z.strictObject({
  /** The site's own password-reset page: http or https. */
  url: httpUrlSchema,
  /** @default ['password_reset'] */
  intents: z.array(z.string().min(1)).min(1).default(['password_reset']),
  messages: z
    .strictObject({
      offer: z.string().min(1).max(500),
      label: z.string().min(1).max(200),
      check: z.string().min(1).max(500),
      solved: z.string().min(1).max(500),
    })
    .partial()
    .default({}),
});

/** Options of {@link passwordResetFlow}. */
export type PasswordResetOptions = z.input<typeof optionsSchema>;

/** The default messages in `locale`. */
const messagesIn = (locale: AssistantLocale) => ({
  offer: assistantText(locale, 'resetOffer'),
  label: assistantText(locale, 'resetLabel'),
  check: assistantText(locale, 'resetCheck'),
  solved: assistantText(locale, 'resetSolved'),
  yes: assistantText(locale, 'yes'),
  no: assistantText(locale, 'no'),
  yesOrNo: assistantText(locale, 'answerYesNo'),
});

/**
 * "I forgot my password": links to the site's own reset page, asks
 * whether it worked, and hands over to a person when it did not.
 *
 * @example
 * passwordResetFlow({ url: 'https://id.example.com/reset' });
 */
export function passwordResetFlow(
  options: PasswordResetOptions,
): AssistantFlow {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw validationError('password reset flow', parsed.error.issues);
  }
  const { url, intents } = parsed.data;
  const custom = parsed.data.messages;
  type Messages = ReturnType<typeof messagesIn>;
  type Ctx = { handover: boolean; m: Messages };
  const check = (m: Messages) =>
    choices(m.check, [
      { label: m.yes, value: YES },
      { label: m.no, value: NO },
    ]);
  const machine = setup({
    types: {
      input: {} as FlowInput,
      context: {} as Ctx,
      events: {} as FlowEvent,
      emitted: {} as ReplyEmitted,
      output: {} as FlowOutput,
    },
    guards: {
      yes: ({ event }) => isYes(event),
      no: ({ event }) => isNo(event),
    },
  }).createMachine({
    id: 'password-reset',
    context: ({ input }) => ({
      handover: false,
      m: { ...messagesIn(input.locale ?? 'en'), ...custom },
    }),
    initial: 'offered',
    states: {
      offered: {
        tags: ['waiting', CLOSED_QUESTION],
        entry: [
          emit(({ context: { m } }) =>
            say({ type: 'link', text: m.offer, label: m.label, href: url }),
          ),
          emit(({ context: { m } }) => check(m)),
        ],
        on: {
          message: [
            { guard: 'yes', target: 'solved' },
            { guard: 'no', target: 'handover' },
            {
              // "Maybe later" is no answer: the question again.
              actions: [
                emit(({ context: { m } }) => text(m.yesOrNo)),
                emit(({ context: { m } }) => check(m)),
              ],
            },
          ],
        },
      },
      solved: {
        type: 'final',
        entry: emit(({ context }) => text(context.m.solved)),
      },
      handover: { type: 'final', entry: assign({ handover: true }) },
    },
    output: ({ context }) => ({ handover: context.handover }),
  });
  return { id: 'password-reset', title: 'Reset my password', intents, machine };
}
