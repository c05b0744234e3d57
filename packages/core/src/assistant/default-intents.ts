/**
 * Example messages for the routine requests the built-in flows handle,
 * written for Ticketry in the assistant's seven languages (one file per
 * language under intents/), and the recognizer trained on them. A site adds
 * its own examples (or intents) by training on these plus its own.
 */
import type { AssistantLocale } from './i18n/index.js';
import { ar } from './intents/ar.js';
import { de } from './intents/de.js';
import { en } from './intents/en.js';
import { es } from './intents/es.js';
import { fr } from './intents/fr.js';
import { ja } from './intents/ja.js';
import { pt } from './intents/pt.js';
import type { IntentTexts } from './intents/types.js';
import {
  createIntentRecognizer,
  type IntentExample,
  type IntentRecognizerOptions,
} from './recognizer.js';

export type { IntentTexts } from './intents/types.js';

/** The built-in examples by language, each written for Ticketry. */
export const DEFAULT_INTENT_TEXTS: Readonly<
  Record<AssistantLocale, IntentTexts>
> = { en, de, fr, es, pt, ja, ar };

/** One language's examples as training rows. */
export const intentExamplesOf = (texts: IntentTexts): IntentExample[] =>
  Object.entries(texts).flatMap(([intent, list]) =>
    list.map((text) => ({ text, intent })),
  );

/**
 * The built-in examples: five intents, eight to twelve messages each in
 * every one of the assistant's seven languages.
 */
export const DEFAULT_INTENT_EXAMPLES: readonly IntentExample[] =
  Object.values(DEFAULT_INTENT_TEXTS).flatMap(intentExamplesOf);

/**
 * A recognizer trained on {@link DEFAULT_INTENT_EXAMPLES} and any extra
 * examples of the site's own.
 *
 * @example
 * const recognizer = defaultIntentRecognizer([{ text: 'badge lost', intent: 'human' }]);
 */
export function defaultIntentRecognizer(
  extra: readonly IntentExample[] = [],
  options: IntentRecognizerOptions = {},
) {
  const recognizer = createIntentRecognizer(options);
  recognizer.train([...DEFAULT_INTENT_EXAMPLES, ...extra]);
  return recognizer;
}
