import { en, type Messages } from './en.js';
import type { Lang } from './locale.js';

type Loader = () => Promise<{ default: Messages }>;

/**
 * Every language but English is its own module, imported on first use:
 * a build with code splitting ships each as a separate chunk that only
 * pages in that language fetch.
 */
const LOADERS: Record<Exclude<Lang, 'en'>, Loader> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  pt: () => import('./pt.js'),
  ja: () => import('./ja.js'),
  ar: () => import('./ar.js'),
};

const loaded = new Map<Lang, Messages>([['en', en]]);

/** The messages of `lang` if they are already loaded. */
export function loadedMessages(lang: Lang): Messages | undefined {
  return loaded.get(lang);
}

/**
 * Loads the messages of `lang` once. A language whose module cannot be
 * fetched (for example a chunk left behind when copying the bundle)
 * falls back to English, for good: it is not fetched again.
 */
export async function loadMessages(lang: Lang): Promise<Messages> {
  // English is always loaded: the loaders below are for the others.
  const known = loaded.get(lang);
  if (known) return known;
  const messages = await LOADERS[lang as Exclude<Lang, 'en'>]().then(
    (module) => module.default,
    // English stays: a page in another language still gets a working form.
    () => en,
  );
  loaded.set(lang, messages);
  return messages;
}
