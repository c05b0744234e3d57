/**
 * The held-out evaluation of the built-in intents in the assistant's
 * seven languages (multilingual-eval.json: messages written apart from
 * the training examples and never trained on), shared by the bench and
 * the tests. Beside the recognizer it scores, in the same call, the
 * recognizer as it was before it learnt other languages (English-era
 * features, trained on the English examples plus one German, French
 * and Spanish message for three intents) and the majority class.
 * For tests and benchmarks; not exported.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_INTENT_TEXTS } from './default-intents.js';
import { ASSISTANT_LOCALES, type AssistantLocale } from './i18n/index.js';
import {
  createIntentRecognizer,
  type IntentExample,
  type IntentRecognizer,
  type TrainedRecognizer,
} from './recognizer.js';

const FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  'multilingual-eval.json',
);

/** The built-in intents, in the order the tables list them. */
export const BUILT_IN_INTENTS = [
  'ticket_status',
  'password_reset',
  'opening_hours',
  'human',
  'other',
] as const;

const languageSchema = z.strictObject({
  ...Object.fromEntries(
    BUILT_IN_INTENTS.map((i) => [i, z.array(z.string().min(1)).min(1)]),
  ),
  unrelated: z.array(z.string().min(1)).min(1),
});
const fileSchema = z.object({
  about: z.string(),
  languages: z.record(z.enum(ASSISTANT_LOCALES), languageSchema),
});

/** One language's held-out messages. */
export interface HeldOut {
  locale: AssistantLocale;
  /** Messages of the five built-in intents. */
  labelled: IntentExample[];
  /** Messages that are no support request at all. */
  unrelated: string[];
}

/** The held-out messages of every language, in locale order. */
export function heldOutMessages(file = FILE): HeldOut[] {
  const data = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return ASSISTANT_LOCALES.map((locale) => {
    const l = data.languages[locale];
    if (!l) throw new Error(`multilingual-eval.json lacks ${locale}`);
    const { unrelated, ...byIntent } = l as Record<string, string[]>;
    return {
      locale,
      labelled: Object.entries(byIntent).flatMap(([intent, texts]) =>
        texts.map((text) => ({ text, intent })),
      ),
      unrelated: unrelated ?? [],
    };
  });
}

/** How many English examples per intent the first recognizer had. */
const PREVIOUS_COUNT = {
  ticket_status: 11,
  password_reset: 10,
  opening_hours: 10,
  human: 10,
  other: 12,
} as const;

/**
 * The recognizer's training rows before it learnt other languages, in
 * their old order: the English examples it had (intents/en.ts keeps
 * them first), and after three intents' the first German, French and
 * Spanish example.
 */
export function previousExamples(): IntentExample[] {
  const t = DEFAULT_INTENT_TEXTS;
  return BUILT_IN_INTENTS.flatMap((intent) => {
    const extra =
      intent === 'human' || intent === 'other'
        ? []
        : [t.de[intent][0]!, t.fr[intent][0]!, t.es[intent][0]!];
    const english = t.en[intent].slice(0, PREVIOUS_COUNT[intent]);
    return [...english, ...extra].map((text) => ({ text, intent }));
  });
}

/** The recognizer as it was before it learnt other languages. */
export function previousRecognizer(): TrainedRecognizer {
  const r = createIntentRecognizer({ multilingual: false });
  r.train(previousExamples());
  return r;
}

/** One language's figures. */
export interface LanguageEvaluation {
  locale: AssistantLocale;
  /** Labelled held-out messages. */
  messages: number;
  /** Share whose best intent is right. */
  accuracy: number;
  /** The same for the previous recognizer. */
  previous: number;
  /** The same for always answering the training rows' commonest intent. */
  majority: number;
  /** Share given an intent (at or over the threshold). */
  coverage: number;
  /** Accuracy on those. */
  accuracyAtCoverage: number;
  /** Unrelated messages. */
  unrelated: number;
  /** Share of them under the threshold or recognised as `other`. */
  unrelatedHeld: number;
  /** The same for the previous recognizer. */
  previousUnrelatedHeld: number;
}

const share = (flags: boolean[]) =>
  flags.length ? flags.filter(Boolean).length / flags.length : 0;

/** Under the threshold, or `other`: no routine flow starts. */
const held = (r: IntentRecognizer, text: string) => {
  const intent = r.recognize(text).intent;
  return intent === null || intent === 'other';
};

function commonest(rows: readonly IntentExample[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.intent, (counts.get(r.intent) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * Scores a trained recognizer on every language's held-out messages,
 * beside the previous recognizer and the majority class of `trainedOn`.
 */
export function evaluateLanguages(
  recognizer: TrainedRecognizer,
  trainedOn: readonly IntentExample[],
  previous: TrainedRecognizer = previousRecognizer(),
): LanguageEvaluation[] {
  const majority = commonest(trainedOn);
  return heldOutMessages().map(({ locale, labelled, unrelated }) => {
    const ours = labelled.map((e) => ({ e, r: recognizer.recognize(e.text) }));
    const kept = ours.filter((o) => o.r.intent !== null);
    return {
      locale,
      messages: labelled.length,
      accuracy: share(ours.map((o) => o.r.best === o.e.intent)),
      previous: share(
        labelled.map((e) => previous.recognize(e.text).best === e.intent),
      ),
      majority: share(labelled.map((e) => e.intent === majority)),
      coverage: kept.length / labelled.length,
      accuracyAtCoverage: share(kept.map((o) => o.r.intent === o.e.intent)),
      unrelated: unrelated.length,
      unrelatedHeld: share(unrelated.map((t) => held(recognizer, t))),
      previousUnrelatedHeld: share(unrelated.map((t) => held(previous, t))),
    };
  });
}
