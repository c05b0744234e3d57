import { describe, expect, it } from 'vitest';
import { expectationLines } from './expectation.js';
import { dateFormatter, en } from './i18n/index.js';

const expectation = {
  firstResponseBy: '2024-03-04T13:00:00.000Z',
  nextResponseBy: null,
  resolutionBy: '2024-03-06T10:00:00.000Z',
  paused: false,
};
const monday = Date.parse('2024-03-04T09:00:00Z');

/** English words and dates as read in `timeZone`. */
const english = (timeZone: string) => ({
  t: en,
  date: (iso: string) =>
    dateFormatter('en-GB', timeZone, 'full').format(new Date(iso)),
});

describe('what the widget promises a requester', () => {
  it('names the first answer and the resolution in the reader time zone', () => {
    const inBerlin = expectationLines(
      expectation,
      monday,
      english('Europe/Berlin'),
    );
    // ICU versions differ in commas; the date and hour do not.
    expect(inBerlin.map((l) => l.text)).toEqual([
      expect.stringMatching(
        /^First answer expected by Monday,? 4 March 2024 at 14:00$/,
      ),
      expect.stringMatching(
        /^Resolution expected by Wednesday,? 6 March 2024 at 11:00$/,
      ),
    ]);
    const inTokyo = expectationLines(
      expectation,
      monday,
      english('Asia/Tokyo'),
    );
    expect(inTokyo[0]?.text).toMatch(/4 March 2024 at 22:00$/);
    expect(inTokyo[0]?.at).toBe(expectation.firstResponseBy);
  });

  it('says nothing while the ticket waits on the requester or once a date passed', () => {
    expect(
      expectationLines(
        { ...expectation, paused: true },
        monday,
        english('UTC'),
      ),
    ).toEqual([]);
    const later = Date.parse('2024-03-05T09:00:00Z');
    expect(
      expectationLines(expectation, later, english('UTC')).map((l) => l.key),
    ).toEqual(['resolution']);
    expect(expectationLines(null, monday, english('UTC'))).toEqual([]);
  });

  it('promises the next answer once the first was given', () => {
    const lines = expectationLines(
      {
        ...expectation,
        firstResponseBy: null,
        nextResponseBy: '2024-03-04T15:00:00.000Z',
      },
      monday,
      english('UTC'),
    );
    expect(lines[0]).toMatchObject({ key: 'next-response' });
  });
});
