/**
 * What a conversation with the assistant takes and gives: its options,
 * the messages it reads (checked with zod) and its interface.
 */
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { TicketryError, validationError } from '../errors.js';
import type { Answerer } from './answerer.js';
import {
  type AssistantLocale,
  assistantLocaleTagSchema,
} from './i18n/index.js';
import type { IntentRecognizer } from './recognizer.js';
import type {
  ArticleSuggestion,
  AssistantFlow,
  AssistantInput,
  AssistantReply,
  AssistantRequester,
  TranscriptLine,
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
  /**
   * The language to answer in until a message says otherwise: a BCP 47
   * tag, answered in its base language when the assistant speaks it.
   * @default 'en'
   */
  locale?: AssistantLocale | (string & {});
  /**
   * The confidence from which a message in the middle of a flow is
   * taken as another routine request (switching.ts). @default 0.7
   */
  switchConfidence?: number;
}

/** Characters in one message the assistant reads. */
export const MESSAGE_LIMIT = 2000;

/** A message as `send` takes it. */
export const inputSchema = z.union([
  z.string().max(MESSAGE_LIMIT),
  z.strictObject({
    text: z.string().max(MESSAGE_LIMIT).optional(),
    choice: z.string().max(200).optional(),
    /** A BCP 47 tag; the reply language is its base language, or `en`. */
    locale: assistantLocaleTagSchema.optional(),
  }),
]);

/**
 * A message as `send` reads it: checked, its text (maybe empty) and
 * its choice; throws VALIDATION_FAILED for neither.
 */
export function readInput(input: AssistantInput): {
  text: string;
  choice?: string;
  locale?: string;
} {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw validationError('message', parsed.error.issues);
  const m =
    typeof parsed.data === 'string' ? { text: parsed.data } : parsed.data;
  const text = m.text ?? '';
  if (!text.trim() && !m.choice)
    throw new TicketryError('VALIDATION_FAILED', 'send a message or a choice');
  return { ...m, text };
}

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

/** A reply as one line of the transcript. */
export const replyText = (r: AssistantReply) =>
  r.type === 'articles'
    ? `${r.text} ${r.articles.map((a) => a.title).join('; ')}`
    : r.type === 'link'
      ? `${r.text} ${r.href}`
      : r.text;
