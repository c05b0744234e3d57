/** Lines that mail clients put between a reply and the mail it quotes. */
const SEPARATORS = [
  /^-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|oorspronkelijk bericht)\s*-{2,}$/i,
  /^_{20,}$/,
];

/** "On <date>, <someone> wrote:" in the languages clients use most. */
const ATTRIBUTIONS = [
  /^on\b.{1,300}\bwrote:?$/i,
  /^am\b.{1,300}\bschrieb\b.{0,100}:$/i,
  /^le\b.{1,300}\ba écrit\s?:$/i,
  /^el\b.{1,300}\bescribió:$/i,
  /^op\b.{1,300}\bschreef\b.{0,100}:$/i,
];

/** The first line of an Outlook-style header block of a quoted mail. */
const HEADER_FROM = /^\*?(from|von|de|van):\*?\s/i;
const HEADER_NEXT =
  /^\*?(sent|date|gesendet|envoyé|datum|enviado|to|an|à|para|subject|betreff|objet|asunto):\*?\s/i;

function isAttribution(line: string, next: string | undefined): boolean {
  const one = line.trim();
  const two = next === undefined ? one : `${one} ${next.trim()}`;
  return ATTRIBUTIONS.some((re) => re.test(one) || re.test(two));
}

function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i]!.trim())) return false;
  const following = lines.slice(i + 1, i + 5).map((l) => l.trim());
  return following.filter((l) => HEADER_NEXT.test(l)).length >= 2;
}

/** Where the quoted history of a message starts, or -1. */
function historyStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (SEPARATORS.some((re) => re.test(line))) return i;
    if (
      /^(on|am|le|el|op)\b/i.test(line) &&
      isAttribution(line, lines[i + 1])
    ) {
      return i;
    }
    if (isHeaderBlock(lines, i)) return i;
  }
  return -1;
}

/**
 * Trims the quoted history off a message: everything from the first
 * "On … wrote:" attribution, "-----Original Message-----" separator or
 * Outlook header block on, and every line quoted with `>`. A message
 * that is nothing but quotes (a bare forward) is kept whole.
 *
 * @example
 * trimQuotes('Thanks, fixed!\n\nOn Mon, Ada wrote:\n> it broke'); // 'Thanks, fixed!'
 */
export function trimQuotes(text: string): string {
  const lines = text.split('\n');
  const start = historyStart(lines);
  const kept = (start === -1 ? lines : lines.slice(0, start)).filter(
    (line) => !/^\s*>/.test(line),
  );
  const trimmed = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return trimmed || text.trim();
}
