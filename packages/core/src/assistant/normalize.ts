/**
 * Text normalisation for intent recognition in the widget's seven
 * languages: one form for what people type in many ways. Compatibility
 * forms (full-width Latin, half-width katakana) become their plain
 * forms, case is folded, Latin accents are dropped (people type "nao"
 * for "não"), Arabic letter variants and short vowels are unified, and
 * invisible direction and joiner marks are removed.
 */

/** Direction marks, overrides, isolates, zero-width characters and BOM. */
const INVISIBLE =
  /[\u061c\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Arabic short vowels, shadda, sukun, dagger alif, Quranic marks, tatweel. */
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

const ARABIC_LETTERS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ة: 'ه',
  ک: 'ك',
  ی: 'ي',
};
const ARABIC_VARIANTS = /[أإآٱىئؤةکی]/g;

/** Arabic-Indic and Eastern Arabic-Indic digits. */
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** Latin letters with their combining marks, to drop the marks. */
const LATIN_RUN = /[\p{Script=Latin}][\p{Script=Latin}\p{M}]*/gu;

const foldLatin = (run: string) =>
  run.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('ß', 'ss');

/**
 * The text in the one form the recognizer reads: NFKC, no invisible
 * marks, lower case, Latin without accents, Arabic without short
 * vowels and with one form per letter, ASCII digits.
 *
 * @example
 * normalizeIntentText('Ｐａｓｓｗｏｒｔ ZURÜCKSETZEN'); // 'passwort zurucksetzen'
 * normalizeIntentText('كَلِمَة المُرور'); // 'كلمه المرور'
 */
export function normalizeIntentText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(LATIN_RUN, foldLatin)
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_VARIANTS, (c) => ARABIC_LETTERS[c] ?? c)
    .replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));
}
