import { z } from 'zod';
import { idSchema } from '../schemas/common.js';
import { canonicalZone } from './zone.js';

/** Weekday keys of working hours, Monday first. */
export const WEEKDAYS = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
] as const;

export type Weekday = (typeof WEEKDAYS)[number];

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes after midnight of an `HH:MM` wall time (`24:00` is 1440). */
export const minutesOf = (time: string): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const clockTime = z
  .string()
  .regex(TIME, 'a time is HH:MM, from 00:00 to 24:00');

/** One working stretch of a day, `['09:00', '12:30']`, end excluded. */
export const segmentSchema = z
  .tuple([clockTime, clockTime])
  .refine(([start, end]) => minutesOf(end) > minutesOf(start), {
    message: 'a segment must end after it starts',
  });

const daySchema = z
  .array(segmentSchema)
  .max(24)
  .refine(
    (segments) => {
      const sorted = [...segments].sort(
        (a, b) => minutesOf(a[0]) - minutesOf(b[0]),
      );
      return sorted.every(
        (s, i) => i === 0 || minutesOf(s[0]) >= minutesOf(sorted[i - 1]![1]),
      );
    },
    { message: 'the segments of a day must not overlap' },
  );

/**
 * Working hours per weekday; a day left out is not worked. Several
 * segments make breaks: `mon: [['09:00', '12:00'], ['13:00', '17:00']]`.
 */
export const weeklyHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, daySchema.optional()])) as Record<
    Weekday,
    z.ZodOptional<typeof daySchema>
  >,
);

/** A whole local day off, `2024-12-25`, with an optional name. */
export const holidaySchema = z.object({
  date: z.iso.date(),
  name: z.string().trim().min(1).max(200).optional(),
});

export type Holiday = z.infer<typeof holidaySchema>;

const zoneSchema = z.string().transform((name, ctx) => {
  const zone = canonicalZone(name);
  if (!zone) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown time zone "${name}"; use an IANA name such as Europe/Berlin`,
    });
    return z.NEVER;
  }
  return zone;
});

/**
 * A business calendar: an IANA time zone, weekly working hours (or
 * `'24/7'`) and holidays, each a whole local date.
 */
export const calendarSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().max(200).optional(),
    timeZone: zoneSchema,
    hours: z.union([z.literal('24/7'), weeklyHoursSchema]),
    holidays: z.array(holidaySchema).max(20_000).default([]),
  })
  .refine(
    (c) =>
      c.hours === '24/7' ||
      WEEKDAYS.some((d) => (c.hours as Record<string, unknown[]>)[d]?.length),
    { message: 'a calendar needs some working hours', path: ['hours'] },
  );

/** A calendar as written in configuration. */
export type CalendarInput = z.input<typeof calendarSchema>;
/** A calendar after validation. */
export type Calendar = z.output<typeof calendarSchema>;
