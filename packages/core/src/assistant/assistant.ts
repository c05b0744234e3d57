import { z } from 'zod';
import { type Clock, systemClock } from '../clock.js';
import { TicketryError, validationError } from '../errors.js';
import {
  type Answerer,
  createDefaultAnswerer,
  HANDOVER,
  SOLVED,
} from './answerer.js';
import {
  ASSISTANT_CATALOGS,
  type AssistantLocale,
  type AssistantTextKey,
  assistantLocaleSchema,
  assistantText,
} from './i18n/index.js';
import type { IntentRecognizer, Recognition } from './recognizer.js';
import {
  type FlowStep,
  type RunningFlow,
  startFlow,
  stepFlow,
} from './run-flow.js';
import {
  type ArticleSuggestion,
  type AssistantFlow,
  type AssistantInput,
  type AssistantReply,
  type AssistantRequester,
  assistantReplySchema,
  type TranscriptLine,
} from './types.js';

/** Up to `limit` articles for a message, best first. */
export type SuggestArticles = (
  text: string,
  limit: number,
) => Promise<readonly ArticleSuggestion[]>;

/** Options of {@link createAssistant}. */
export interface AssistantOptions {
  recognizer: IntentRecognizer;
  flows: readonly AssistantFlow[];
  /** Knowledge-base suggestions for messages no flow takes. @default none */
  suggest?: SuggestArticles;
  /** What to say when no flow takes a message. @default createDefaultAnswerer() */
  answerer?: Answerer;
  /** The identified requester. @default null */
  requester?: AssistantRequester | null;
  /** The flow that opens a ticket when the assistant cannot help. @default 'collect-ticket' */
  handoverFlow?: string;
  /** Called when the requester says a suggested article solved it. */
  onSolved?(
    articles: readonly ArticleSuggestion[],
    transcript: readonly TranscriptLine[],
  ): void | Promise<void>;
  /** @default the system clock */
  clock?: Clock;
  /** Longest wait for a flow's lookups, in ms. @default 10000 */
  timeoutMs?: number;
  /** The language to answer in until a message says otherwise. @default 'en' */
  locale?: AssistantLocale;
}

/** Characters in one message the assistant reads. */
export const MESSAGE_LIMIT = 2000;

const inputSchema = z.union([
  z.string().max(MESSAGE_LIMIT),
  z.strictObject({
    text: z.string().max(MESSAGE_LIMIT).optional(),
    choice: z.string().max(200).optional(),
    locale: assistantLocaleSchema.optional(),
  }),
]);

/** One conversation with the assistant. */
export interface Assistant {
  /** Reads a message (text, or a choice's value) and answers it. */
  send(input: AssistantInput): Promise<AssistantReply[]>;
  /** Everything said so far. */
  readonly transcript: readonly TranscriptLine[];
  /** The id of the flow in progress, or null. */
  readonly activeFlow: string | null;
  /** Stops a flow in progress. */
  stop(): void;
}

const replyText = (r: AssistantReply) =>
  r.type === 'articles'
    ? `${r.text} ${r.articles.map((a) => a.title).join('; ')}`
    : r.type === 'link'
      ? `${r.text} ${r.href}`
      : r.text;

/**
 * A conversation: recognises routine requests and runs their flows,
 * offers knowledge-base articles and the answerer's replies for the
 * rest, and hands over to the ticket flow (with the transcript) when it
 * cannot help. Runs anywhere, with no network of its own.
 *
 * @example
 * const assistant = createAssistant({ recognizer, flows });
 * const replies = await assistant.send('I forgot my password');
 */
