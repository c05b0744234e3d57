/**
 * What the assistant says when no flow fits a message. A site can plug
 * a language model in through {@link Answerer}; the default answers
 * deterministically from the suggested articles and the flows on offer.
 */
import { type AssistantLocale, assistantText } from './i18n/index.js';
import type { Recognition } from './recognizer.js';
import {
  type ArticleSuggestion,
  type AssistantReply,
  assistantReplySchema,
  flowChoice,
  type TranscriptLine,
} from './types.js';

/** The choice value: a suggested article solved the problem. */
export const SOLVED = 'solved';
/** The choice value: hand over to a person (open a ticket). */
export const HANDOVER = 'handover';

/** What an answerer is asked about a message no flow took. */
export interface AnswerRequest {
  message: string;
  transcript: readonly TranscriptLine[];
  /** The recognizer's guess, under its threshold or without a flow. */
  recognition: Recognition | null;
  /** Up to three articles the knowledge base suggests. */
  articles: readonly ArticleSuggestion[];
  /** The flows the requester may start, by id and title. */
  flows: readonly { id: string; title: string }[];
  /** How many messages in a row no flow took, this one included. */
  misses: number;
  /** The language to answer in. @default 'en' */
  locale?: AssistantLocale;
}

/**
 * Answers a message no flow took. Returns the replies, or null when it
 * cannot help: the assistant then hands over to a person. Replies are
 * checked against `assistantReplySchema` before they are sent, so a
 * model's output cannot smuggle markup or odd links through.
 */
export interface Answerer {
  answer(request: AnswerRequest): Promise<AssistantReply[] | null>;
}

/**
 * The default answerer: offers the suggested articles and asks whether
 * one solved it; without articles, asks once what the requester needs
 * among the flows on offer; the second time, gives up (null).
 *
 * @example
 * const answerer = createDefaultAnswerer();
 */
export function createDefaultAnswerer(): Answerer {
  return {
    async answer(r) {
      const t = (key: Parameters<typeof assistantText>[1]) =>
        assistantText(r.locale ?? 'en', key);
      if (r.articles.length > 0) {
        return [
          {
            type: 'articles',
            text: t('articles'),
            articles: [...r.articles],
          },
          {
            type: 'choices',
            text: t('solvedQuestion'),
            choices: [
              { label: t('yesSolved'), value: SOLVED },
              { label: t('stillNeedHelp'), value: HANDOVER },
            ],
          },
        ];
      }
      if (r.misses > 1) return null;
      return [menuReply(r.locale ?? 'en', r.flows)];
    },
  };
}

/**
 * "I am not sure I understood": the flows on offer and a person, as
 * choices in `locale`.
 */
export function menuReply(
  locale: AssistantLocale,
  flows: readonly { id: string; title: string }[],
): AssistantReply {
  return {
    type: 'choices',
    text: assistantText(locale, 'notSure'),
    choices: [
      ...flows.map((f) => ({ label: f.title, value: flowChoice(f.id) })),
      { label: assistantText(locale, 'talkToPerson'), value: HANDOVER },
    ].slice(0, 12),
  };
}

/**
 * What `answerer` says, or what `fallback` says instead when the
 * answerer throws or says something `assistantReplySchema` refuses.
 */
export async function answerChecked(
  answerer: Answerer,
  fallback: Answerer,
  request: AnswerRequest,
): Promise<AssistantReply[] | null> {
  const replies = await answerer
    .answer(request)
    .catch(() => fallback.answer(request));
  const valid = (r: AssistantReply) =>
    assistantReplySchema.safeParse(r).success;
  return replies && !replies.every(valid) ? fallback.answer(request) : replies;
}
