import { z } from 'zod';
import { validationError } from '../errors.js';
import { fitTemperature } from './calibrate.js';
import {
  countFeatures,
  featuresOf,
  idfOf,
  type SparseVector,
  tfidf,
} from './features.js';
import {
  type FitSettings,
  fitSoftmax,
  fitSoftmaxAsync,
  probabilities,
  type Sample,
  type SoftmaxWeights,
  step,
} from './softmax.js';

/** Settings of {@link createTextClassifier}. */
export interface TextClassifierOptions {
  /** Also use adjacent word pairs as features. @default false */
  bigrams?: boolean;
  /** L2 penalty on the weights. @default 0.0003 */
  l2?: number;
  /** Passes of a full `train`. @default 200 */
  iterations?: number;
  /** Step size of a full `train`. @default 3 */
  rate?: number;
  /** Step size of one `learn`. @default 0.2 */
  learnRate?: number;
}

/** One label and the probability the model gives it. */
export interface LabelScore {
  label: string;
  confidence: number;
}

/** The model's answer for one text, labels best first. */
export interface Classification {
  /** The most likely label, or null before any training. */
  label: string | null;
  /** Its probability, 0 to 1; 0 before any training. */
  confidence: number;
  labels: LabelScore[];
}

/** A text and the label a person gave it. */
export interface LabelledText {
  text: string;
  label: string;
}

const settingsSchema = z.object({
  bigrams: z.boolean().default(false),
  l2: z.number().min(0).max(1).default(0.0003),
  iterations: z.number().int().min(1).max(10_000).default(200),
  rate: z.number().positive().max(100).default(3),
  learnRate: z.number().positive().max(100).default(0.2),
});

/** The JSON form of a model (`toJSON`), checked when loaded. */
export const classifierJsonSchema = z.object({
  format: z.literal('ticketry.text-classifier'),
  version: z.literal(1),
  settings: settingsSchema,
  labels: z.array(z.string().min(1).max(200)).max(1000),
  docs: z.number().int().min(0),
  bias: z.array(z.number()),
  temperature: z.number().positive(),
  /** [feature, documents containing it, weight per label]. */
  features: z.array(z.tuple([z.string(), z.number(), z.array(z.number())])),
});

export type ClassifierJson = z.infer<typeof classifierJsonSchema>;

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * A text classifier trained in process on a desk's own tickets:
 * softmax regression over TF-IDF word features. `train` fits from
 * scratch; `learn` folds in one more ticket at once; `classify` gives
 * a probability per label; `toJSON` and {@link textClassifierFromJSON}
 * carry it through the store.
 *
 * @example
 * const model = createTextClassifier();
 * model.train([
 *   { text: 'laptop screen broken', label: 'Hardware' },
 *   { text: 'cannot log in to vpn', label: 'Access' },
 * ]);
 * model.classify('vpn login fails').label; // 'Access'
 */
export function createTextClassifier(options: TextClassifierOptions = {}) {
  const parsed = settingsSchema.safeParse(options);
  if (!parsed.success) {
    throw validationError('classifier options', parsed.error.issues);
  }
  return fromState(parsed.data, {
    labels: [],
    docs: 0,
    df: new Map(),
    model: { weights: new Map(), bias: [], temperature: 1 },
  });
}

/** Rebuilds a classifier from its JSON or throws VALIDATION_FAILED. */
export function textClassifierFromJSON(json: unknown): TextClassifier {
  const parsed = classifierJsonSchema.safeParse(json);
  if (!parsed.success) throw validationError('model', parsed.error.issues);
  const m = parsed.data;
  const df = new Map<string, number>();
  const weights = new Map<string, number[]>();
  for (const [f, n, w] of m.features) {
    df.set(f, n);
    if (w.length > 0) weights.set(f, w);
  }
  return fromState(m.settings, {
    labels: [...m.labels],
    docs: m.docs,
    df,
    model: { weights, bias: m.bias, temperature: m.temperature },
  });
}

const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Below this many examples the temperature stays 1. */
const CALIBRATE_FROM = 40;

/**
 * Fits on four fifths, picks the temperature on the fifth left out,
 * then fits on everything and keeps that temperature. With `every`,
 * the fits await a macrotask after that many rows.
 */
async function calibratedFitAsync(
  samples: Sample[],
  settings: FitSettings,
  every: number,
) {
  const model = await fitSoftmaxAsync(samples, settings, every);
  if (samples.length < CALIBRATE_FROM) return model;
  const rest = samples.filter((_, i) => i % 5 !== 4);
  const heldOut = samples.filter((_, i) => i % 5 === 4);
  const probe = await fitSoftmaxAsync(rest, settings, every);
  model.temperature = fitTemperature(probe, heldOut, settings.labels);
  return model;
}

