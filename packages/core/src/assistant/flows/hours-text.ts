/**
 * Opening hours in words, from a business calendar: whether the desk
 * is open now, until when or from when, and the weekly hours.
 */
import type { BusinessCalendar } from '../../sla/business-calendar.js';
import { WEEKDAYS } from '../../sla/calendar-schema.js';

const DAY_MS = 86_400_000;
const NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** `2024-03-04T09:00` → `Monday 09:00`. */
function spoken(wall: string): string {
  const day = new Date(`${wall.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return `${NAMES[day]} ${wall.slice(0, 10)} at ${wall.slice(11, 16)}`;
}

/** The weekly hours, one day a line: `Mon 09:00–12:00, 13:00–17:00`. */
export function weeklyHours(calendar: BusinessCalendar): string {
  const hours = calendar.definition.hours;
  if (hours === '24/7') return 'Every day, around the clock.';
  return WEEKDAYS.map((d) => {
    const segments = hours[d] ?? [];
    const label = d.charAt(0).toUpperCase() + d.slice(1);
    return segments.length
      ? `${label} ${segments.map(([s, e]) => `${s}–${e}`).join(', ')}`
      : `${label} closed`;
  }).join('\n');
}

/** Whether the desk is open at `now`, and its next change, in words. */
export function openNow(calendar: BusinessCalendar, now: number): string {
  const zone = calendar.timeZone;
  if (calendar.alwaysOpen) return 'We are open around the clock.';
  const [next] = calendar.workingIntervals(now, now + 21 * DAY_MS, 1);
  if (!next) return `We are closed for the next three weeks (${zone}).`;
  if (calendar.isWorking(now)) {
    return `We are open now, until ${spoken(calendar.wallTime(next[1]))} (${zone} time).`;
  }
  return `We are closed now. We open again on ${spoken(calendar.wallTime(next[0]))} (${zone} time).`;
}

/** Holidays in the next two weeks, in words, or null for none. */
export function comingHolidays(
  calendar: BusinessCalendar,
  now: number,
): string | null {
  const days = calendar.holidaysBetween(now, now + 14 * DAY_MS);
  if (days.length === 0) return null;
  return `Closed on ${days.map((h) => `${h.date} (${h.name})`).join(', ')}.`;
}
