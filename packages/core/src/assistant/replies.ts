/**
 * Reply builders for flows: each wraps a reply in the `reply` event
 * that a flow's machine emits.
 */
import type { AssistantReply, Choice, ReplyEmitted } from './types.js';

/** The event that says `reply`. */
export const say = (reply: AssistantReply): ReplyEmitted => ({
  type: 'reply',
  reply,
});

/** Plain text. */
export const text = (value: string): ReplyEmitted =>
  say({ type: 'text', text: value });

/** A question with buttons; the requester may still type. */
export const choices = (value: string, list: Choice[]): ReplyEmitted =>
  say({ type: 'choices', text: value, choices: list });

/** The yes/no choice values flows use. */
export const YES = 'yes';
export const NO = 'no';

/** Whether an answer means yes, typed or chosen. */
export function isYes(answer: { text: string; choice?: string }): boolean {
  if (answer.choice) return answer.choice === YES;
  return /^\s*(y|yes|yeah|yep|ok|okay|sure|please|ja|oui|sí|si|sim|はい|نعم)\b/i.test(
    answer.text,
  );
}

/** Whether an answer means no, typed or chosen. */
export function isNo(answer: { text: string; choice?: string }): boolean {
  if (answer.choice) return answer.choice === NO;
  return /^\s*(n|no|nope|not|nein|non|não|nao|いいえ|لا)\b/i.test(answer.text);
}
