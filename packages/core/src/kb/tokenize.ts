/**
 * Locale-aware tokens for the knowledge base index: Unicode words,
 * French and Italian elisions split off (l'imprimante → imprimante),
 * English possessives dropped, stop words removed, then stemmed and
 * folded so accents never decide a match.
 */
import { foldAccents, languageOf, stemmerFor } from './stem.js';

/** Words; numbers with dots (versions like 14.04.2) stay one word. */
const WORD = /\p{N}+(?:\.\p{N}+)+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/;

/** Small stop word lists: words too common to tell articles apart. */
const STOP_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(
    'a about an and any anyone are as at be been but by can could did do does doing for from get had has have how i if in into is it its just me my no not of on or our possible should so some than that the their them then there these they this to too us use using want was way we were what when where which who why will with would you your'.split(
      ' ',
    ),
  ),
  de: new Set(
    'aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du ein eine einem einen einer es für hat habe haben ich ihr im in ist ja kann mein mit nach nicht noch nur oder sich sie sind so über um und uns von vor war was wie wir wird zu zum zur'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'a au aux avec ce ces dans de des du elle en est et il ils je la le les leur mais me mes mon ne nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes ton tu un une vos votre vous y'.split(
      ' ',
    ),
  ),
  es: new Set(
    'a al como con de del el en es esta este la las le les lo los me mi mis no nos o para pero por que se si sin su sus te tu un una uno y ya yo'.split(
      ' ',
    ),
  ),
};

/** Lower case in the language's rules; plain rules for a bad tag. */
function lowerCase(text: string, lang: string): string {
  try {
    return text.toLocaleLowerCase(lang);
  } catch {
    return text.toLowerCase();
  }
}

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /** Keep stop words (for phrases or tiny texts). @default false */
  keepStopWords?: boolean;
}

/** The raw lower-case words of a text, elisions and possessives cut. */
export function words(text: string, locale?: string): string[] {
  const lang = languageOf(locale);
  const lower = lowerCase(text.normalize('NFKC'), lang);
  const out: string[] = [];
  for (const match of lower.match(WORD) ?? []) {
    let w = match.replace(/’/g, "'");
    if (lang === 'fr' || lang === 'it') w = w.replace(ELISION, '');
    if (lang === 'en') w = w.replace(/'s$/, '');
    for (const part of w.split("'")) if (part) out.push(part);
  }
  return out;
}

/**
 * Index terms of a text in a locale: words without stop words,
 * stemmed for en/de/fr/es, accents folded.
 * @example tokenize('Les imprimantes ne marchent pas', 'fr')
 */
export function tokenize(
  text: string,
  locale?: string,
  options: TokenizeOptions = {},
): string[] {
  const lang = languageOf(locale);
  const stop = STOP_WORDS[lang];
  const stem = stemmerFor(lang);
  const out: string[] = [];
  for (const w of words(text, lang)) {
    if (!options.keepStopWords && stop?.has(w)) continue;
    out.push(foldAccents(stem(w)));
  }
  return out;
}
