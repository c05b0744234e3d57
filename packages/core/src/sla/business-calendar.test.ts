import { describe, expect, it } from 'vitest';
import { TicketryError } from '../errors.js';
import { ALWAYS_OPEN, compileCalendar } from './business-calendar.js';
import type { CalendarInput } from './calendar-schema.js';
import { createMinuteOracle } from './oracle.js';
import { berlinOffice } from './test-support.js';

const H = 3_600_000;
const M = 60_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

const office = compileCalendar(berlinOffice);
const weekdays = (segments: [string, string][]) =>
  Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, segments]),
  );
const newYork = compileCalendar({
  id: 'nyc',
  timeZone: 'America/New_York',
  hours: weekdays([['09:00', '17:00']]),
});
const allDay = (timeZone: string) =>
  compileCalendar({
    id: `always-${timeZone.replace('/', '-')}`,
    timeZone,
    hours: '24/7',
  });

describe('a calendar with a lunch break', () => {
  it('skips the break when it counts two hours from 11:00', () => {
    const from = at('2024-03-04T10:00:00Z'); // Monday 11:00 in Berlin
    expect(iso(office.add(from, 2 * H))).toBe('2024-03-04T13:00:00.000Z');
    expect(office.elapsed(from, at('2024-03-04T13:00:00Z'))).toBe(2 * H);
  });

  it('puts a deadline that falls on a closing boundary at the closing time', () => {
    const from = at('2024-03-04T08:00:00Z'); // Monday 09:00
    expect(iso(office.add(from, 7 * H))).toBe('2024-03-04T16:00:00.000Z');
    expect(iso(office.add(from, 7 * H + M))).toBe('2024-03-05T08:01:00.000Z');
    expect(iso(office.add(from, 3 * H))).toBe('2024-03-04T11:00:00.000Z');
  });

  it('starts counting at the next opening for a ticket created on a Saturday', () => {
    const from = at('2024-03-09T14:00:00Z'); // Saturday 15:00
    expect(iso(office.add(from, H))).toBe('2024-03-11T09:00:00.000Z');
    expect(office.elapsed(from, at('2024-03-11T08:00:00Z'))).toBe(0);
  });

  it('skips a holiday, the weekend after it and the holiday after that', () => {
    const goodFriday = at('2024-03-29T09:00:00Z');
    // Good Friday, the DST weekend, Easter Monday: Tuesday 10:00 CEST.
    expect(iso(office.add(goodFriday, H))).toBe('2024-04-02T08:00:00.000Z');
  });

  it('counts nine working days across Easter and the change to summer time', () => {
    const from = at('2024-03-22T08:00:00Z'); // Friday 09:00 CET
    const to = at('2024-04-08T07:00:00Z'); // Monday 09:00 CEST
    expect(office.elapsed(from, to)).toBe(9 * 7 * H);
    expect(office.add(from, 9 * 7 * H)).toBe(at('2024-04-05T15:00:00Z'));
  });

  it('jumps a two-week holiday run in one step', () => {
    const holidays = [];
    for (let d = 23; d <= 31; d++) holidays.push({ date: `2024-12-${d}` });
    for (let d = 1; d <= 3; d++) holidays.push({ date: `2025-01-0${d}` });
    const winter = compileCalendar({ ...berlinOffice, holidays });
    const from = at('2024-12-20T15:00:00Z'); // Friday 16:00
    expect(iso(winter.add(from, 2 * H))).toBe('2025-01-06T09:00:00.000Z');
    expect(winter.elapsed(from, at('2025-01-06T08:00:00Z'))).toBe(H);
    expect(
      winter.holidaysBetween(from, at('2025-01-06T08:00:00Z')),
    ).toHaveLength(12);
  });
});

describe('a 24/7 calendar across clock changes', () => {
  it('counts 23 hours for the Berlin day clocks go forward, 25 going back', () => {
    const berlin = allDay('Europe/Berlin');
    expect(
      berlin.elapsed(at('2024-03-30T11:00:00Z'), at('2024-03-31T10:00:00Z')),
    ).toBe(23 * H);
    expect(
      berlin.elapsed(at('2024-10-26T10:00:00Z'), at('2024-10-27T11:00:00Z')),
    ).toBe(25 * H);
    expect(iso(berlin.add(at('2024-03-30T11:00:00Z'), 24 * H))).toBe(
      '2024-03-31T11:00:00.000Z',
    );
    expect(berlin.wallTime(at('2024-03-31T11:00:00Z'))).toBe(
      '2024-03-31T13:00',
    );
  });

  it('counts 23 and 25 hours for the New York days clocks change', () => {
    const nyc = allDay('America/New_York');
    expect(
      nyc.elapsed(at('2024-03-09T17:00:00Z'), at('2024-03-10T16:00:00Z')),
    ).toBe(23 * H);
    expect(
      nyc.elapsed(at('2024-11-02T16:00:00Z'), at('2024-11-03T17:00:00Z')),
    ).toBe(25 * H);
  });

  it('is real elapsed time, so the UTC fallback is plain subtraction', () => {
    const from = at('2024-05-01T00:00:00Z');
    expect(ALWAYS_OPEN.elapsed(from, from + 1234 * M)).toBe(1234 * M);
    expect(ALWAYS_OPEN.add(from, 0)).toBe(from);
  });
});

