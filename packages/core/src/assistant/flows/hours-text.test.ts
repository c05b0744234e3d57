import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../sla/business-calendar.js';
import { ASSISTANT_LOCALES } from '../i18n/index.js';
import { openNow, wallTime, weeklyHours } from './hours-text.js';

const calendar = compileCalendar({
  id: 'office',
  timeZone: 'Europe/Berlin',
  hours: {
    mon: [['08:00', '18:00']],
    fri: [
      ['08:00', '12:30'],
      ['13:00', '24:00'],
    ],
  },
});
const monday = Date.parse('2026-03-02T10:00:00Z'); // 11:00 in Berlin
/** ICU versions differ on the space before AM and PM. */
const spaced = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('opening hours in words', () => {
  it('writes English times one way: no “08:00 AM” beside a 24-hour list', () => {
    expect(spaced(openNow(calendar, monday, 'en'))).toBe(
      'We are open now, until Monday, March 2 at 6:00 PM (Europe/Berlin time).',
    );
    const week = spaced(weeklyHours(calendar, 'en')).split('\n');
    expect(week[0]).toBe('Mon 8:00 AM–6:00 PM');
    expect(week[4]).toBe('Fri 8:00 AM–12:30 PM, 1:00 PM–12:00 AM');
  });

  for (const locale of ASSISTANT_LOCALES) {
    it(`${locale}: the sentence and the weekly list write times alike`, () => {
      const closing = wallTime(locale, '18:00');
      expect(openNow(calendar, monday, locale)).toContain(closing);
      const monLine = weeklyHours(calendar, locale).split('\n')[0];
      expect(monLine).toMatch(
        new RegExp(`${wallTime(locale, '08:00')}–${closing}$`),
      );
      const twelveHour = /[AP]M|ص|م/.test(closing);
      expect(twelveHour).toBe(locale === 'en' || locale === 'ar');
    });
  }

  it('keeps the end of a day as 24:00 where hours count to 23', () => {
    expect(wallTime('de', '24:00')).toBe('24:00');
    expect(wallTime('de', '00:00')).toBe('0:00');
    expect(spaced(wallTime('en', '24:00'))).toBe('12:00 AM');
  });
});
