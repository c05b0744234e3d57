import { z } from 'zod';
import { validationError } from '../errors.js';
import { CHANNELS } from '../public/vocabulary.js';
import { idSchema, labelSchema, prioritySchema } from '../schemas/common.js';
import { canonicalZone } from '../sla/zone.js';

/** The longest period a report covers: ten years of day buckets. */
export const MAX_PERIOD_MS = 3660 * 86_400_000;

/** An ISO-8601 instant; an offset such as `+01:00` is allowed. */
const boundSchema = z.iso.datetime({ offset: true });

/** An IANA time-zone name that Intl knows, e.g. `Europe/Berlin`. */
export const zoneNameSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((name) => canonicalZone(name) !== null, 'unknown time zone');

/**
 * What a metrics report covers: a period `[from, to)` and filters on the
 * tickets' latest team, category, priority and channel. Day and week
 * buckets follow the wall clock of `zone`.
 */
export const metricsQuerySchema = z
  .strictObject({
    /** Start of the period, inclusive. @default the first event's day */
    from: boundSchema.optional(),
    /** End of the period, exclusive. @default the end of the last event's day */
    to: boundSchema.optional(),
    teamId: idSchema.optional(),
    category: labelSchema.optional(),
    priority: prioritySchema.optional(),
    channel: z.enum(CHANNELS).optional(),
    /** @default the zone the metrics were created with */
    zone: zoneNameSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from === undefined || q.to === undefined) return;
    const span = Date.parse(q.to) - Date.parse(q.from);
    if (span <= 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'to must be after from',
        path: ['to'],
      });
    } else if (span > MAX_PERIOD_MS) {
      ctx.addIssue({
        code: 'custom',
        message: 'a period spans at most 3660 days',
        path: ['to'],
      });
    }
  });

/** A metrics query as callers write it. */
export type MetricsQuery = z.input<typeof metricsQuerySchema>;

/**
 * Validates a metrics query; throws `VALIDATION_FAILED` with zod's
 * issues when it is not usable.
 */
export function parseMetricsQuery(input: unknown) {
  const parsed = metricsQuerySchema.safeParse(input ?? {});
  if (!parsed.success)
    throw validationError('metrics query', parsed.error.issues);
  return parsed.data;
}
