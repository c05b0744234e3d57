/** The queries and answers of the prediction routes (predict-routes.ts). */
import { z } from 'zod';

/** `GET /forecast` query: days ahead (1–28) and the split. */
export const forecastParamsSchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(28).default(7),
  by: z.enum(['all', 'category', 'team', 'text']).default('all'),
});

/** `GET /risk/queue` query: how many tickets. */
export const queueParamsSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** One forecast day or week with its 80% interval. */
export const pointSchema = z.object({
  date: z.string(),
  expected: z.number(),
  low: z.number(),
  high: z.number(),
});

/** What `GET /forecast` answers. */
export const forecastSchema = z.object({
  zone: z.string(),
  by: z.string(),
  from: z.string(),
  /** The instant the forecast is made as of. */
  asOf: z.string(),
  /** `now`, or `history`: as of the end of an old stored history. */
  basis: z.enum(['now', 'history']),
  series: z.array(
    z.object({
      key: z.string(),
      days: z.array(pointSchema),
      week: pointSchema.nullable(),
      errors: z.number().int(),
    }),
  ),
});

/** What `GET /tickets/:id/risk` answers (open tickets only). */
export const riskSchema = z.object({
  ticketId: z.string(),
  /** 0 … 1; exactly 1 once an SLA target has been breached. */
  risk: z.number(),
  /** True when an SLA target (resolution or first response) was already breached. */
  breached: z.boolean(),
  priority: z.string().nullable(),
  teamId: z.string().nullable(),
  ageHours: z.number(),
  /** The instant the ticket was scored as of. */
  asOf: z.string(),
});

/** A queue entry: the risk, and the ticket's reference and subject. */
export const queueEntrySchema = riskSchema.extend({
  /** The ticket's reference (`T-1042`); null if it is gone from the store. */
  ref: z.string().nullable(),
  subject: z.string().nullable(),
});

/** An open possible-incident alert, instants as ISO 8601 strings. */
export const alertSchema = z.object({
  id: z.string(),
  by: z.string(),
  key: z.string(),
  /** When the scan crossed its threshold (the end of that hour), ISO 8601. */
  at: z.string(),
  /** The first hour of the run that crossed, ISO 8601. */
  since: z.string(),
  observed: z.number(),
  expected: z.number(),
  ticketIds: z.array(z.string()),
});

/** What accepting an alert answers. */
export const parentSchema = z.object({
  parentId: z.string(),
  children: z.array(z.string()),
});
