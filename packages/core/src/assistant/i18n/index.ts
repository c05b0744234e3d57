/**
 * The assistant's reply catalog in the widget's seven languages, and
 * the helpers that pick and fill a text. The locale the widget sends
 * picks the language of the replies; recognition reads all seven
 * languages whatever the locale (see default-intents.ts).
 */
import { z } from 'zod';
import { ar } from './ar.js';
import { de } from './de.js';
import { type AssistantCatalog, type AssistantTextKey, en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { pt } from './pt.js';

export type { AssistantCatalog, AssistantTextKey } from './en.js';

/** The languages the assistant answers in (the widget's). */
export const ASSISTANT_LOCALES = [
  'en',
  'de',
  'fr',
  'es',
  'pt',
  'ja',
  'ar',
] as const;
/** One of {@link ASSISTANT_LOCALES}. */
export type AssistantLocale = (typeof ASSISTANT_LOCALES)[number];
/** Validates a locale; unknown or missing means `en`. */
export const assistantLocaleSchema = z.enum(ASSISTANT_LOCALES);

/**
 * The language the assistant answers a BCP 47 tag in: its base language
 * when the assistant speaks it (`de` for `de-CH`), otherwise `en`.
 *
 * @example
 * assistantLocaleOf('pt-BR'); // 'pt'
 */
export function assistantLocaleOf(tag: string): AssistantLocale {
  const base = tag.toLowerCase().split(/[-_]/)[0];
  const known = assistantLocaleSchema.safeParse(base);
  return known.success ? known.data : 'en';
}

/**
 * A BCP 47 language tag as a message names it (`de`, `de-CH`, `pt_BR`),
 * the same form `/kb/suggest` takes; {@link assistantLocaleOf} picks the
 * reply language from it.
 */
export const assistantLocaleTagSchema = z
  .string()
  .max(35)
  .regex(
    /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/,
    'a language tag such as en or de-CH',
  );

/** Every catalog, by locale. */
export const ASSISTANT_CATALOGS: Readonly<
  Record<AssistantLocale, AssistantCatalog>
> = { en, de, fr, es, pt, ja, ar };

/**
 * The text for `key` in `locale`, with `{name}` placeholders filled.
 *
 * @example
 * assistantText('de', 'created', { ref: 'T-1' });
 */
export function assistantText(
  locale: AssistantLocale,
  key: AssistantTextKey,
  values: Record<string, string> = {},
): string {
  const template = (ASSISTANT_CATALOGS[locale] ?? en)[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in values ? values[name]! : all,
  );
}

/** The `{placeholders}` a text uses, sorted. */
export const placeholdersOf = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
