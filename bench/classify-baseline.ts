/**
 * The baseline the classifier is measured against: a plain multinomial
 * naive Bayes on word counts with add-one smoothing, as textbooks give
 * it. Kept in the bench on purpose: it is not a product feature.
 */
import { tokenize } from '../packages/core/src/classify/features.ts';

/** A trained naive Bayes: label, probability pairs for a text. */
export interface NaiveBayes {
  classify(text: string): { label: string; confidence: number };
}

/** Trains on labelled texts; unseen words are ignored when classifying. */
export function trainNaiveBayes(
  examples: readonly { text: string; label: string }[],
  alpha = 1,
): NaiveBayes {
  const docs = new Map<string, number>();
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const e of examples) {
    docs.set(e.label, (docs.get(e.label) ?? 0) + 1);
    const c = counts.get(e.label) ?? new Map<string, number>();
    counts.set(e.label, c);
    for (const w of tokenize(e.text)) {
      c.set(w, (c.get(w) ?? 0) + 1);
      totals.set(e.label, (totals.get(e.label) ?? 0) + 1);
      vocabulary.add(w);
    }
  }
  const labels = [...docs.keys()];
  const v = vocabulary.size;
  return {
    classify(text) {
      const words = tokenize(text).filter((w) => vocabulary.has(w));
      const logp = labels.map((l) => {
        let s = Math.log(docs.get(l)! / examples.length);
        const c = counts.get(l)!;
        const denominator = (totals.get(l) ?? 0) + alpha * v;
        for (const w of words)
          s += Math.log(((c.get(w) ?? 0) + alpha) / denominator);
        return s;
      });
      const top = Math.max(...logp);
      const e = logp.map((x) => Math.exp(x - top));
      const sum = e.reduce((a, b) => a + b, 0);
      const best = logp.indexOf(top);
      return { label: labels[best]!, confidence: e[best]! / sum };
    },
  };
}
