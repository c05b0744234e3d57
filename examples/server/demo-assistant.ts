/**
 * The demo's support assistant (`POST /api/v1/assistant/messages`, and
 * the widget's assistant button): the default recognizer, a password
 * reset that links to a page of the demo itself, and opening hours from
 * an office calendar. Suggestions come from the knowledge base when the
 * demo serves one.
 */
import { createAssistantService } from '@ticketry/adapters/http/server';
import { DEMO_CATEGORIES } from './demo-classify.ts';

/** Office hours the opening-hours flow answers from. */
export const DEMO_HOURS = {
  id: 'office',
  name: 'Service desk hours',
  timeZone: 'Europe/Berlin',
  hours: {
    mon: [['08:00', '18:00']],
    tue: [['08:00', '18:00']],
    wed: [['08:00', '18:00']],
    thu: [['08:00', '18:00']],
    fri: [['08:00', '16:00']],
  },
  holidays: [
    { date: '2026-12-24', name: 'Christmas Eve' },
    { date: '2026-12-25', name: 'Christmas Day' },
  ],
} as const;

/** The assistant service of a demo served on `port`. */
export function demoAssistant(port: number) {
  return createAssistantService({
    passwordResetUrl: `http://127.0.0.1:${port}/password-reset.html`,
    calendar: {
      ...DEMO_HOURS,
      hours: Object.fromEntries(
        Object.entries(DEMO_HOURS.hours).map(([d, s]) => [
          d,
          s.map(([a, b]) => [a, b] as [string, string]),
        ]),
      ),
      holidays: [...DEMO_HOURS.holidays],
    },
    categories: [...DEMO_CATEGORIES],
  });
}
