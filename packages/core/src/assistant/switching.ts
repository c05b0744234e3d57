/**
 * Another request in the middle of a flow: a message that is no answer
 * to the question asked (not a yes or a no, no choice) but, with high
 * confidence, the routine request of another flow. At a closed
 * question (a waiting state tagged {@link CLOSED_QUESTION}: yes or no,
 * a reference) the assistant switches at once; at an open one (free
 * text, where anything may be the answer) it asks first. Either way
 * the interrupted flow waits and asks its question again when the
 * other flow ends.
 */
import { type AssistantLocale, assistantText } from './i18n/index.js';
import type { IntentRecognizer, Recognition } from './recognizer.js';
import { isNo, isYes } from './replies.js';
import type { AssistantFlow, AssistantReply } from './types.js';

/** The choice values of the offer to switch: switch, or keep the answer. */
export const SWITCH = 'switch';
export const KEEP = 'keep';

/** The flow a message switches to, and the recognition that chose it. */
export interface SwitchTarget {
  flow: AssistantFlow;
  recognition: Recognition;
}

/** What {@link switchTarget} weighs a message against. */
export interface SwitchContext {
  recognizer: IntentRecognizer;
  flows: readonly AssistantFlow[];
  /** Flows never switched to: the running, the waiting, the handover. */
  busy: readonly (string | undefined)[];
  /** The confidence from which a message is another request. */
  minConfidence: number;
}

/**
 * The other flow a message mid-flow asks for, or null when it is an
 * answer: a choice, a yes or a no, or no confident routine request.
 */
export function switchTarget(
  message: { text: string; choice?: string },
  c: SwitchContext,
): SwitchTarget | null {
  if (message.choice || !message.text.trim()) return null;
  if (isYes(message) || isNo(message)) return null;
  const recognition = c.recognizer.recognize(message.text);
  const { intent, confidence } = recognition;
  if (!intent || confidence < c.minConfidence) return null;
  const flow = c.flows.find((f) => f.intents.includes(intent));
  if (!flow || c.busy.includes(flow.id)) return null;
  return { flow, recognition };
}

/** How the requester answered the offer to switch, or null: neither. */
export function offerAnswer(message: {
  text: string;
  choice?: string;
}): typeof SWITCH | typeof KEEP | null {
  if (message.choice === SWITCH) return SWITCH;
  if (message.choice === KEEP) return KEEP;
  if (message.choice) return null;
  if (isYes(message)) return SWITCH;
  return isNo(message) ? KEEP : null;
}

/** The offer to answer another request first. */
export const offerReply = (
  locale: AssistantLocale,
  flow: string,
): AssistantReply => ({
  type: 'choices',
  text: assistantText(locale, 'offerSwitch', { flow }),
  choices: [
    { label: assistantText(locale, 'switchYes'), value: SWITCH },
    { label: assistantText(locale, 'switchNo'), value: KEEP },
  ],
});
