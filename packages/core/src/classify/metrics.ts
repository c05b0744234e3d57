/**
 * Measures of a classifier on a labelled test set: accuracy, macro-F1
 * and precision when only the most confident answers are kept.
 */

/** One answer on a test example. */
export interface ScoredPrediction {
  /** The label the example really has. */
  actual: string;
  predicted: string | null;
  confidence: number;
}

/** Share of answers that are right. */
export function accuracy(results: readonly ScoredPrediction[]): number {
  if (results.length === 0) return 0;
  return (
    results.filter((r) => r.predicted === r.actual).length / results.length
  );
}

/** The unweighted mean over labels of F1 (precision with recall). */
export function macroF1(results: readonly ScoredPrediction[]): number {
  const labels = new Set(results.map((r) => r.actual));
  let sum = 0;
  for (const label of labels) {
    const tp = results.filter(
      (r) => r.predicted === label && r.actual === label,
    ).length;
    const predicted = results.filter((r) => r.predicted === label).length;
    const actual = results.filter((r) => r.actual === label).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    sum +=
      precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return labels.size ? sum / labels.size : 0;
}

/**
 * Accuracy over the `coverage` share (0 to 1) of answers the model is
 * most sure of: what a desk gets if it applies only those.
 */
export function precisionAtCoverage(
  results: readonly ScoredPrediction[],
  coverage: number,
): number {
  const kept = Math.max(1, Math.round(results.length * coverage));
  const sorted = [...results].sort((a, b) => b.confidence - a.confidence);
  return accuracy(sorted.slice(0, kept));
}

/**
 * Expected calibration error over ten confidence bins: how far the
 * stated confidence is from the share right, weighted by bin size.
 */
export function calibrationError(results: readonly ScoredPrediction[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const r of results) {
    const bin = bins[Math.min(9, Math.floor(r.confidence * 10))]!;
    bin.n += 1;
    bin.conf += r.confidence;
    bin.right += r.predicted === r.actual ? 1 : 0;
  }
  const total = results.length || 1;
  return bins.reduce(
    (sum, b) => sum + (b.n ? Math.abs(b.conf - b.right) / total : 0),
    0,
  );
}
