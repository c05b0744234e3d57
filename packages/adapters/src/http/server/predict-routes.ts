import {
  createParentForAlert,
  type Predictions,
  TicketryError,
} from '@ticketry/core';
import { z } from 'zod';
import { requireAgent } from './auth.js';
import { parseWith } from './body.js';
import { json, notFound } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** `GET /forecast` query: days ahead (1–28) and the split. */
export const forecastParamsSchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(28).default(7),
  by: z.enum(['all', 'category', 'team', 'text']).default('all'),
});

/** `GET /risk/queue` query: how many tickets. */
const queueParamsSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const pointSchema = z.object({
  date: z.string(),
  expected: z.number(),
  low: z.number(),
  high: z.number(),
});

const forecastSchema = z.object({
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

const riskSchema = z.object({
  ticketId: z.string(),
  risk: z.number(),
  priority: z.string().nullable(),
  teamId: z.string().nullable(),
  ageHours: z.number(),
  /** The instant the ticket was scored as of. */
  asOf: z.string(),
});

/** A queue entry: the risk, and the ticket's reference and subject. */
const queueEntrySchema = riskSchema.extend({
  /** The ticket's reference (`T-1042`); null if it is gone from the store. */
  ref: z.string().nullable(),
  subject: z.string().nullable(),
});

const alertSchema = z.object({
  id: z.string(),
  by: z.string(),
  key: z.string(),
  at: z.number(),
  since: z.number(),
  observed: z.number(),
  expected: z.number(),
  ticketIds: z.array(z.string()),
});

const single = (url: URL) => Object.fromEntries(url.searchParams);

function serviceOf(ctx: RouteContext): Predictions {
  const predictions = ctx.services.predictions;
  if (!predictions) {
    throw new TicketryError('NOT_FOUND', 'predictions are not configured here');
  }
  return predictions;
}

async function getForecast(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const q = parseWith(forecastParamsSchema, single(ctx.url), 'query');
  return json(serviceOf(ctx).forecast(q));
}

async function getRisk(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const id = ctx.params.id!;
  const risk = serviceOf(ctx).risk(id);
  if (!risk) {
    if (!(await ctx.desk.get(id))) throw notFound(id);
    throw new TicketryError('NOT_FOUND', 'no risk model is trained yet', {
      details: { ticketId: id },
    });
  }
  return json(risk);
}

async function getQueue(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const q = parseWith(queueParamsSchema, single(ctx.url), 'query');
  const risks = serviceOf(ctx).riskQueue(q.limit);
  const tickets = await Promise.all(
    risks.map(async (r) => {
      const ticket = await ctx.desk.get(r.ticketId);
      return {
        ...r,
        ref: ticket?.ref ?? null,
        subject: ticket?.subject ?? null,
      };
    }),
  );
  return json({ tickets });
}

async function getAlerts(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  return json({ alerts: serviceOf(ctx).alerts() });
}

async function createParent(ctx: RouteContext): Promise<Response> {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  const alert = serviceOf(ctx)
    .alerts()
    .find((a) => a.id === ctx.params.id);
  if (!alert) {
    throw new TicketryError('NOT_FOUND', 'no such alert', {
      details: { alertId: ctx.params.id },
    });
  }
  const { parent, children } = await createParentForAlert(ctx.desk, alert, {
    actor,
  });
  return json({ parentId: parent.id, children }, 201);
}

const off = 'Predictions are not configured, or no such ticket or alert';

/** Volume forecast, breach risk and possible-incident alerts (agents). */
export const predictRoutes: Route[] = [
  {
    method: 'GET',
    path: '/forecast',
    operationId: 'getForecast',
    summary:
      'Tickets expected per day and over the next week, overall or per category, team or similar text, with 80% prediction intervals (agents only). `asOf` and `basis` say when the forecast is made from: now, or the end of an old stored history on a desk set up that way.',
    access: 'agent',
    query: forecastParamsSchema,
    responses: { 200: { description: 'The forecast', schema: forecastSchema } },
    notFound: off,
    handle: getForecast,
  },
  {
    method: 'GET',
    path: '/tickets/:id/risk',
    operationId: 'getTicketRisk',
    summary:
      'The probability that an open ticket misses its SLA, from what is known now (agents only).',
    access: 'agent',
    responses: { 200: { description: 'The risk', schema: riskSchema } },
    notFound: off,
    handle: getRisk,
  },
  {
    method: 'GET',
    path: '/risk/queue',
    operationId: 'getRiskQueue',
    summary:
      'Open tickets, riskiest first, each with its reference and subject (agents only).',
    access: 'agent',
    query: queueParamsSchema,
    responses: {
      200: {
        description: 'Tickets by risk',
        schema: z.object({ tickets: z.array(queueEntrySchema) }),
      },
    },
    notFound: off,
    handle: getQueue,
  },
  {
    method: 'GET',
    path: '/alerts',
    operationId: 'listAlerts',
    summary:
      'Possible incidents: groups of tickets arriving faster than forecast, latest first (agents only).',
    access: 'agent',
    responses: {
      200: {
        description: 'The alerts',
        schema: z.object({ alerts: z.array(alertSchema) }),
      },
    },
    notFound: off,
    handle: getAlerts,
  },
  {
    method: 'POST',
    path: '/alerts/:id/parent',
    operationId: 'createAlertParent',
    summary:
      "Accepts an alert's offer: opens a parent incident and links the alert's tickets to it as children (agents only).",
    access: 'agent',
    responses: {
      201: {
        description: 'The parent and its children',
        schema: z.object({
          parentId: z.string(),
          children: z.array(z.string()),
        }),
      },
    },
    notFound: off,
    handle: createParent,
  },
];