describe('business hours across clock changes in New York', () => {
  it('keeps the deadline at the same wall-clock hour after the change', () => {
    const from = at('2024-03-08T21:00:00Z'); // Friday 16:00 EST
    const due = newYork.add(from, 2 * H);
    expect(iso(due)).toBe('2024-03-11T14:00:00.000Z'); // Monday 10:00 EDT
    expect(newYork.wallTime(due)).toBe('2024-03-11T10:00');
  });

  it('does the same when clocks go back', () => {
    const from = at('2024-11-01T20:00:00Z'); // Friday 16:00 EDT
    const due = newYork.add(from, 2 * H);
    expect(iso(due)).toBe('2024-11-04T15:00:00.000Z'); // Monday 10:00 EST
  });
});

describe('working segments at wall-clock times that do not exist or happen twice', () => {
  const night = (timeZone: string, segment: [string, string]) =>
    ({ id: 'night', timeZone, hours: { sun: [segment] } }) as CalendarInput;

  it('opens a Berlin segment starting at the skipped 02:30 when clocks reach 03:00', () => {
    const cal = compileCalendar(night('Europe/Berlin', ['02:30', '03:30']));
    const day = [
      at('2024-03-30T22:00:00Z'),
      at('2024-03-31T22:00:00Z'),
    ] as const;
    expect(cal.workingIntervals(...day)).toEqual([
      [at('2024-03-31T01:00:00Z'), at('2024-03-31T01:30:00Z')],
    ]);
    expect(cal.elapsed(...day)).toBe(30 * M);
    const normal = [
      at('2024-03-23T23:00:00Z'),
      at('2024-03-24T23:00:00Z'),
    ] as const;
    expect(cal.elapsed(...normal)).toBe(H);
  });

  it('counts a Berlin segment inside the repeated hour each time the wall clock shows it', () => {
    const cal = compileCalendar(night('Europe/Berlin', ['02:30', '03:30']));
    const day = [
      at('2024-10-26T22:00:00Z'),
      at('2024-10-27T23:00:00Z'),
    ] as const;
    expect(cal.workingIntervals(...day)).toEqual([
      [at('2024-10-27T00:30:00Z'), at('2024-10-27T01:00:00Z')],
      [at('2024-10-27T01:30:00Z'), at('2024-10-27T02:30:00Z')],
    ]);
    expect(cal.elapsed(...day)).toBe(90 * M);
  });

  it('handles the skipped and the repeated hour in New York too', () => {
    const spring = compileCalendar(
      night('America/New_York', ['02:30', '03:30']),
    );
    expect(
      spring.workingIntervals(
        at('2024-03-10T05:00:00Z'),
        at('2024-03-11T05:00:00Z'),
      ),
    ).toEqual([[at('2024-03-10T07:00:00Z'), at('2024-03-10T07:30:00Z')]]);
    const fall = compileCalendar(night('America/New_York', ['01:30', '02:00']));
    expect(
      fall.workingIntervals(
        at('2024-11-03T04:00:00Z'),
        at('2024-11-04T05:00:00Z'),
      ),
    ).toEqual([
      [at('2024-11-03T05:30:00Z'), at('2024-11-03T06:00:00Z')],
      [at('2024-11-03T06:30:00Z'), at('2024-11-03T07:00:00Z')],
    ]);
  });

  it('agrees with the minute oracle on those days', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York']) {
      const def = night(zone, ['01:30', '03:30']);
      const cal = compileCalendar(def);
      const oracle = createMinuteOracle(def);
      for (const day of [
        '2024-03-10',
        '2024-03-31',
        '2024-10-27',
        '2024-11-03',
      ]) {
        const from = at(`${day}T00:00:00Z`) - 12 * H;
        expect(cal.elapsed(from, from + 36 * H)).toBe(
          oracle.elapsed(from, from + 36 * H),
        );
      }
    }
  });
});

describe('calendar definitions', () => {
  const fails = (input: unknown, message: RegExp) => {
    try {
      compileCalendar(input as CalendarInput);
    } catch (error) {
      expect(error).toBeInstanceOf(TicketryError);
      expect((error as TicketryError).code).toBe('VALIDATION_FAILED');
      expect((error as Error).message).toMatch(message);
      return;
    }
    throw new Error('expected a validation error');
  };

  it('refuses an unknown zone, overlapping or backwards segments, and no hours', () => {
    fails({ id: 'x', timeZone: 'Mars/Olympus', hours: '24/7' }, /time zone/);
    fails(
      {
        id: 'x',
        timeZone: 'UTC',
        hours: {
          mon: [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      },
      /overlap/,
    );
    fails(
      { id: 'x', timeZone: 'UTC', hours: { mon: [['12:00', '09:00']] } },
      /after/,
    );
    fails(
      { id: 'x', timeZone: 'UTC', hours: { mon: [['09:00', '25:00']] } },
      /HH:MM/,
    );
    fails({ id: 'x', timeZone: 'UTC', hours: {} }, /working hours/);
    fails(
      {
        id: 'x',
        timeZone: 'UTC',
        hours: '24/7',
        holidays: [{ date: '2024-02-30' }],
      },
      /date/,
    );
  });

  it('accepts a segment that ends at 24:00 and joins it to the next morning', () => {
    const cal = compileCalendar({
      id: 'late',
      timeZone: 'UTC',
      hours: { mon: [['22:00', '24:00']], tue: [['00:00', '02:00']] },
    });
    expect(
      cal.workingIntervals(
        at('2024-03-04T00:00:00Z'),
        at('2024-03-06T00:00:00Z'),
      ),
    ).toEqual([[at('2024-03-04T22:00:00Z'), at('2024-03-05T02:00:00Z')]]);
    expect(cal.isWorking(at('2024-03-04T23:59:00Z'))).toBe(true);
    expect(cal.isWorking(at('2024-03-05T02:00:00Z'))).toBe(false);
  });
});
