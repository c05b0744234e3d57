/**
 * What the assistant says and hears: replies as plain data (text is
 * always plain text, links only http and https), the transcript, and
 * the contract of a flow.
 */

import type { AnyStateMachine } from 'xstate';
import { z } from 'zod';
import type { AssistantLocale } from './i18n/index.js';
import type { Recognition } from './recognizer.js';

const plain = z.string().min(1).max(4000);

/** A link the assistant offers: http or https only. */
export const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: 'a link must be an http or https URL' })
  .max(2000);

const choiceSchema = z.object({
  label: z.string().min(1).max(200),
  value: z.string().min(1).max(200),
});

/** One thing the assistant says. Every `text` is plain text. */
export const assistantReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: plain }),
  z.object({
    type: z.literal('link'),
    text: plain,
    label: z.string().min(1).max(200),
    href: httpUrlSchema,
  }),
  z.object({
    type: z.literal('choices'),
    text: plain,
    choices: z.array(choiceSchema).min(1).max(12),
  }),
  z.object({
    type: z.literal('articles'),
    text: plain,
    articles: z
      .array(
        z.object({
          id: z.string().min(1).max(200),
          title: z.string().min(1).max(300),
          href: httpUrlSchema.optional(),
          snippet: z.string().max(500).optional(),
        }),
      )
      .max(3),
  }),
  z.object({
    type: z.literal('ticket'),
    text: plain,
    ticket: z.object({
      id: z.string(),
      ref: z.string(),
      accessToken: z.string().optional(),
    }),
  }),
]);

export type AssistantReply = z.infer<typeof assistantReplySchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type ArticleSuggestion = Extract<
  AssistantReply,
  { type: 'articles' }
>['articles'][number];

/** One line of the conversation. */
export interface TranscriptLine {
  from: 'requester' | 'assistant';
  text: string;
  /** ISO instant. */
  at: string;
}

/** What the requester sends: typed text, or the value of a choice. */
export type AssistantInput =
  | string
  | {
      text?: string;
      choice?: string;
      /** A BCP 47 tag (`de-CH`): answered in its base language, or `en`. */
      locale?: AssistantLocale | (string & {});
    };

/** The requester, when the site identified them. */
export interface AssistantRequester {
  email: string;
  name?: string;
}

/** What a flow's machine is started with. */
export interface FlowInput {
  /** The message that started the flow. */
  text: string;
  recognition: Recognition | null;
  requester: AssistantRequester | null;
  /** The conversation so far, for a flow that files it. */
  transcript(): readonly TranscriptLine[];
  /** What the requester said about the problem before the flow. */
  problem: string | null;
  /** The language to answer in. @default 'en' */
  locale?: AssistantLocale;
}

/** What a flow's machine ends with. */
export interface FlowOutput {
  /** The flow could not help: hand over to a person. */
  handover?: boolean;
}

/** The events a flow's machine receives. */
export type FlowEvent = { type: 'message'; text: string; choice?: string };

/** The event a flow's machine emits to speak. */
export interface ReplyEmitted {
  type: 'reply';
  reply: AssistantReply;
}

/**
 * A routine request the assistant handles: the intents that start it
 * and an XState machine that runs it. The machine takes a
 * {@link FlowInput}, receives `{ type: 'message' }` events, emits
 * `{ type: 'reply', reply }` to speak, waits in states tagged
 * `waiting`, and ends in a final state whose output is a
 * {@link FlowOutput}.
 */
export interface AssistantFlow {
  id: string;
  /** Shown when the assistant lists what it can do. */
  title: string;
  intents: readonly string[];
  machine: AnyStateMachine;
}

/**
 * The tag of a waiting state whose answers are few (yes or no, a
 * reference): a message that is none of them but clearly another
 * routine request switches to that request's flow at once, and this
 * one asks again after it. Untagged waiting states take free text: the
 * assistant asks before switching.
 */
export const CLOSED_QUESTION = 'closed-question';

/** The choice value that starts a flow by its id. */
export const flowChoice = (id: string) => `flow:${id}`;
