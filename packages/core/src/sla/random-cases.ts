import fc from 'fast-check';
import { type CalendarInput, WEEKDAYS } from './calendar-schema.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Zones the random cases use: two with DST each way, and UTC. */
export const CASE_ZONES = ['Europe/Berlin', 'America/New_York', 'UTC'] as const;

/** Clock changes of 2024–2025 in the zones above, UTC instants. */
export const DST_CHANGES = [
  '2024-03-10T07:00:00Z',
  '2024-03-31T01:00:00Z',
  '2024-10-27T01:00:00Z',
  '2024-11-03T06:00:00Z',
  '2025-03-09T07:00:00Z',
  '2025-03-30T01:00:00Z',
  '2025-10-26T01:00:00Z',
  '2025-11-02T06:00:00Z',
].map(Date.parse);

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** One to three segments in a day, in 30-minute steps, some at 02:xx. */
const daySegments = fc
  .uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 2, maxLength: 6 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const segments: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      segments.push([hhmm(sorted[i]! * 30), hhmm(sorted[i + 1]! * 30)]);
    }
    return segments;
  });

/**
 * A random calendar: 24/7 or random segments on random weekdays, and up
 * to 40 holidays (runs included) around the DST changes of 2024–2025.
 */
export const randomCalendar = (): fc.Arbitrary<CalendarInput> =>
  fc
    .record({
      zone: fc.constantFrom(...CASE_ZONES),
      allDay: fc.boolean(),
      week: fc.tuple(
        ...WEEKDAYS.map(() => fc.option(daySegments, { freq: 3 })),
      ),
      holidays: fc.array(
        fc.record({
          start: fc.integer({ min: 0, max: 2 * 365 }),
          length: fc.integer({ min: 1, max: 12 }),
        }),
        { maxLength: 4 },
      ),
    })
    .filter((c) => c.allDay || c.week.some((d) => d && d.length > 0))
    .map((c) => {
      const base = Date.parse('2024-01-01T00:00:00Z') / DAY;
      const dates = new Set<string>();
      for (const h of c.holidays) {
        for (let d = 0; d < h.length; d++) {
          dates.add(
            new Date((base + h.start + d) * DAY).toISOString().slice(0, 10),
          );
        }
      }
      const hours = Object.fromEntries(
        WEEKDAYS.flatMap((d, i) => (c.week[i] ? [[d, c.week[i]]] : [])),
      );
      return {
        id: 'random',
        timeZone: c.zone,
        hours: c.allDay ? '24/7' : hours,
        holidays: [...dates].map((date) => ({ date })),
      } as CalendarInput;
    });

/**
 * A span of whole minutes up to two weeks long; half of them start
 * within a week of a clock change, so DST weeks are well covered.
 */
export const randomSpan = () =>
  fc
    .record({
      nearDst: fc.boolean(),
      change: fc.constantFrom(...DST_CHANGES),
      offset: fc.integer({ min: -7 * 24 * 60, max: 7 * 24 * 60 }),
      anywhere: fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }),
      length: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    })
    .map((s) => {
      const from = s.nearDst
        ? s.change + s.offset * MINUTE
        : Date.parse('2024-01-01T00:00:00Z') + s.anywhere * MINUTE;
      return { from, to: from + s.length * MINUTE, nearDst: s.nearDst };
    });
