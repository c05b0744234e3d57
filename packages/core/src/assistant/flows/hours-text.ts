/**
 * Opening hours in words, from a business calendar, in the requester's
 * language: whether the desk is open now, until when or from when (a
 * date and time formatted for the locale in the desk's time zone), the
 * weekly hours and the holidays of the next two weeks. Every time is
 * written one way per locale, the locale's own (`5:00 PM` in English,
 * `17:00` in German), in the sentence and in the weekly list alike.
 */
import type { BusinessCalendar } from '../../sla/business-calendar.js';
import { WEEKDAYS } from '../../sla/calendar-schema.js';
import { type AssistantLocale, assistantText } from '../i18n/index.js';

const DAY_MS = 86_400_000;
/** A Monday at noon UTC: the reference week for weekday names. */
const MONDAY = Date.UTC(2024, 0, 1, 12);

/** How every time of day is written: the locale's own hour cycle. */
const TIME = { hour: 'numeric', minute: '2-digit' } as const;

/** An instant as the locale writes it, in the desk's time zone. */
function spoken(locale: AssistantLocale, zone: string, at: number): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...TIME,
  }).format(at);
}

/**
 * An `HH:MM` wall time as the locale writes it, with the same options
 * as {@link spoken}; `24:00` (the end of a day) stays `24:00` where the
 * locale counts hours to 23, and is midnight where it uses AM and PM.
 */
export function wallTime(locale: AssistantLocale, time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const at = Date.UTC(2024, 0, 1, h % 24, m);
  const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...TIME });
  const cycle = format.resolvedOptions().hourCycle;
  if (h < 24 || cycle === 'h11' || cycle === 'h12') return format.format(at);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    ...TIME,
    hourCycle: 'h24',
  }).format(at);
}

/** The weekly hours, one day a line: `Mon 9:00 AM–12:00 PM, 1:00 PM–5:00 PM`. */
export function weeklyHours(
  calendar: BusinessCalendar,
  locale: AssistantLocale = 'en',
): string {
  const hours = calendar.definition.hours;
  if (hours === '24/7') return assistantText(locale, 'everyDay');
  const dayName = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    timeZone: 'UTC',
  });
  return WEEKDAYS.map((d, i) => {
    const segments = hours[d] ?? [];
    const label = dayName.format(MONDAY + i * DAY_MS);
    return segments.length
      ? `${label} ${segments.map(([s, e]) => `${wallTime(locale, s)}–${wallTime(locale, e)}`).join(', ')}`
      : `${label} ${assistantText(locale, 'closedDay')}`;
  }).join('\n');
}

/** Whether the desk is open at `now`, and its next change, in words. */
export function openNow(
  calendar: BusinessCalendar,
  now: number,
  locale: AssistantLocale = 'en',
): string {
  const zone = calendar.timeZone;
  if (calendar.alwaysOpen) return assistantText(locale, 'alwaysOpen');
  const [next] = calendar.workingIntervals(now, now + 21 * DAY_MS, 1);
  if (!next) return assistantText(locale, 'closedWeeks', { zone });
  if (calendar.isWorking(now)) {
    const until = spoken(locale, zone, next[1]);
    return assistantText(locale, 'openUntil', { until, zone });
  }
  const from = spoken(locale, zone, next[0]);
  return assistantText(locale, 'closedUntil', { from, zone });
}

/** Holidays in the next two weeks, in words, or null for none. */
export function comingHolidays(
  calendar: BusinessCalendar,
  now: number,
  locale: AssistantLocale = 'en',
): string | null {
  const days = calendar.holidaysBetween(now, now + 14 * DAY_MS);
  if (days.length === 0) return null;
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  const list = days
    .map((h) => `${date.format(Date.parse(`${h.date}T12:00:00Z`))} (${h.name})`)
    .join(', ');
  return assistantText(locale, 'closedOn', { days: list });
}
