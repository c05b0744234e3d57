/**
 * Scores of a probabilistic classifier: ROC AUC and a calibration
 * table, computed from predictions and outcomes (1 = the event).
 */

/**
 * The area under the ROC curve: the chance a random positive scores
 * above a random negative, ties counted half (Mann-Whitney U).
 */
export function rocAuc(
  scores: readonly number[],
  labels: readonly number[],
): number {
  const order = scores
    .map((s, i) => [s, labels[i]!] as const)
    .sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k]![1] === 1) {
        positives++;
        rankSum += rank;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (
    (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
  );
}

/** One calibration bin: how many, the mean prediction, the observed rate. */
export interface CalibrationBin {
  n: number;
  predicted: number;
  observed: number;
}

/** Calibration by deciles of the prediction (or `bins` equal groups). */
export function calibrationTable(
  scores: readonly number[],
  labels: readonly number[],
  bins = 10,
): CalibrationBin[] {
  const order = scores
    .map((s, i) => [s, labels[i]!] as const)
    .sort((a, b) => a[0] - b[0]);
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const part = order.slice(
      Math.floor((b * order.length) / bins),
      Math.floor(((b + 1) * order.length) / bins),
    );
    if (part.length === 0) continue;
    const sum = (f: (p: (typeof part)[0]) => number) =>
      part.reduce((s, p) => s + f(p), 0);
    out.push({
      n: part.length,
      predicted: sum((p) => p[0]) / part.length,
      observed: sum((p) => p[1]) / part.length,
    });
  }
  return out;
}
