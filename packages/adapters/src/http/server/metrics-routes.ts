import {
  CHANNELS,
  type Desk,
  type FollowedMetrics,
  followDesk,
  idSchema,
  labelSchema,
  METRICS_SECTIONS,
  type MetricsQuery,
  type MetricsReport,
  metricsQuerySchema,
  PRIORITIES,
  toCsv,
} from '@ticketry/core';
import { z } from 'zod';
import { requireAgent } from './auth.js';
import { parseWith } from './body.js';
import { queryOf } from './query.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** What the metrics routes need: anything with `report(query)`. */
export interface MetricsService {
  report(query?: MetricsQuery): MetricsReport | Promise<MetricsReport>;
}

const filters = {
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  team: idSchema.optional(),
  category: labelSchema.optional(),
  priority: z.enum(PRIORITIES).optional(),
  channel: z.enum(CHANNELS).optional(),
  zone: z.string().min(1).max(64).optional(),
};

/** `GET /metrics` query: period, filters and the zone of day buckets. */
export const metricsParamsSchema = z.strictObject(filters);

/** `GET /metrics.csv` query: the same, and the section to export. */
export const metricsCsvParamsSchema = z.strictObject({
  ...filters,
  section: z.enum(METRICS_SECTIONS),
});

type Params = z.output<typeof metricsParamsSchema>;

function toQuery({ team, ...rest }: Params): MetricsQuery {
  const query = { ...rest, ...(team !== undefined && { teamId: team }) };
  return parseWith(metricsQuerySchema, query, 'query');
}

const single = (url: URL) => queryOf(url);

/** Metrics folded from the desk's own log, kept per desk and caught up per request. */
const folded = new WeakMap<Desk, Promise<FollowedMetrics>>();

async function reportFor(ctx: RouteContext, query: MetricsQuery) {
  const service = ctx.services.metrics;
  if (service) return service.report(query);
  let followed = folded.get(ctx.desk);
  if (!followed) {
    followed = followDesk(ctx.desk);
    folded.set(ctx.desk, followed);
    followed.catch(() => folded.delete(ctx.desk));
  }
  const metrics = await followed;
  // Another process may have written to the store: read on first.
  await metrics.catchUp();
  return metrics.metrics.report(query);
}

/**
 * Agents see the desk's figures; only supervisors see other agents'
 * workload, an agent sees their own row.
 */
type Caller = Awaited<ReturnType<typeof requireAgent>>;

/** The report as the caller may see it: others' workload for supervisors. */
async function authorised(
  caller: Caller,
  report: () => Promise<MetricsReport>,
) {
  const answer = await report();
  if (caller.agent.role === 'supervisor') return answer;
  const own = answer.workload.agents.filter((a) => a.id === caller.agent.id);
  return { ...answer, workload: { ...answer.workload, agents: own } };
}

async function getMetrics(ctx: RouteContext): Promise<Response> {
  // The caller first: a stranger learns nothing, not even query errors.
  const caller = await requireAgent(ctx.desk, ctx.request);
  const params = parseWith(metricsParamsSchema, single(ctx.url), 'query');
  const report = await authorised(caller, () =>
    reportFor(ctx, toQuery(params)),
  );
  return json(report);
}

async function getMetricsCsv(ctx: RouteContext): Promise<Response> {
  const caller = await requireAgent(ctx.desk, ctx.request);
  const { section, ...params } = parseWith(
    metricsCsvParamsSchema,
    single(ctx.url),
    'query',
  );
  const report = await authorised(caller, () =>
    reportFor(ctx, toQuery(params)),
  );
  const day = (iso: string) => iso.slice(0, 10);
  const name = `metrics-${section}-${day(report.period.from)}-${day(report.period.to)}.csv`;
  return new Response(toCsv(report, section), {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

/** `GET /metrics` (JSON) and `GET /metrics.csv` (one section as CSV). */
export const metricsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/metrics',
    operationId: 'getMetrics',
    summary:
      "Desk metrics folded from the audit log: volume, backlog, response and resolution times, SLA attainment, reopens, reassignments, satisfaction and workload (agents; other agents' workload for supervisors only).",
    access: 'agent',
    query: metricsParamsSchema,
    responses: {
      200: {
        description: 'The metrics report (see @ticketry/core MetricsReport)',
      },
    },
    handle: getMetrics,
  },
  {
    method: 'GET',
    path: '/metrics.csv',
    operationId: 'getMetricsCsv',
    summary:
      'One section of the metrics report as a CSV attachment (RFC 4180, formula cells defused).',
    access: 'agent',
    query: metricsCsvParamsSchema,
    responses: {
      200: {
        description: 'The section as CSV',
        mediaType: 'text/csv',
        headers: ['Content-Disposition'],
      },
    },
    handle: getMetricsCsv,
  },
];
