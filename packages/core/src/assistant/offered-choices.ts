/**
 * The choices the assistant's last answer offered. A `choice` is only
 * an answer when it is one of them: a value never offered ("banana"),
 * or one of an earlier answer ("solved" twice), is read as the text
 * sent with it, and with no text the question is asked again.
 */
import type { AssistantReply } from './types.js';

/** What the last answer offered, and its last question with buttons. */
export interface OfferedChoices {
  /** Remembers the choices of an answer, forgetting the previous ones. */
  remember(replies: readonly AssistantReply[]): void;
  /** Whether `value` is one of the choices the last answer offered. */
  has(value: string): boolean;
  /** The last answer's question with buttons, if it had one. */
  readonly question: AssistantReply | null;
}

/**
 * An empty memory of offered choices, for one conversation.
 *
 * @example
 * const offered = createOfferedChoices();
 * offered.remember(replies);
 * if (choice && !offered.has(choice)) choice = undefined;
 */
export function createOfferedChoices(): OfferedChoices {
  let values = new Set<string>();
  let question: AssistantReply | null = null;
  return {
    remember(replies) {
      const asked = replies.filter((r) => r.type === 'choices');
      values = new Set(asked.flatMap((r) => r.choices.map((c) => c.value)));
      question = asked.at(-1) ?? null;
    },
    has: (value) => values.has(value),
    get question() {
      return question;
    },
  };
}
