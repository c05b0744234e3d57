/**
 * The intent recognizer's settings and the JSON form of a trained one,
 * both checked with zod.
 */
import { z } from 'zod';

/** The recognizer's settings, as options and as saved. */
export const settingsSchema = z.strictObject({
  /** Word pairs as features. @default true */
  bigrams: z.boolean().default(true),
  /** Character n-gram sizes inside words. @default [3, 4, 5] */
  chars: z.array(z.number().int().min(2).max(8)).max(4).default([3, 4, 5]),
  /**
   * Normalise text (NFKC, case, accents, Arabic letter forms) and read
   * Japanese by script runs and character pairs; false reads words as
   * the first, English-trained recognizer did. @default true
   */
  multilingual: z.boolean().default(true),
  /** L2 penalty. @default 0 (the fixed number of passes regularises) */
  l2: z.number().min(0).max(1).default(0),
  /** Full-batch passes. @default 200 */
  iterations: z.number().int().min(1).max(5000).default(200),
  /** Step size. @default 3 */
  rate: z.number().positive().max(100).default(3),
  /**
   * Confidence under which no intent is given: a number, or the
   * precision to reach on held-out folds of the training examples.
   * @default { precision: 0.9 }
   */
  threshold: z
    .union([
      z.number().min(0).max(1),
      z.object({ precision: z.number().min(0).max(1) }),
    ])
    .default({ precision: 0.9 }),
});

/** Options of {@link createIntentRecognizer}. */
export type IntentRecognizerOptions = z.input<typeof settingsSchema>;
/** The settings with every default filled. */
export type Settings = z.output<typeof settingsSchema>;

/** The JSON form of a trained recognizer, checked when loaded. */
export const recognizerJsonSchema = z.object({
  format: z.literal('ticketry.intent-recognizer'),
  version: z.literal(1),
  settings: settingsSchema,
  intents: z.array(z.string().min(1).max(200)).max(1000),
  docs: z.number().int().min(0),
  threshold: z.number().min(0).max(1),
  bias: z.array(z.number()),
  /** [feature, documents containing it, weight per intent]. */
  features: z.array(z.tuple([z.string(), z.number(), z.array(z.number())])),
});

/** A saved recognizer, as {@link recognizerJsonSchema} reads it. */
export type RecognizerJson = z.infer<typeof recognizerJsonSchema>;

/** A model saved before `multilingual` existed was trained without it. */
export function withReading(json: unknown): unknown {
  if (typeof json !== 'object' || json === null) return json;
  const settings = (json as { settings?: unknown }).settings;
  if (typeof settings !== 'object' || settings === null) return json;
  if ('multilingual' in settings) return json;
  return { ...json, settings: { ...settings, multilingual: false } };
}
