import type { PublicExpectation } from '@ticketry/core/public';

/** One promise shown to a requester: what, and by when. */
export interface ExpectationLine {
  key: 'first-response' | 'next-response' | 'resolution';
  text: string;
  /** The instant, for a `<time datetime>`. */
  at: string;
}

const LABELS = {
  'first-response': 'First answer expected by',
  'next-response': 'Next answer expected by',
  resolution: 'Resolution expected by',
} as const;

/**
 * What to tell a requester about a ticket's deadlines, in their own
 * time zone (the browser's, or `timeZone`): the answer they wait for
 * and the resolution. Nothing while the ticket waits on them or once a
 * date has passed, so the widget never shows a broken promise as one.
 */
export function expectationLines(
  expectation: PublicExpectation | null | undefined,
  now: number,
  options: { locale?: string; timeZone?: string } = {},
): ExpectationLine[] {
  if (!expectation || expectation.paused) return [];
  const format = new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    ...(options.timeZone && { timeZone: options.timeZone }),
  });
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
      text: `${LABELS[key]} ${format.format(new Date(at))}`,
    });
  }
  return lines;
}
