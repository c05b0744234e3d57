/**
 * Text to features for the intent recognizer: short requests carry few
 * words, so besides words and word pairs it uses character n-grams
 * inside words ("printer", "printing" and "print" share "prin"), which
 * carry a request across inflections and typos.
 */
import { tokenize } from '../classify/features.js';

/** What {@link intentFeatures} emits. */
export interface IntentFeatureOptions {
  /** Adjacent word pairs. @default true */
  bigrams?: boolean;
  /** Character n-gram lengths inside words; [] for none. @default [3, 4, 5] */
  chars?: readonly number[];
}

/** A light English stem: enough to join plural and -ing forms. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

function charGrams(word: string, sizes: readonly number[], out: string[]) {
  const padded = `<${word}>`;
  for (const n of sizes) {
    for (let i = 0; i + n <= padded.length; i++) {
      out.push(`#${padded.slice(i, i + n)}`);
    }
  }
}

/** The features of a text, repeated as often as they occur. */
export function intentFeatures(
  text: string,
  options: IntentFeatureOptions = {},
): string[] {
  const words = tokenize(text).map(stem);
  const out = [...words];
  if (options.bigrams ?? true) {
    for (let i = 0; i + 1 < words.length; i++) {
      out.push(`${words[i]} ${words[i + 1]}`);
    }
  }
  const sizes = options.chars ?? [3, 4, 5];
  if (sizes.length > 0) for (const w of words) charGrams(w, sizes, out);
  return out;
}
