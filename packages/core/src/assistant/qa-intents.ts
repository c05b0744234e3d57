/**
 * The intents of data/support-qa-stackexchange with the corpus's own
 * split (`corpus_training_flag`: 83 training, 168 test rows), one set
 * per site as the corpus publishes them, and the evaluation the bench
 * and the tests share: the recognizer beside a TF-IDF + logistic
 * regression baseline (the desk's text classifier) on the same split.
 * For tests and benchmarks; not exported.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createTextClassifier } from '../classify/text-classifier.js';
import type { IntentExample, TrainedRecognizer } from './recognizer.js';

const FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../data/support-qa-stackexchange/askubuntu-webapps-qa.jsonl',
);

const rowSchema = z.object({
  site: z.string(),
  category: z.string(),
  question: z.string(),
  corpus_training_flag: z.boolean(),
});

/** The two sites of the corpus. */
export const QA_SITES = ['askubuntu.com', 'webapps.stackexchange.com'] as const;
export type QaSite = (typeof QA_SITES)[number];

/** One site's questions (titles) and intents, split as the corpus is. */
export function qaIntents(site: QaSite, file = FILE) {
  const rows = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => rowSchema.parse(JSON.parse(line)))
    .filter((r) => r.site === site);
  const example = (r: z.infer<typeof rowSchema>): IntentExample => ({
    text: r.question,
    intent: r.category,
  });
  return {
    train: rows.filter((r) => r.corpus_training_flag).map(example),
    test: rows.filter((r) => !r.corpus_training_flag).map(example),
  };
}

/** Accuracy and coverage of a recognizer and the baseline on one site. */
export interface IntentEvaluation {
  site: QaSite;
  train: number;
  test: number;
  /** Share of test rows whose best intent is right. */
  accuracy: number;
  baseline: number;
  threshold: number;
  /** Share of test rows at or over the threshold. */
  coverage: number;
  /** Accuracy on those rows. */
  accuracyAtCoverage: number;
  /** The baseline's accuracy on its most confident rows, same coverage. */
  baselineAtCoverage: number;
}

/** The share of `rows` whose answer is right. */
const share = (rows: { right: boolean }[]) =>
  rows.length ? rows.filter((r) => r.right).length / rows.length : 0;

/**
 * Trains `recognizer` and the baseline on a site's training rows and
 * scores both on its test rows.
 */
export function evaluateIntents(
  site: QaSite,
  recognizer: TrainedRecognizer,
): IntentEvaluation {
  const { train, test } = qaIntents(site);
  recognizer.train(train);
  const baseline = createTextClassifier();
  baseline.train(train.map((e) => ({ text: e.text, label: e.intent })));

  const ours = test.map((e) => {
    const r = recognizer.recognize(e.text);
    return { right: r.best === e.intent, kept: r.intent !== null };
  });
  const base = test
    .map((e) => {
      const c = baseline.classify(e.text);
      return { right: c.label === e.intent, confidence: c.confidence };
    })
    .sort((a, b) => b.confidence - a.confidence);
  const kept = ours.filter((r) => r.kept);
  return {
    site,
    train: train.length,
    test: test.length,
    accuracy: share(ours),
    baseline: share(base),
    threshold: recognizer.threshold,
    coverage: kept.length / test.length,
    accuracyAtCoverage: share(kept),
    baselineAtCoverage: share(base.slice(0, kept.length)),
  };
}
