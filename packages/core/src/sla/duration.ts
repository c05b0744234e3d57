import { z } from 'zod';

const MINUTE = 60_000;
const PATTERN = /^([+-])?(?:(\d{1,6})h)?(?:(\d{1,6})m)?$/;

/** Longest business duration a policy may name: ten years of hours. */
export const MAX_DURATION_MS = 87_600 * 60 * MINUTE;

function toMs(value: string | number, signed: boolean): number | null {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || (!signed && value < 0)) return null;
    return value * MINUTE;
  }
  const match = PATTERN.exec(value.trim());
  if (!match || (!match[2] && !match[3])) return null;
  if (match[1] && !signed) return null;
  const minutes = Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return (match[1] === '-' ? -minutes : minutes) * MINUTE;
}

const parsed = (signed: boolean) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const ms = toMs(value, signed);
    if (ms === null || Math.abs(ms) > MAX_DURATION_MS) {
      ctx.addIssue({
        code: 'custom',
        message: signed
          ? 'an offset is minutes, or text such as "-30m", "+2h", "1h30m"'
          : 'a duration is whole minutes, or text such as "30m", "4h", "1h30m"',
      });
      return z.NEVER;
    }
    return ms;
  });

/**
 * A span of business time: whole minutes, or text such as `'30m'`,
 * `'4h'` or `'1h30m'` (hours are working hours; there is no day unit,
 * since a working day has no fixed length). Parses to milliseconds.
 */
export const durationSchema = parsed(false);

/** A signed span of business time (`'-30m'`, `'+2h'`), in milliseconds. */
export const offsetSchema = parsed(true);

/** What a duration may be written as in a policy. */
export type DurationInput = z.input<typeof durationSchema>;

/**
 * Writes milliseconds back as `1h30m`, rounding down to the minute.
 *
 * @example
 * formatDuration(5_400_000); // '1h30m'
 */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${sign}${m}m`;
  return `${sign}${h}h${m ? `${m}m` : ''}`;
}
