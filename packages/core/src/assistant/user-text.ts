/**
 * The requester's words where the assistant reuses them: as the
 * subject or description of the ticket it opens (cleaned so they pass
 * the server's own checks), and quoted inside its own sentences
 * (isolated, so a direction override cannot turn the sentence around).
 */
import * as z from 'zod/mini';
import { LIMITS } from '../public/limits.js';
import { submissionSchema } from '../public/submission.js';
import { stripDirectionControls } from '../public/text.js';

/** First strong isolate and pop directional isolate. */
const FSI = '\u2068';
const PDI = '\u2069';
/** Embeddings and overrides, closed by PDF (U+202C). */
const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const PDF = '\u202C';
/** Isolates, closed by PDI (U+2069). */
const ISOLATES = new Set(['\u2066', '\u2067', FSI]);

/** Control characters but tab, line feed and carriage return. */
const CONTROLS = /(?![\t\n\r])\p{Cc}/gu;
/** Half of a surrogate pair without its other half. */
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text without its unpaired direction controls: an opener with no
 * closer, or a closer with no opener, is dropped; pairs stay.
 */
export function pairedDirectionControls(text: string): string {
  const chars = [...text];
  const drop = new Set<number>();
  const open: { at: number; isolate: boolean }[] = [];
  chars.forEach((c, at) => {
    if (EMBEDDINGS.has(c) || ISOLATES.has(c)) {
      open.push({ at, isolate: ISOLATES.has(c) });
    } else if (c === PDF) {
      if (open.at(-1)?.isolate === false) open.pop();
      else drop.add(at);
    } else if (c === PDI) {
      const i = open.findLastIndex((o) => o.isolate);
      if (i < 0) drop.add(at);
      // A PDI closes the embeddings opened inside its isolate too.
      else for (const o of open.splice(i).slice(1)) drop.add(o.at);
    }
  });
  for (const o of open) drop.add(o.at);
  return chars.filter((_, at) => !drop.has(at)).join('');
}

/**
 * The requester's text as the assistant quotes it in a sentence: in a
 * first-strong isolate, its unpaired direction controls removed, so it
 * keeps its own direction and cannot reverse the words around it.
 *
 * @example
 * assistantText(locale, 'confirm', { subject: quoteUserText(subject) });
 */
export const quoteUserText = (text: string): string =>
  `${FSI}${pairedDirectionControls(text)}${PDI}`;

/**
 * Typed text made storable: lone surrogates replaced and control
 * characters (but tab and line breaks) removed.
 */
const storable = (text: string) =>
  text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROLS, ' ');

/**
 * The subject a problem statement gives: its first line, without
 * direction or control characters, within the subject's length; or
 * undefined when nothing is left that `submissionSchema` takes.
 *
 * @example
 * subjectOf('My monitor \u202Eflickers all day'); // 'My monitor flickers all day'
 */
export function subjectOf(problem: string | null): string | undefined {
  const line = stripDirectionControls(storable(problem ?? ''))
    .trim()
    .split(/[\r\n]/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  const cut = [...line].slice(0, LIMITS.subject).join('').trim();
  const r = z.safeParse(submissionSchema.shape.subject, cut);
  return r.success ? r.data : undefined;
}

/**
 * The description a problem statement gives, with the requester's
 * further `details` under it: control characters removed, within the
 * body's length; or undefined when nothing is left.
 */
export function descriptionOf(
  problem: string | null,
  details?: string,
): string | undefined {
  const parts = [problem, details].map((p) => storable(p ?? '').trim());
  const text = parts.filter(Boolean).join('\n\n');
  const cut = [...text].slice(0, LIMITS.body).join('');
  return cut.trim() ? cut : undefined;
}
