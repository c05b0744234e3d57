/**
 * Text to features for the classifier: lower-cased word tokens, optional
 * word pairs, and sublinear TF-IDF weights normalised to unit length.
 */

/** A sparse vector: feature → weight. */
export type SparseVector = Map<string, number>;

/** What {@link featuresOf} emits besides single words. */
export interface FeatureOptions {
  /** Also emit adjacent word pairs ("reset password"). @default false */
  bigrams?: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased word tokens of a text; punctuation and spaces split. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The features of a text, repeated as often as they occur. */
export function featuresOf(text: string, options: FeatureOptions = {}) {
  const words = tokenize(text);
  if (!options.bigrams) return words;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    pairs.push(`${words[i]} ${words[i + 1]}`);
  }
  return words.concat(pairs);
}

/** Counts of each feature of a text. */
export function countFeatures(features: readonly string[]): SparseVector {
  const counts: SparseVector = new Map();
  for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts;
}

/**
 * Smoothed inverse document frequency: rare features weigh more, a
 * feature in every document still weighs 1.
 */
export function idfOf(docFreq: number, docs: number): number {
  return Math.log((1 + docs) / (1 + docFreq)) + 1;
}

/**
 * Sublinear TF-IDF (1 + ln tf) times idf, scaled to unit length, so
 * long tickets do not outvote short ones.
 */
export function tfidf(
  counts: SparseVector,
  idf: (feature: string) => number,
): SparseVector {
  const out: SparseVector = new Map();
  let norm = 0;
  for (const [f, tf] of counts) {
    const w = (1 + Math.log(tf)) * idf(f);
    out.set(f, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [f, w] of out) out.set(f, w / norm);
  return out;
}
