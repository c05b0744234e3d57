/** The languages the widget speaks, by primary language subtag. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ja', 'ar'] as const;

/** One of {@link LANGUAGES}. */
export type Lang = (typeof LANGUAGES)[number];

/** The language the widget speaks and the locale it formats dates in. */
export interface ResolvedLocale {
  lang: Lang;
  /** The full tag that matched, e.g. `pt-BR`, for `Intl` formatting. */
  locale: string;
}

/**
 * The first tag in `tags` that names a language the widget speaks,
 * matched on its primary subtag (`de-CH` → `de`); English otherwise.
 *
 * @example
 * pickLanguage(['nl', 'pt-BR']); // { lang: 'pt', locale: 'pt-BR' }
 */
export function pickLanguage(
  tags: readonly (string | null | undefined)[],
): ResolvedLocale {
  for (const tag of tags) {
    const clean = tag?.trim().replace(/_/g, '-');
    if (!clean) continue;
    const lang = clean.split('-')[0]?.toLowerCase() as Lang;
    if (LANGUAGES.includes(lang))
      return { lang, locale: validTag(clean, lang) };
  }
  return { lang: 'en', locale: 'en' };
}

/** `tag` if `Intl` accepts it, else the bare language. */
function validTag(tag: string, lang: Lang): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? lang;
  } catch {
    return lang;
  }
}

/** The nearest `attr` on `el` or an ancestor, across shadow roots. */
export function closestAttribute(el: Element, attr: string): string | null {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest(`[${attr}]`);
    if (found) return found.getAttribute(attr);
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * Where the widget finds its language, in order: the `locale` override,
 * the nearest `lang` attribute (the element's own first), the page's
 * `<html lang>`, then the browser's preferred languages.
 */
export function languageCandidates(el: Element, override?: string | null) {
  return [
    override,
    closestAttribute(el, 'lang'),
    document.documentElement.lang,
    ...navigator.languages,
  ];
}

/**
 * The widget's writing direction: the element's own `dir` attribute;
 * else, when the language was chosen on the element (`locale` or its
 * own `lang`), that language's direction; else the nearest `dir` on the
 * page; else the language's direction.
 */
export function directionFor(
  el: Element,
  lang: Lang,
  chosenOnElement: boolean,
): 'ltr' | 'rtl' {
  // Arabic is the one language here written right to left.
  const natural = lang === 'ar' ? 'rtl' : 'ltr';
  return (
    direction(el.getAttribute('dir')) ??
    (chosenOnElement ? natural : direction(closestAttribute(el, 'dir'))) ??
    natural
  );
}

/** A `dir` attribute's value when it names a direction, else null. */
function direction(value: string | null): 'ltr' | 'rtl' | null {
  const dir = value?.toLowerCase();
  return dir === 'ltr' || dir === 'rtl' ? dir : null;
}

/**
 * Fills `{name}` placeholders in a message, each value written by
 * `show` (numbers in a locale's digits, say).
 *
 * @example
 * format('{ref} is now: {status}.', { ref: 'T-1', status: 'Open' });
 */
export function format(
  message: string,
  values: Record<string, string | number>,
  show: (value: string | number) => string = String,
): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? show(values[key] as string | number) : whole,
  );
}
