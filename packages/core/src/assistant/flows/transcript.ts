/**
 * The conversation as text for the ticket: an internal note beside the
 * requester's own description, so the agent reads what was already
 * said while rules and models read only what the requester wrote. Cut
 * from the oldest lines when it would be over its limit.
 */
import { LIMITS } from '../../public/limits.js';
import type { TranscriptLine } from '../types.js';

const HEADING = '— Conversation with the assistant —';

const lineOf = (l: TranscriptLine) =>
  `[${l.at.slice(0, 16).replace('T', ' ')}] ${l.from === 'requester' ? 'Requester' : 'Assistant'}: ${l.text}`;

/** `head`, then the lines, the oldest dropped to stay within `max`. */
function within(
  head: string,
  transcript: readonly TranscriptLine[],
  max: number,
): string {
  const lines = transcript.map(lineOf);
  let body = lines.join('\n');
  while (head.length + body.length > max && lines.length > 1) {
    lines.shift();
    body = `…\n${lines.join('\n')}`;
  }
  return `${head}${body}`.slice(0, max);
}

/**
 * The transcript under a heading, within `max` characters: the body of
 * the internal note the ticket flow hands `createTicket`.
 *
 * @example
 * transcriptText(assistant.transcript);
 */
export function transcriptText(
  transcript: readonly TranscriptLine[],
  max: number = LIMITS.body,
): string {
  return within(`${HEADING}\n`, transcript, max);
}

/**
 * `description`, then the transcript, within LIMITS.body characters.
 * Kept for callers that file the conversation in the description;
 * the ticket flow no longer does (classification would read it).
 */
export function withTranscript(
  description: string,
  transcript: readonly TranscriptLine[],
  max = LIMITS.body,
): string {
  return within(`${description}\n\n${HEADING}\n`, transcript, max);
}
