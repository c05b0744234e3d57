import { describe, expect, it } from 'vitest';
import { TicketryError } from '../errors.js';
import { compileCalendar } from './business-calendar.js';
import { holidaysFromIcs } from './ics.js';
import { berlinOffice } from './test-support.js';

const ics = (events: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ticketry tests//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e.split('\n'), 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');

describe('holidays from iCalendar text', () => {
  it('reads all-day events, several days long, with escaped and folded names', () => {
    const { holidays, skipped } = holidaysFromIcs(
      ics([
        'DTSTART;VALUE=DATE:20241225\nDTEND;VALUE=DATE:20241227\nSUMMARY:Christmas\\, both days',
        'DTSTART;VALUE=DATE:20241003\nSUMMARY:Day of German\n  Unity',
        'DTSTART:20240101\nDURATION:P1W\nSUMMARY:Winter break',
      ]),
    );
    expect(skipped).toEqual([]);
    expect(holidays.map((h) => h.date)).toEqual([
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
      '2024-01-06',
      '2024-01-07',
      '2024-10-03',
      '2024-12-25',
      '2024-12-26',
    ]);
    expect(holidays[7]).toEqual({
      date: '2024-10-03',
      name: 'Day of German Unity',
    });
    expect(holidays[8]?.name).toBe('Christmas, both days');
  });

  it('expands yearly events within a range, skipping excluded dates and 29 Februaries', () => {
    const { holidays } = holidaysFromIcs(
      ics([
        'DTSTART;VALUE=DATE:20200501\nRRULE:FREQ=YEARLY\nEXDATE;VALUE=DATE:20230501\nSUMMARY:Labour Day',
        'DTSTART;VALUE=DATE:20240229\nRRULE:FREQ=YEARLY;COUNT=2\nSUMMARY:Leap day',
      ]),
      { from: '2022-01-01', to: '2025-12-31' },
    );
    expect(holidays.map((h) => h.date)).toEqual([
      '2022-05-01',
      '2024-02-29',
      '2024-05-01',
      '2025-05-01',
    ]);
  });

  it('skips timed, cancelled and unsupported events with a reason', () => {
    const { holidays, skipped } = holidaysFromIcs(
      ics([
        'DTSTART:20241224T120000Z\nDTEND:20241224T170000Z\nSUMMARY:Half day',
        'DTSTART;VALUE=DATE:20241231\nSTATUS:CANCELLED\nSUMMARY:Off',
        'DTSTART;VALUE=DATE:20240101\nRRULE:FREQ=MONTHLY\nSUMMARY:Monthly',
        'DTSTART;VALUE=DATE:20240101\nRRULE:FREQ=YEARLY;BYDAY=MO\nSUMMARY:Odd',
      ]),
    );
    expect(holidays).toEqual([]);
    expect(skipped.map((s) => s.summary)).toEqual([
      'Half day',
      'Off',
      'Monthly',
      'Odd',
    ]);
    expect(skipped[0]?.reason).toMatch(/all-day/);
  });

  it('refuses text that is not iCalendar', () => {
    expect(() => holidaysFromIcs('hello')).toThrow(TicketryError);
  });

  it('feeds a calendar whose deadlines then skip the imported days', () => {
    const { holidays } = holidaysFromIcs(
      ics(['DTSTART;VALUE=DATE:20240304\nSUMMARY:Office closed']),
    );
    const cal = compileCalendar({ ...berlinOffice, holidays });
    // Monday is closed: one hour from Monday 08:00 is Tuesday 10:00.
    expect(
      new Date(
        cal.add(Date.parse('2024-03-04T07:00:00Z'), 3_600_000),
      ).toISOString(),
    ).toBe('2024-03-05T09:00:00.000Z');
  });
});

describe('an unterminated event', () => {
  it('is reported as skipped, not dropped silently', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20241225',
      'SUMMARY:A',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20241226',
      'SUMMARY:B',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20241231',
      'SUMMARY:C',
    ].join('\r\n');
    const result = holidaysFromIcs(text);
    expect(result.holidays.map((h) => h.name)).toEqual(['B']);
    expect(result.skipped).toEqual([
      { summary: 'A', reason: 'the event has no END:VEVENT line' },
      { summary: 'C', reason: 'the event has no END:VEVENT line' },
    ]);
  });
});
