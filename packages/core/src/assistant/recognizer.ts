/**
 * The assistant's intent recognizer: multinomial logistic regression
 * over TF-IDF of words, word pairs and character n-grams, trained in
 * process and saved as JSON. Below a confidence threshold it answers
 * no intent, so the assistant asks instead of guessing.
 */
import {
  countFeatures,
  idfOf,
  type SparseVector,
  tfidf,
} from '../classify/features.js';
import {
  fitSoftmax,
  probabilities,
  type SoftmaxWeights,
} from '../classify/softmax.js';
import { TicketryError, validationError } from '../errors.js';
import { intentFeatures } from './intent-features.js';
import {
  type IntentRecognizerOptions,
  type RecognizerJson,
  recognizerJsonSchema,
  type Settings,
  settingsSchema,
  withReading,
} from './recognizer-settings.js';
import { heldOutAnswers, thresholdFor } from './threshold.js';

/** A message and the intent a person gave it. */
export interface IntentExample {
  text: string;
  intent: string;
}

export {
  type IntentRecognizerOptions,
  type RecognizerJson,
  recognizerJsonSchema,
} from './recognizer-settings.js';

/** The recognizer's answer for one message. */
export interface Recognition {
  /** The intent, or null when the confidence is under the threshold. */
  intent: string | null;
  /** The best intent even when under the threshold. */
  best: string | null;
  /** The best intent's probability, 0 to 1. */
  confidence: number;
  /** Every intent with its probability, best first. */
  intents: { intent: string; confidence: number }[];
}

/** Anything that names the intent of a message. */
export interface IntentRecognizer {
  recognize(text: string): Recognition;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

interface Model {
  intents: string[];
  docs: number;
  df: Map<string, number>;
  weights: SoftmaxWeights;
  threshold: number;
}

/** A fitted model's probabilities for a text: the numeric core. */
function scorer(settings: Settings, m: Model) {
  const vector = (text: string): SparseVector =>
    tfidf(countFeatures(intentFeatures(text, settings)), (f) =>
      idfOf(m.df.get(f) ?? 0, m.docs),
    );
  return (text: string) =>
    probabilities(m.weights, vector(text), m.intents.length);
}

/** Fits a model on examples; the threshold is left for the caller. */
function fitModel(
  settings: Settings,
  examples: readonly IntentExample[],
): Model {
  const intents = [...new Set(examples.map((e) => e.intent))].sort();
  const counts = examples.map((e) =>
    countFeatures(intentFeatures(e.text, settings)),
  );
  const df = new Map<string, number>();
  for (const c of counts)
    for (const f of c.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const docs = examples.length;
  const samples = counts.map((c, i) => ({
    x: tfidf(c, (f) => idfOf(df.get(f) ?? 0, docs)),
    y: intents.indexOf(examples[i]!.intent),
  }));
  const weights = fitSoftmax(samples, {
    labels: intents.length,
    iterations: settings.iterations,
    rate: settings.rate,
    l2: settings.l2,
  });
  return { intents, docs, df, weights, threshold: 0 };
}

/** The threshold reaching `precision` on held-out folds of `rows`. */
function pickThreshold(
  settings: Settings,
  rows: IntentExample[],
  precision: number,
): number {
  const answers = heldOutAnswers(rows, (train) => {
    const model = fitModel(settings, train);
    return { score: scorer(settings, model), intents: model.intents };
  });
  return thresholdFor(answers, precision);
}

const noExamples = () =>
  new TicketryError('VALIDATION_FAILED', 'train needs at least one example');

function recognition(m: Model, p: number[]): Recognition {
  const intents = m.intents
    .map((intent, i) => ({ intent, confidence: p[i] ?? 0 }))
    .sort((a, b) => b.confidence - a.confidence);
  const top = intents[0];
  const confidence = top?.confidence ?? 0;
  const best = top?.intent ?? null;
  return {
    intent: confidence >= m.threshold ? best : null,
    best,
    confidence,
    intents,
  };
}

/** A trained recognizer: recognise, retrain, save. */
export interface TrainedRecognizer extends IntentRecognizer {
  readonly intents: readonly string[];
  /** The confidence from which an intent is given. */
  readonly threshold: number;
  train(examples: Iterable<IntentExample>): void;
  toJSON(): RecognizerJson;
}

function build(settings: Settings, initial: Model): TrainedRecognizer {
  let m = initial;
  let score = scorer(settings, m);
  return {
    get intents() {
      return m.intents;
    },
    get threshold() {
      return m.threshold;
    },
    train(examples) {
      const rows = [...examples];
      if (rows.length === 0) throw noExamples();
      m = fitModel(settings, rows);
      m.threshold =
        typeof settings.threshold === 'number'
          ? settings.threshold
          : pickThreshold(settings, rows, settings.threshold.precision);
      score = scorer(settings, m);
    },
    recognize: (text) => recognition(m, score(text)),
    toJSON: () => ({
      format: 'ticketry.intent-recognizer',
      version: 1,
      settings,
      intents: [...m.intents],
      docs: m.docs,
      threshold: m.threshold,
      bias: m.weights.bias.map(round),
      features: [...m.df].map(([f, n]) => [
        f,
        n,
        m.weights.weights.get(f) ?? [],
      ]),
    }),
  };
}

/**
 * An intent recognizer trained in process. `train` fits it (and picks
 * the threshold on held-out folds); `recognize` names the intent of a
 * message, or null under the threshold; `toJSON` and
 * {@link intentRecognizerFromJSON} carry it through a store.
 *
 * @example
 * const recognizer = createIntentRecognizer({ threshold: 0.4 });
 * recognizer.train([
 *   { text: 'I forgot my password', intent: 'password' },
 *   { text: 'when are you open', intent: 'hours' },
 * ]);
 * recognizer.recognize('reset my password').intent; // 'password'
 */
export function createIntentRecognizer(
  options: IntentRecognizerOptions = {},
): TrainedRecognizer {
  const parsed = settingsSchema.safeParse(options);
  if (!parsed.success)
    throw validationError('recognizer options', parsed.error.issues);
  return build(parsed.data, {
    intents: [],
    docs: 0,
    df: new Map(),
    weights: { weights: new Map(), bias: [], temperature: 1 },
    threshold: 1,
  });
}

/**
 * Rebuilds a recognizer from its JSON or throws VALIDATION_FAILED. A
 * model saved before the `multilingual` setting existed keeps reading
 * words the way it was trained.
 */
export function intentRecognizerFromJSON(json: unknown): TrainedRecognizer {
  const parsed = recognizerJsonSchema.safeParse(withReading(json));
  if (!parsed.success) throw validationError('recognizer', parsed.error.issues);
  const j = parsed.data;
  const df = new Map<string, number>();
  const weights = new Map<string, number[]>();
  for (const [f, n, w] of j.features) {
    df.set(f, n);
    if (w.length > 0) weights.set(f, w);
  }
  return build(j.settings, {
    intents: j.intents,
    docs: j.docs,
    df,
    weights: { weights, bias: j.bias, temperature: 1 },
    threshold: j.threshold,
  });
}