export function createAssistant(options: AssistantOptions): Assistant {
  if (!options?.recognizer)
    throw new TypeError('createAssistant: `recognizer` is required');
  if (!Array.isArray(options.flows))
    throw new TypeError('createAssistant: `flows` must be an array');
  const clock = options.clock ?? systemClock;
  const answerer = options.answerer ?? createDefaultAnswerer();
  const fallback = createDefaultAnswerer();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const handoverId = options.handoverFlow ?? 'collect-ticket';
  const transcript: TranscriptLine[] = [];
  let running: RunningFlow | null = null;
  let problem: string | null = null;
  let flowText = '';
  let misses = 0;
  let offered: readonly ArticleSuggestion[] = [];
  let locale: AssistantLocale = assistantLocaleSchema
    .catch('en')
    .parse(options.locale ?? 'en');
  const t = (key: AssistantTextKey) => assistantText(locale, key);

  const log = (from: TranscriptLine['from'], text: string) =>
    transcript.push({ from, text, at: clock.now().toISOString() });
  const flowById = (id: string) => options.flows.find((f) => f.id === id);
  const menu = () =>
    options.flows
      .filter((f) => f.id !== handoverId)
      .map((f) => ({ id: f.id, title: flowTitle(f) }));
  const flowTitle = (f: AssistantFlow) =>
    `flow.${f.id}` in ASSISTANT_CATALOGS.en
      ? t(`flow.${f.id}` as AssistantTextKey)
      : f.title;

  async function afterStep(step: FlowStep): Promise<AssistantReply[]> {
    if (!step.output) return step.replies;
    running = null;
    if (!step.output.handover) return step.replies;
    // What started the flow that gave up is the problem to file.
    problem ??= flowText.trim() || null;
    return [...step.replies, ...(await handOver())];
  }

  async function begin(
    flow: AssistantFlow,
    text: string,
    recognition: Recognition | null,
  ) {
    running?.actor.stop();
    flowText = text;
    const started = await startFlow(
      flow,
      {
        text,
        recognition,
        requester: options.requester ?? null,
        transcript: () => transcript,
        problem,
        locale,
      },
      timeoutMs,
    );
    running = started.run;
    return afterStep(started.step);
  }

  async function handOver(): Promise<AssistantReply[]> {
    const flow = flowById(handoverId);
    const intro: AssistantReply = flow
      ? { type: 'text', text: t('handover') }
      : { type: 'text', text: t('handoverForm') };
    return flow ? [intro, ...(await begin(flow, '', null))] : [intro];
  }

  async function answer(text: string, recognition: Recognition | null) {
    problem ??= text.trim() || null;
    misses += 1;
    offered = options.suggest
      ? (await options.suggest(text, 3)).slice(0, 3)
      : [];
    const request = {
      message: text,
      transcript,
      recognition,
      articles: offered,
      flows: menu(),
      misses,
      locale,
    };
    let replies = await answerer
      .answer(request)
      .catch(() => fallback.answer(request));
    if (
      replies &&
      !replies.every((r) => assistantReplySchema.safeParse(r).success)
    ) {
      replies = await fallback.answer(request);
    }
    return replies ?? handOver();
  }

  async function turn(
    text: string,
    choice: string | undefined,
  ): Promise<AssistantReply[]> {
    if (running)
      return afterStep(
        await stepFlow(running, { text, ...(choice && { choice }) }, timeoutMs),
      );
    if (choice === SOLVED) {
      await options.onSolved?.(offered, transcript);
      misses = 0;
      return [{ type: 'text', text: t('glad') }];
    }
    if (choice === HANDOVER) return handOver();
    const chosen = choice?.startsWith('flow:')
      ? flowById(choice.slice(5))
      : undefined;
    if (chosen) return begin(chosen, text, null);
    const recognition = text.trim() ? options.recognizer.recognize(text) : null;
    const flow = recognition?.intent
      ? options.flows.find((f) => f.intents.includes(recognition.intent!))
      : undefined;
    if (flow) {
      misses = 0;
      return begin(flow, text, recognition);
    }
    return answer(text, recognition);
  }

  return {
    async send(input) {
      const parsed = inputSchema.safeParse(input);
      if (!parsed.success)
        throw validationError('message', parsed.error.issues);
      const m =
        typeof parsed.data === 'string' ? { text: parsed.data } : parsed.data;
      const text = m.text ?? '';
      if (m.locale) locale = m.locale;
      if (!text.trim() && !m.choice)
        throw new TicketryError(
          'VALIDATION_FAILED',
          'send a message or a choice',
        );
      log('requester', text || (m.choice ?? ''));
      let replies: AssistantReply[];
      try {
        replies = await turn(text, m.choice);
      } catch {
        running?.actor.stop();
        running = null;
        replies = [{ type: 'text', text: t('error') }];
      }
      for (const r of replies) log('assistant', replyText(r));
      return replies;
    },
    get transcript() {
      return transcript;
    },
    get activeFlow() {
      return running?.flow.id ?? null;
    },
    stop() {
      running?.actor.stop();
      running = null;
    },
  };
}
