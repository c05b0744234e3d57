import type { PublicExpectation } from '@ticketry/core/public';
import type { DateStyle } from './i18n/dates.js';
import type { Messages } from './i18n/en.js';
import { kit } from './tracking-kit.js';

/** One promise shown to a requester: what, and by when. */
export interface ExpectationLine {
  key: 'first-response' | 'next-response' | 'resolution';
  text: string;
  /** The instant, for a `<time datetime>`. */
  at: string;
}

const LABELS = {
  'first-response': 'firstAnswerBy',
  'next-response': 'nextAnswerBy',
  resolution: 'resolutionBy',
} as const;

/** Words and a date format, as the widget's LocaleController has them. */
export interface ExpectationLocalizer {
  t: Messages;
  date(iso: string, style: DateStyle): string;
}

/**
 * What to tell a requester about a ticket's deadlines, in their own
 * language and time zone (`i18n`, or English with `locale` and
 * `timeZone`, the browser's by default): the answer they wait for and
 * the resolution. Nothing while the ticket waits on them or once a date
 * has passed, so the widget never shows a broken promise as one.
 */
export function expectationLines(
  expectation: PublicExpectation | null | undefined,
  now: number,
  options: {
    locale?: string;
    timeZone?: string;
    i18n?: ExpectationLocalizer;
  } = {},
): ExpectationLine[] {
  const { dateFormatter, en, format } = kit();
  if (!expectation || expectation.paused) return [];
  const { t, date } = options.i18n ?? {
    t: en,
    date: (iso: string) =>
      dateFormatter(options.locale, options.timeZone, 'full').format(
        new Date(iso),
      ),
  };
  const answer = expectation.firstResponseBy
    ? (['first-response', expectation.firstResponseBy] as const)
    : expectation.nextResponseBy
      ? (['next-response', expectation.nextResponseBy] as const)
      : null;
  const wanted = [
    answer,
    expectation.resolutionBy
      ? (['resolution', expectation.resolutionBy] as const)
      : null,
  ];
  const lines: ExpectationLine[] = [];
  for (const item of wanted) {
    if (!item || Date.parse(item[1]) <= now) continue;
    const [key, at] = item;
    lines.push({
      key,
      at,
      text: format(t[LABELS[key]], { date: date(at, 'full') }),
    });
  }
  return lines;
}
