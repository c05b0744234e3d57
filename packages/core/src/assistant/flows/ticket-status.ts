import { assign, emit, fromPromise, setup } from 'xstate';
import { z } from 'zod';
import { validationError } from '../../errors.js';
import { type AssistantLocale, assistantText } from '../i18n/index.js';
import { normalizeIntentText } from '../normalize.js';
import { text } from '../replies.js';
import {
  type AssistantFlow,
  CLOSED_QUESTION,
  type FlowEvent,
  type FlowInput,
  type FlowOutput,
  type ReplyEmitted,
} from '../types.js';
import { quoteUserText } from '../user-text.js';

/** What the flow tells about one ticket. */
export interface TicketStatusItem {
  ref: string;
  subject: string;
  /** The ticket's status, e.g. `in_progress`. */
  status: string;
  /** ISO instant of the last change. */
  updatedAt: string;
}

/**
 * Where the flow reads tickets, scoped to who is asking: the server
 * answers only with tickets the caller may see.
 */
export interface TicketLookup {
  /**
   * The identified requester's tickets, newest first (empty: none yet);
   * null when not identified.
   */
  mine(): Promise<TicketStatusItem[] | null>;
  /** A ticket by its reference, or null when none the caller may see. */
  byRef(ref: string): Promise<TicketStatusItem | null>;
}

const optionsSchema = z.strictObject({
  tickets: z.custom<TicketLookup>(
    (t) => typeof (t as TicketLookup)?.byRef === 'function',
    'tickets must have byRef() and mine()',
  ),
  /** @default ['ticket_status'] */
  intents: z.array(z.string().min(1)).min(1).default(['ticket_status']),
  /** Tickets listed for an identified requester. @default 5 */
  limit: z.number().int().min(1).max(20).default(5),
});

/** Options of {@link ticketStatusFlow}. */
export type TicketStatusOptions = z.input<typeof optionsSchema>;

const REF = /\b([A-Za-z][A-Za-z0-9]{0,9}-\d{1,12})\b/;

/**
 * The first ticket reference in a message, upper-cased, or null; read
 * after normalising, so full-width "Ｔ－１０４２", Arabic-Indic digits
 * and direction marks inside it still count.
 */
export const refIn = (message: string): string | null =>
  REF.exec(normalizeIntentText(message))?.[1]?.toUpperCase() ?? null;

const line = (locale: AssistantLocale, t: TicketStatusItem) =>
  assistantText(locale, 'statusLine', {
    ref: t.ref,
    subject: quoteUserText(t.subject),
    status: t.status.replaceAll('_', ' '),
    date: t.updatedAt.slice(0, 10),
  });

type Ctx = { ref: string | null; tries: number; locale: AssistantLocale };

/**
 * "What is the status of my ticket?": lists an identified requester's
 * latest tickets, or asks for a reference and looks it up (the lookup
 * only finds what the caller may see).
 *
 * @example
 * ticketStatusFlow({ tickets: { mine: async () => null, byRef: async () => null } });
 */
export function ticketStatusFlow(options: TicketStatusOptions): AssistantFlow {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw validationError('ticket status flow', parsed.error.issues);
  }
  const { tickets, intents, limit } = parsed.data;
  const machine = setup({
    types: {
      input: {} as FlowInput,
      context: {} as Ctx,
      events: {} as FlowEvent,
      emitted: {} as ReplyEmitted,
      output: {} as FlowOutput,
    },
    actors: {
      mine: fromPromise(() => tickets.mine()),
      byRef: fromPromise(({ input }: { input: string }) =>
        tickets.byRef(input),
      ),
    },
    guards: {
      hasRef: ({ context }) => context.ref !== null,
      refInMessage: ({ event }) => refIn(event.text) !== null,
      tooManyTries: ({ context }) => context.tries >= 2,
    },
  }).createMachine({
    id: 'ticket-status',
    context: ({ input }) => ({
      ref: refIn(input.text),
      tries: 0,
      locale: input.locale ?? 'en',
    }),
    initial: 'start',
    states: {
      start: {
        always: [
          { guard: 'hasRef', target: 'lookingUp' },
          { target: 'listing' },
        ],
      },
      listing: {
        invoke: {
          src: 'mine',
          onDone: [
            {
              guard: ({ event }) => (event.output?.length ?? 0) > 0,
              target: 'done',
              actions: emit(({ context: { locale }, event }) =>
                text(
                  [
                    assistantText(locale, 'latest'),
                    ...event
                      .output!.slice(0, limit)
                      .map((t) => line(locale, t)),
                  ].join('\n'),
                ),
              ),
            },
            {
              // Identified, with no request yet: nothing to ask a reference of.
              guard: ({ event }) => event.output !== null,
              target: 'done',
              actions: emit(({ context: { locale } }) =>
                text(assistantText(locale, 'noRequests')),
              ),
            },
            { target: 'askRef' },
          ],
          onError: { target: 'askRef' },
        },
      },
      askRef: {
        tags: ['waiting', CLOSED_QUESTION],
        entry: emit(({ context }) =>
          text(assistantText(context.locale, 'askRef')),
        ),
        on: {
          message: [
            {
              guard: 'refInMessage',
              target: 'lookingUp',
              actions: assign({ ref: ({ event }) => refIn(event.text) }),
            },
            { guard: 'tooManyTries', target: 'done' },
            {
              target: 'askRef',
              reenter: true,
              actions: assign({ tries: ({ context }) => context.tries + 1 }),
            },
          ],
        },
      },
      lookingUp: {
        invoke: {
          src: 'byRef',
          input: ({ context }) => context.ref!,
          onDone: [
            {
              guard: ({ event }) => event.output !== null,
              target: 'done',
              actions: emit(({ context, event }) =>
                text(line(context.locale, event.output!)),
              ),
            },
            {
              target: 'done',
              actions: emit(({ context }) =>
                text(
                  assistantText(context.locale, 'notShown', {
                    ref: context.ref!,
                  }),
                ),
              ),
            },
          ],
          onError: {
            target: 'done',
            actions: emit(({ context }) =>
              text(assistantText(context.locale, 'lookupFailed')),
            ),
          },
        },
      },
      done: { type: 'final' },
    },
    output: () => ({}),
  });
  return {
    id: 'ticket-status',
    title: 'Status of my ticket',
    intents,
    machine,
  };
}
