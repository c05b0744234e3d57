/**
 * What `retrain` learns from. Only tickets with real text train the
 * model; two rules decide, both documented in the core README:
 * - a text needs at least `minWords` (default 3) different words of two
 *   or more letters (numbers do not count);
 * - a text that, with its numbers blanked, is shared by more than
 *   `maxRepeats` (default 5) tickets is a template, not something a
 *   person wrote, and is skipped: the replayed ServiceNow history
 *   ("Category 26, Subcategory 174: Symptom 491" and one boilerplate
 *   description), monitoring alerts, generated mail.
 * A base corpus given to the triage (`baseExamples`) is kept in the
 * training set, so a retrain adds the desk's tickets to what the model
 * knew rather than replacing it.
 */
import { z } from 'zod';
import type { LabelledText } from './text-classifier.js';

/** Different words a text needs to train the model. */
export const DEFAULT_MIN_WORDS = 3;

/** Tickets one template text may have before it is skipped. */
export const DEFAULT_MAX_REPEATS = 5;

/** The body of a retrain request: `{}` or the documented options. */
export const retrainOptionsSchema = z.strictObject({
  /** Different words of letters a ticket's text needs. @default 3 */
  minWords: z.number().int().min(1).max(50).optional(),
  /** Tickets sharing one text (numbers blanked) before it is a template. @default 5 */
  maxRepeats: z.number().int().min(1).max(100_000).optional(),
  /** Keep the triage's base corpus in the set. @default true */
  includeBase: z.boolean().optional(),
});

/** Options of `retrain`. */
export type RetrainOptions = z.infer<typeof retrainOptionsSchema>;

/** Whether a text holds at least `minWords` different words of letters. */
export function hasRealText(text: string, minWords = DEFAULT_MIN_WORDS) {
  const words = new Set(text.toLowerCase().match(/\p{L}{2,}/gu) ?? []);
  return words.size >= minWords;
}

/** What a training set is made of, for `retrain`'s answer. */
export interface TrainingSet {
  examples: LabelledText[];
  /** Desk tickets used. */
  fromDesk: number;
  /** Desk tickets skipped for too little text. */
  skipped: number;
  /** Examples of the base corpus. */
  fromBase: number;
}

/** A text with its numbers blanked and its spacing folded. */
const shapeOf = (text: string) =>
  text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** The desk's usable tickets, then the base corpus. */
export function trainingSet(
  desk: readonly LabelledText[],
  base: readonly LabelledText[],
  options: { minWords?: number; maxRepeats?: number } = {},
): TrainingSet {
  const minWords = options.minWords ?? DEFAULT_MIN_WORDS;
  const maxRepeats = options.maxRepeats ?? DEFAULT_MAX_REPEATS;
  const repeats = new Map<string, number>();
  for (const e of desk) {
    const shape = shapeOf(e.text);
    repeats.set(shape, (repeats.get(shape) ?? 0) + 1);
  }
  const kept = desk.filter(
    (e) =>
      hasRealText(e.text, minWords) &&
      (repeats.get(shapeOf(e.text)) ?? 0) <= maxRepeats,
  );
  return {
    examples: [...kept, ...base],
    fromDesk: kept.length,
    skipped: desk.length - kept.length,
    fromBase: base.length,
  };
}
