/**
 * Greetings, thanks, a bare yes or no and other small talk in the
 * seven languages: a message made only of these states no problem, so
 * the assistant does not file it as the ticket's subject.
 */
import { normalizeIntentText } from './normalize.js';

/*
 * Words and phrases as normalizeIntentText leaves them (lower case,
 * Latin without accents, one form per Arabic letter), longest first
 * where one starts another.
 */
const PHRASES = [
  // en
  'good morning',
  'good afternoon',
  'good evening',
  'thank you',
  'hello',
  'hi there',
  'hi',
  'hey',
  'thanks',
  'cheers',
  'ok',
  'okay',
  'please',
  'help',
  'yes',
  'no',
  // de
  'guten morgen',
  'guten tag',
  'guten abend',
  'hallo',
  'servus',
  'moin',
  'danke schon',
  'danke',
  'bitte',
  'ja',
  'nein',
  // fr
  'bonjour',
  'bonsoir',
  'salut',
  'merci beaucoup',
  'merci',
  'oui',
  'non',
  // es
  'buenos dias',
  'buenas tardes',
  'buenas noches',
  'buenas',
  'hola',
  'muchas gracias',
  'gracias',
  'si',
  // pt
  'bom dia',
  'boa tarde',
  'boa noite',
  'ola',
  'oi',
  'obrigado',
  'obrigada',
  'sim',
  'nao',
  // ja
  'こんにちは',
  'こんばんは',
  'おはようございます',
  'おはよう',
  'ありがとうございます',
  'ありがとう',
  'すみません',
  'はい',
  'いいえ',
  // ar
  'السلام عليكم',
  'مرحبا',
  'اهلا',
  'صباح الخير',
  'مساء الخير',
  'شكرا',
  'نعم',
  'لا',
];

const literal = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SMALL_TALK = new RegExp(
  `^(?:(?:${PHRASES.map(literal).join('|')})(?![\\p{L}\\p{N}])[\\s\\p{P}\\p{S}]*)+$`,
  'u',
);

/**
 * Whether a message is only small talk (greetings, thanks, "help"),
 * with no problem stated.
 *
 * @example
 * isSmallTalk('Hi!'); // true
 * isSmallTalk('Hi, my monitor flickers'); // false
 */
export function isSmallTalk(text: string): boolean {
  const t = normalizeIntentText(text)
    .replace(/^[\s\p{P}\p{S}]+/u, '')
    .trim();
  return t === '' || SMALL_TALK.test(t);
}
