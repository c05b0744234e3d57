/**
 * Text to features for the intent recognizer: short requests carry few
 * words, so besides words and word pairs it uses character n-grams
 * inside words ("printer", "printing" and "print" share "prin"), which
 * carry a request across inflections and typos. Japanese is written
 * without spaces, so a run of kanji and kana is cut into script runs
 * for words and read as character pairs and triples ("パスワード",
 * "忘れ"); Arabic words are read after {@link normalizeIntentText}
 * unifies their letter variants.
 */
import { tokenize } from '../classify/features.js';
import { normalizeIntentText } from './normalize.js';

/** What {@link intentFeatures} emits. */
export interface IntentFeatureOptions {
  /** Adjacent word pairs. @default true */
  bigrams?: boolean;
  /** Character n-gram lengths inside words; [] for none. @default [3, 4, 5] */
  chars?: readonly number[];
  /**
   * Normalise the text and cut kanji and kana into script runs and
   * character n-grams; false reads words as the first English-trained
   * recognizer did. @default true
   */
  multilingual?: boolean;
}

/** A light English stem: enough to join plural and -ing forms. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/** Kanji, hiragana, katakana and the marks that go with them. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u;
/** A stretch of Japanese, or of anything else, inside one token. */
const SEGMENT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]+/gu;
const HAN = /\p{Script=Han}/u;
/** One script run inside Japanese text. */
const RUN =
  /\p{Script=Han}+[々〆]*|\p{Script=Hiragana}+|[\p{Script=Katakana}ー]+/gu;
/** French and Italian elision: "l'ouverture", "j'ai", "qu'il". */
const ELISION = /^(?:[cdjlmnst]|qu)['’](?=\p{L}{2})/u;

const ARABIC = /\p{Script=Arabic}/u;
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'];
const ARABIC_SUFFIXES = ['ها', 'ات', 'ون', 'ين', 'ني', 'ه', 'ي'];

/**
 * A light Arabic stem: the article and "and" in front, one plural or
 * pronoun ending behind ("والتذكرة", "تذكرتي" and "التذكرة" meet
 * in "تذكر").
 */
export function arabicStem(word: string): string {
  let w = word;
  const p = ARABIC_PREFIXES.find(
    (x) => w.startsWith(x) && w.length - x.length >= 3,
  );
  if (p) w = w.slice(p.length);
  const s = ARABIC_SUFFIXES.find(
    (x) => w.endsWith(x) && w.length - x.length >= 3,
  );
  if (s) w = w.slice(0, -s.length);
  // The feminine ending is written ت before a pronoun: تذكرتي.
  if (w.endsWith('ت') && w.length >= 4 && s) w = w.slice(0, -1);
  return w;
}

const stemAny = (word: string) =>
  ARABIC.test(word) ? arabicStem(word) : stem(word);

function charGrams(word: string, sizes: readonly number[], out: string[]) {
  const padded = `<${word}>`;
  for (const n of sizes) {
    for (let i = 0; i + n <= padded.length; i++) {
      out.push(`#${padded.slice(i, i + n)}`);
    }
  }
}

/** Words of a normalised text; Japanese split by script. */
function wordsOf(text: string): { words: string[]; cjk: string[] } {
  const words: string[] = [];
  const cjk: string[] = [];
  for (const token of tokenize(text)) {
    if (!CJK.test(token)) {
      words.push(stemAny(token.replace(ELISION, '')));
      continue;
    }
    for (const part of token.match(SEGMENT) ?? []) {
      if (!CJK.test(part)) words.push(stem(part));
      else {
        cjk.push(part);
        words.push(...(part.match(RUN) ?? []));
      }
    }
  }
  return { words, cjk };
}

/** Character pairs and triples across a Japanese token, and its kanji. */
function cjkGrams(run: string, out: string[]) {
  charGrams(run, [2, 3], out);
  for (const c of run) if (HAN.test(c)) out.push(`#${c}`);
}

/** The features of a text, repeated as often as they occur. */
export function intentFeatures(
  text: string,
  options: IntentFeatureOptions = {},
): string[] {
  const multilingual = options.multilingual ?? true;
  const { words, cjk } = multilingual
    ? wordsOf(normalizeIntentText(text))
    : { words: tokenize(text).map(stem), cjk: [] };
  const out = [...words];
  if (options.bigrams ?? true) {
    for (let i = 0; i + 1 < words.length; i++) {
      out.push(`${words[i]} ${words[i + 1]}`);
    }
  }
  const sizes = options.chars ?? [3, 4, 5];
  if (sizes.length > 0) {
    // Japanese words get the pairs and triples of their run instead.
    for (const w of words) {
      if (!multilingual || !CJK.test(w)) charGrams(w, sizes, out);
    }
  }
  for (const token of cjk) cjkGrams(token, out);
  return out;
}
