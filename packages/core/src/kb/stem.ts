/**
 * Light stemmers for English, German, French and Spanish, written for
 * Ticketry. They strip common inflections and a few derivational
 * suffixes so "printers", "printing" and "printed" meet, without a
 * dictionary. Stems are index keys, not words: they only have to be
 * the same for the query and the article.
 */

/** The languages with a stemmer; other locales are only folded. */
export const STEM_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type StemLanguage = (typeof STEM_LANGUAGES)[number];

/** A stemmer: one lower-case word in, its stem out. */
export type Stemmer = (word: string) => string;

/** Removes the first of `suffixes` the word ends with, keeping `min`. */
function strip(word: string, suffixes: readonly string[], min: number) {
  for (const s of suffixes) {
    if (word.endsWith(s) && word.length - s.length >= min) {
      return { stem: word.slice(0, -s.length), suffix: s };
    }
  }
  return { stem: word, suffix: '' };
}

const VOWEL = /[aeiouy]/;

/** English: plurals, -ed/-ing, then derivational endings. */
export function stemEnglish(word: string): string {
  if (word.length < 4) return word;
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const inflected = strip(w, ['ingly', 'edly', 'ing', 'ed'], 3);
  if (inflected.suffix && VOWEL.test(inflected.stem)) {
    w = inflected.stem;
    if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
  }
  const derived = strip(
    w,
    [
      'ational',
      'ization',
      'fulness',
      'iveness',
      'ousness',
      'ation',
      'ement',
      'ments',
      'ment',
      'ness',
      'able',
      'ible',
      'ally',
      'ful',
      'ity',
      'ive',
      'ize',
      'ise',
      'ly',
      'er',
      'or',
      'al',
      'e',
      'y',
    ],
    3,
  );
  return derived.stem;
}

/** German: umlauts folded, then case and plural endings. */
export function stemGerman(word: string): string {
  let w = word
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss');
  if (w.length < 5) return w;
  w = strip(w, ['ungen', 'heiten', 'keiten', 'ung', 'heit', 'keit'], 4).stem;
  if (/[bdfghklmnrt]s$/.test(w)) w = w.slice(0, -1);
  return strip(w, ['ern', 'em', 'en', 'er', 'es', 'e'], 3).stem;
}

/** Folds accents: é → e, ñ → n, ç → c. */
export function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** French: plurals, feminine and common noun/adverb/verb endings. */
export function stemFrench(word: string): string {
  let w = foldAccents(word);
  if (w.length < 5) return w.replace(/[sx]$/, '');
  w = strip(
    w,
    [
      'issements',
      'issement',
      'atrices',
      'atrice',
      'ateurs',
      'ateur',
      'ations',
      'ation',
      'ements',
      'ement',
      'ments',
      'ment',
      'euses',
      'euse',
      'eux',
      'ites',
      'ite',
      'ees',
      'ee',
      'es',
      'er',
      'ez',
      'e',
      's',
      'x',
    ],
    3,
  ).stem;
  return w;
}

/** Spanish: plurals, gender, adverbs and common verb endings. */
export function stemSpanish(word: string): string {
  let w = foldAccents(word);
  if (w.length < 5) return w.replace(/s$/, '');
  w = strip(
    w,
    [
      'amientos',
      'imientos',
      'amiento',
      'imiento',
      'aciones',
      'acion',
      'adoras',
      'adores',
      'adora',
      'ador',
      'mente',
      'ando',
      'iendo',
      'ados',
      'idos',
      'adas',
      'idas',
      'ado',
      'ido',
      'ada',
      'ida',
      'ces',
      'es',
      'os',
      'as',
      'ar',
      'er',
      'ir',
      'a',
      'o',
      'e',
      's',
    ],
    3,
  ).stem;
  return w.endsWith('c') && word.endsWith('ces') ? `${w.slice(0, -1)}z` : w;
}

const STEMMERS: Record<StemLanguage, Stemmer> = {
  en: stemEnglish,
  de: stemGerman,
  fr: stemFrench,
  es: stemSpanish,
};

/** The language part of a locale tag: `de-CH` → `de`. */
export function languageOf(locale: string | undefined): string {
  return (locale ?? 'en').toLowerCase().split(/[-_]/)[0] || 'en';
}

/**
 * The stemmer for a locale; other languages get accent folding only.
 * @example stemmerFor('de-AT')('Druckern') // 'druck'
 */
export function stemmerFor(locale: string | undefined): Stemmer {
  const lang = languageOf(locale) as StemLanguage;
  return STEMMERS[lang] ?? foldAccents;
}
