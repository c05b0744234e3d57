import { describe, expect, it } from 'vitest';
import { parseDayMonthYear, parseYearMonthDay } from './time.ts';

describe('ServiceNow times (D/M/YYYY HH:MM)', () => {
  it('reads day first, month second, as UTC', () => {
    expect(parseDayMonthYear('2/3/2016 14:53').toISOString()).toBe(
      '2016-03-02T14:53:00.000Z',
    );
    expect(parseDayMonthYear('29/2/2016 09:05').toISOString()).toBe(
      '2016-02-29T09:05:00.000Z',
    );
  });

  it('accepts two-digit days and months and optional seconds', () => {
    expect(parseDayMonthYear('16/12/2016 7:04:09').toISOString()).toBe(
      '2016-12-16T07:04:09.000Z',
    );
  });

  it('keeps exact differences across a European daylight-saving change', () => {
    const before = parseDayMonthYear('27/3/2016 01:00');
    const after = parseDayMonthYear('27/3/2016 03:00');
    expect(after.getTime() - before.getTime()).toBe(2 * 3_600_000);
  });

  it('refuses dates that do not exist', () => {
    expect(() => parseDayMonthYear('29/2/2017 10:00')).toThrow(
      expect.objectContaining({ code: 'BAD_TIMESTAMP' }),
    );
    expect(() => parseDayMonthYear('31/4/2016 10:00')).toThrow(
      /not a real instant/,
    );
    expect(() => parseDayMonthYear('1/1/2016 24:00')).toThrow(
      /not a real instant/,
    );
  });

  it('refuses the missing marker and other shapes with a typed error', () => {
    for (const text of ['?', '', '2016-03-02 14:53', '2/3/16 14:53']) {
      expect(() => parseDayMonthYear(text)).toThrow(
        expect.objectContaining({ code: 'BAD_TIMESTAMP' }),
      );
    }
  });
});

describe('helpdesk times (YYYY/MM/DD hh:mm:ss.000)', () => {
  it('reads the log format as UTC, milliseconds included', () => {
    expect(parseYearMonthDay('2012/10/09 14:50:17.000').toISOString()).toBe(
      '2012-10-09T14:50:17.000Z',
    );
    expect(
      parseYearMonthDay('2012/10/09 14:50:17.25').getUTCMilliseconds(),
    ).toBe(250);
  });

  it('accepts dashes, a T and a missing seconds part', () => {
    expect(parseYearMonthDay('2012-04-03T16:55').toISOString()).toBe(
      '2012-04-03T16:55:00.000Z',
    );
  });

  it('refuses impossible dates and other shapes', () => {
    expect(() => parseYearMonthDay('2013/02/29 10:00:00.000')).toThrow(
      expect.objectContaining({ code: 'BAD_TIMESTAMP' }),
    );
    expect(() => parseYearMonthDay('09/10/2012 14:50')).toThrow(
      expect.objectContaining({ code: 'BAD_TIMESTAMP' }),
    );
  });
});
