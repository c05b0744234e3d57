import type { PublicExpectation } from '@ticketry/core/public';
import type { DateStyle } from './i18n/dates.js';
import type { Messages } from './i18n/en.js';
import { format } from './i18n/index.js';

/** One promise shown to a requester: what, and by when. */
export interface ExpectationLine {
  key: 'first-response' | 'next-response' | 'resolution';
  text: string;
  /** The instant, for a `<time datetime>`. */
  at: string;
}

/** Words and a date format, as the widget's LocaleController has them. */
export interface ExpectationLocalizer {
  t: Messages;
  date(iso: string, style: DateStyle): string;
}

/**
 * What to tell a requester about a ticket's deadlines, in their own
 * language and time zone (as `i18n` words and formats them): the answer
 * they wait for and the resolution. Nothing while the ticket waits on
 * them or once a date has passed, so the widget never shows a broken
 * promise as one.
 */
export function expectationLines(
  expectation: PublicExpectation | null | undefined,
  now: number,
  i18n: ExpectationLocalizer,
): ExpectationLine[] {
  if (!expectation || expectation.paused) return [];
  const { firstResponseBy, nextResponseBy, resolutionBy } = expectation;
  const { t } = i18n;
  const wanted: [ExpectationLine['key'], string | null, string][] = [
    firstResponseBy
      ? ['first-response', firstResponseBy, t.firstAnswerBy]
      : ['next-response', nextResponseBy, t.nextAnswerBy],
    ['resolution', resolutionBy, t.resolutionBy],
  ];
  return wanted.flatMap(([key, at, label]) =>
    at && Date.parse(at) > now
      ? [{ key, at, text: format(label, { date: i18n.date(at, 'full') }) }]
      : [],
  );
}
