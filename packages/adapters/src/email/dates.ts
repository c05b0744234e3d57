/** How notifications show an instant; see {@link createDateFormat}. */
export type DateFormat = (iso: string) => string;

/**
 * A formatter for instants in notifications, for people rather than
 * parsers: `Fri, 11 Dec 2026, 22:11 UTC` by default (locale `en-GB`,
 * time zone `UTC`). Throws a TypeError naming the option for a locale
 * or time zone that `Intl` does not know.
 *
 * @example
 * createDateFormat({ timeZone: 'Europe/Berlin' })('2026-12-11T22:11:46.885Z');
 * // 'Fri, 11 Dec 2026, 23:11 CET'
 */
export function createDateFormat(
  options: { locale?: string; timeZone?: string } = {},
): DateFormat {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: options.timeZone ?? 'UTC',
      timeZoneName: 'short',
    });
  } catch (cause) {
    throw new TypeError(
      'createMailNotifier: `locale` and `timeZone` must be ones Intl knows, e.g. "en-GB" and "Europe/Berlin"',
      { cause },
    );
  }
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}
