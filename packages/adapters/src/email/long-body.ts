import { type Actor, type Desk, LIMITS, type Ticket } from '@ticketry/core';

/** Room kept in each part for the markers saying where it continues. */
const MARKER_ROOM = 160;

/** The line that ends every part but the last. */
export const continuesMarker = (part: number, of: number) =>
  `[Message continues in the next message: part ${part} of ${of}.]`;

/** The line that starts every part but the first. */
export const continuationMarker = (part: number, of: number) =>
  `[Continued: part ${part} of ${of} of the same message.]`;

/** Where to cut `text` at most `max` characters in: a line, a word, or `max`. */
function cutAt(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const floor = Math.floor(max / 2);
  const line = text.lastIndexOf('\n', max);
  if (line >= floor) return line;
  const window = text.slice(floor, max + 1);
  const space = window.search(/\s\S*$/);
  if (space >= 0) return floor + space;
  // No break in sight: cut hard, never inside a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/**
 * Splits a message body longer than a ticket takes (`LIMITS.body`) into
 * parts that each fit, cut at a line break or else between words, in
 * order. Every part but the last ends with {@link continuesMarker} and
 * every part but the first starts with {@link continuationMarker}, so a
 * reader sees the message goes on; no text is dropped (only the
 * whitespace at a cut). A body that fits is one part, unchanged.
 *
 * @example
 * splitBody('a'.repeat(50_000)).length; // 3
 */
export function splitBody(body: string, limit: number = LIMITS.body): string[] {
  if (body.length <= limit) return [body];
  const room = limit - MARKER_ROOM;
  const pieces: string[] = [];
  let rest = body;
  while (rest.length > 0) {
    const at = cutAt(rest, room);
    const piece = rest.slice(0, at).trim();
    if (piece) pieces.push(piece);
    rest = rest.slice(at).replace(/^\s+/, '');
  }
  const of = pieces.length;
  return pieces.map((piece, i) => {
    const head = i > 0 ? `${continuationMarker(i + 1, of)}\n\n` : '';
    const tail = i < of - 1 ? `\n\n${continuesMarker(i + 1, of)}` : '';
    return `${head}${piece}${tail}`;
  });
}

/**
 * Posts the further parts of a long message, in order, on the ticket
 * its first part went to: public replies or internal notes by `actor`.
 * Answers the ticket after the last part (or null when none).
 */
export async function postRest(
  desk: Desk,
  ticketId: string,
  rest: readonly string[],
  actor: Actor,
  as: 'reply' | 'note',
): Promise<Ticket | null> {
  let last: Ticket | null = null;
  for (const body of rest) {
    const done =
      as === 'reply'
        ? await desk.reply(ticketId, { body }, { actor })
        : await desk.note(ticketId, { body }, { actor });
    last = done.ticket;
  }
  return last;
}
