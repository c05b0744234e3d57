import { ReplayError } from './errors.ts';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const YMD =
  /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

function utc(
  text: string,
  parts: [number, number, number, number, number, number, number],
): Date {
  const [year, month, day, hour, minute, second, ms] = parts;
  const date = new Date(
    Date.UTC(year, month - 1, day, hour, minute, second, ms),
  );
  // Date.UTC rolls 31/2 over into March; a round trip catches that.
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!valid) {
    throw new ReplayError('BAD_TIMESTAMP', `not a real instant: "${text}"`, {
      value: text,
    });
  }
  return date;
}

function bad(text: string, shape: string): ReplayError {
  return new ReplayError(
    'BAD_TIMESTAMP',
    `expected a timestamp like ${shape}, got "${text}"`,
    { value: text, shape },
  );
}

/**
 * Reads a ServiceNow log time, `D/M/YYYY HH:MM` (seconds optional),
 * as UTC: the log carries no zone, so UTC is the one reading that
 * keeps every difference exact (no daylight-saving jumps).
 *
 * @example
 * parseDayMonthYear('29/2/2016 09:05').toISOString();
 * // '2016-02-29T09:05:00.000Z'
 */
export function parseDayMonthYear(text: string): Date {
  const m = DMY.exec(text.trim());
  if (!m) throw bad(text, 'D/M/YYYY HH:MM');
  const [, d, mo, y, h, mi, s] = m;
  return utc(text, [+y!, +mo!, +d!, +h!, +mi!, s ? +s : 0, 0]);
}

/**
 * Reads a helpdesk log time, `YYYY/MM/DD hh:mm:ss.000` (dashes, a `T`
 * and missing seconds or milliseconds also accepted), as UTC.
 *
 * @example
 * parseYearMonthDay('2012/10/09 14:50:17.000').toISOString();
 * // '2012-10-09T14:50:17.000Z'
 */
export function parseYearMonthDay(text: string): Date {
  const m = YMD.exec(text.trim());
  if (!m) throw bad(text, 'YYYY/MM/DD hh:mm:ss.000');
  const [, y, mo, d, h, mi, s, ms] = m;
  const millis = ms ? Number(ms.padEnd(3, '0')) : 0;
  return utc(text, [+y!, +mo!, +d!, +h!, +mi!, s ? +s : 0, millis]);
}
