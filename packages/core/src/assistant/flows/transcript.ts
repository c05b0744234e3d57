/**
 * The conversation as text for the ticket: appended to the description
 * so the agent reads what was already said, cut from the oldest lines
 * when the description would be over its limit.
 */
import { LIMITS } from '../../public/limits.js';
import type { TranscriptLine } from '../types.js';

const HEADING = '— Conversation with the assistant —';

const lineOf = (l: TranscriptLine) =>
  `[${l.at.slice(0, 16).replace('T', ' ')}] ${l.from === 'requester' ? 'Requester' : 'Assistant'}: ${l.text}`;

/** `description`, then the transcript, within LIMITS.body characters. */
export function withTranscript(
  description: string,
  transcript: readonly TranscriptLine[],
  max = LIMITS.body,
): string {
  const lines = transcript.map(lineOf);
  const head = `${description}\n\n${HEADING}\n`;
  let body = lines.join('\n');
  while (head.length + body.length > max && lines.length > 1) {
    lines.shift();
    body = `…\n${lines.join('\n')}`;
  }
  return `${head}${body}`.slice(0, max);
}
