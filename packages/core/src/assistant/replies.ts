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

/*
 * A yes or a no at the start of a typed answer, in the seven languages.
 * The end is "no letter or digit follows", not `\b`, which knows only
 * ASCII: "sí", "はい" and "نعم" end in letters it does not count.
 */
const YES_WORDS =
  /^\s*(y|yes|yeah|yep|ok|okay|sure|please|ja|oui|sí|si|sim|はい|ええ|نعم|أجل)(?![\p{L}\p{N}])/iu;
const NO_WORDS =
  /^\s*(n|no|nope|not|nein|non|não|nao|いいえ|لا|كلا)(?![\p{L}\p{N}])/iu;

/** Whether an answer means yes, typed or chosen. */
export function isYes(answer: { text: string; choice?: string }): boolean {
  if (answer.choice) return answer.choice === YES;
  return YES_WORDS.test(answer.text.normalize('NFKC'));
}

/** Whether an answer means no, typed or chosen. */
export function isNo(answer: { text: string; choice?: string }): boolean {
  if (answer.choice) return answer.choice === NO;
  return NO_WORDS.test(answer.text.normalize('NFKC'));
}
