/**
 * Picks the confidence under which the assistant asks instead of
 * guessing, from the training examples alone: out-of-fold answers by
 * k-fold cross-validation, then the lowest threshold whose answers
 * reach the wanted precision.
 */

/** Probabilities per intent (in `intents` order) for a text. */
type Score = (text: string) => number[];

/** One out-of-fold answer: its confidence and whether it was right. */
export interface HeldOutAnswer {
  confidence: number;
  right: boolean;
}

/**
 * Out-of-fold answers: each example is scored by a model fitted on the
 * other folds (`folds` of them, by position, so it is deterministic).
 */
export function heldOutAnswers<T extends { text: string; intent: string }>(
  examples: readonly T[],
  fitFold: (train: T[]) => { score: Score; intents: readonly string[] },
  folds = 5,
): HeldOutAnswer[] {
  const out: HeldOutAnswer[] = [];
  const k = Math.min(folds, examples.length);
  for (let f = 0; f < k; f++) {
    const train = examples.filter((_, i) => i % k !== f);
    const test = examples.filter((_, i) => i % k === f);
    if (train.length === 0) continue;
    const model = fitFold(train);
    for (const e of test) {
      const p = model.score(e.text);
      const top = Math.max(...p);
      out.push({
        confidence: top,
        right: model.intents[p.indexOf(top)] === e.intent,
      });
    }
  }
  return out;
}

/**
 * The lowest confidence at which the answers at or above it are right
 * at least `precision` of the time; 1 when none reach it.
 */
export function thresholdFor(
  answers: readonly HeldOutAnswer[],
  precision: number,
): number {
  const sorted = [...answers].sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let best = 1;
  sorted.forEach((a, i) => {
    if (a.right) right += 1;
    const next = sorted[i + 1];
    // Only cut between distinct confidences.
    if (next && next.confidence === a.confidence) return;
    if (right / (i + 1) >= precision) best = a.confidence;
  });
  return best;
}