function calibratedFit(samples: Sample[], settings: FitSettings) {
  const model = fitSoftmax(samples, settings);
  if (samples.length < CALIBRATE_FROM) return model;
  const rest = samples.filter((_, i) => i % 5 !== 4);
  const heldOut = samples.filter((_, i) => i % 5 === 4);
  const probe = fitSoftmax(rest, settings);
  model.temperature = fitTemperature(probe, heldOut, settings.labels);
  return model;
}

interface State {
  labels: string[];
  docs: number;
  df: Map<string, number>;
  model: SoftmaxWeights;
}

type Settings = z.output<typeof settingsSchema>;

function fromState(settings: Settings, s: State) {
  const counts = (text: string) =>
    countFeatures(featuresOf(text, { bigrams: settings.bigrams }));
  const vector = (c: SparseVector) =>
    tfidf(c, (f) => idfOf(s.df.get(f) ?? 0, s.docs));
  const labelIndex = (label: string) => {
    const i = s.labels.indexOf(label);
    if (i >= 0) return i;
    s.labels.push(label);
    return s.labels.length - 1;
  };
  const count = (c: SparseVector) => {
    s.docs += 1;
    for (const f of c.keys()) s.df.set(f, (s.df.get(f) ?? 0) + 1);
  };

  /** Forgets everything, counts the examples and answers the samples. */
  const reset = (examples: Iterable<LabelledText>): Sample[] => {
    s.labels = [];
    s.docs = 0;
    s.df = new Map();
    const rows = [...examples].map((e) => ({
      c: counts(e.text),
      y: labelIndex(e.label),
    }));
    for (const r of rows) count(r.c);
    return rows.map((r) => ({ x: vector(r.c), y: r.y }));
  };
  /** `reset` that gives the event loop a turn every few hundred texts. */
  const resetAsync = async (
    examples: Iterable<LabelledText>,
    every: number,
  ): Promise<Sample[]> => {
    const all = [...examples];
    const chunk = Math.max(1, Math.floor(every / 10));
    s.labels = [];
    s.docs = 0;
    s.df = new Map();
    const rows: { c: SparseVector; y: number }[] = [];
    for (let i = 0; i < all.length; i++) {
      rows.push({ c: counts(all[i]!.text), y: labelIndex(all[i]!.label) });
      if (i % chunk === chunk - 1) await macrotask();
    }
    for (const r of rows) count(r.c);
    return rows.map((r) => ({ x: vector(r.c), y: r.y }));
  };
  const fitSettings = (labels: number): FitSettings => ({
    labels,
    iterations: settings.iterations,
    rate: settings.rate,
    l2: settings.l2,
  });

  return {
    /** The labels seen so far, in the order first seen. */
    get labels(): readonly string[] {
      return s.labels;
    },
    /** How many texts the model has learned from. */
    get examples(): number {
      return s.docs;
    },
    /** Forgets everything and fits on these examples. */
    train(examples: Iterable<LabelledText>): void {
      const samples = reset(examples);
      s.model = calibratedFit(samples, fitSettings(s.labels.length));
    },
    /**
     * `train` that gives the event loop a turn (awaits a macrotask)
     * after every `yieldEvery` row visits of the fit, so a server keeps
     * answering; the same model as `train`. @default 4,000 rows
     */
    async trainAsync(
      examples: Iterable<LabelledText>,
      yieldEvery = 4_000,
    ): Promise<void> {
      const samples = await resetAsync(examples, yieldEvery);
      const fit = fitSettings(s.labels.length);
      s.model = await calibratedFitAsync(samples, fit, yieldEvery);
    },
    /** Folds one more labelled text into the model (a new label too). */
    learn(text: string, label: string): void {
      const c = counts(text);
      const y = labelIndex(label);
      count(c);
      const sample = { x: vector(c), y };
      step(s.model, sample, s.labels.length, settings.learnRate, settings.l2);
    },
    /** Probabilities of every label for a text, best first. */
    classify(text: string): Classification {
      if (s.labels.length === 0)
        return { label: null, confidence: 0, labels: [] };
      const p = probabilities(s.model, vector(counts(text)), s.labels.length);
      const labels = s.labels
        .map((label, i) => ({ label, confidence: p[i]! }))
        .sort((a, b) => b.confidence - a.confidence);
      return {
        label: labels[0]!.label,
        confidence: labels[0]!.confidence,
        labels,
      };
    },
    /** The model as JSON, for `saveModel` or a file. */
    toJSON(): ClassifierJson {
      const features: ClassifierJson['features'] = [];
      for (const [f, n] of s.df) {
        features.push([f, n, (s.model.weights.get(f) ?? []).map(round)]);
      }
      return {
        format: 'ticketry.text-classifier',
        version: 1,
        settings,
        labels: [...s.labels],
        docs: s.docs,
        bias: s.model.bias.map(round),
        temperature: s.model.temperature,
        features,
      };
    },
  };
}

/** A classifier made by {@link createTextClassifier}. */
export type TextClassifier = ReturnType<typeof fromState>;
