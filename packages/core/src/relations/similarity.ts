/**
 * Words that say nothing about what a ticket is about, in the
 * languages help-desk subjects mix most: greetings, reply prefixes
 * and English function words.
 */
const STOP_WORDS = new Set(
  (
    'a an the and or of to for in on at is are be it this that with from by ' +
    'as my our your me we i not no can cannot please hi hello dear re fw fwd ' +
    'aw sv wg tr thanks thank you urgent help issue problem request'
  ).split(' '),
);

/**
 * A subject's content words: lower case, accents dropped, letters and
 * digits only, no stop words, no one-letter words, no ticket refs.
 */
export function subjectTokens(subject: string): string[] {
  const plain = subject
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b[a-z]{1,5}-\d+\b/g, ' ');
  return (plain.match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (w) => w.length > 1 && !STOP_WORDS.has(w),
  );
}

function trigrams(tokens: readonly string[]): Set<string> {
  const text = ` ${tokens.join(' ')} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** A subject prepared once for many comparisons. */
export interface SubjectShape {
  words: Set<string>;
  grams: Set<string>;
}

/** Prepares a subject for {@link similarity}. */
export function shapeOf(subject: string): SubjectShape {
  const tokens = subjectTokens(subject);
  return { words: new Set(tokens), grams: trigrams(tokens) };
}

/**
 * How alike two subjects are, 0 to 1: the mean of the Jaccard index
 * of their content words and of their character trigrams, so a typo
 * or a plural still counts. Subjects without content words score 0.
 *
 * @example
 * similarity(shapeOf('VPN drops every hour'), shapeOf('Re: vpn dropping every hour'));
 */
export function similarity(a: SubjectShape, b: SubjectShape): number {
  if (a.words.size === 0 || b.words.size === 0) return 0;
  return (jaccard(a.words, b.words) + jaccard(a.grams, b.grams)) / 2;
}
