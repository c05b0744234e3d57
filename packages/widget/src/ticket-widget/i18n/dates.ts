/** How much of a date to show: `medium` in lists, `full` for promises. */
export type DateStyle = 'medium' | 'full';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `timeZone` if `Intl` knows it (`Europe/Berlin`, `UTC`), else
 * `undefined`, which means the browser's own zone.
 */
export function validTimeZone(
  timeZone: string | null | undefined,
): string | undefined {
  const zone = timeZone?.trim();
  if (!zone) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions()
      .timeZone;
  } catch {
    return undefined;
  }
}

/**
 * A cached `Intl.DateTimeFormat` for a locale, a time zone (the
 * browser's when undefined) and a style.
 */
export function dateFormatter(
  locale: string | undefined,
  timeZone: string | undefined,
  style: DateStyle = 'medium',
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      dateStyle: style,
      timeStyle: 'short',
      ...(timeZone && { timeZone }),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}
