import {
  createParentForAlert,
  openAlerts,
  type Predictions,
  type SurgeAlert,
  type TicketRisk,
  TicketryError,
} from '@ticketry/core';
import { z } from 'zod';
import { requireAgent } from './auth.js';
import { parseWith } from './body.js';
import {
  alertSchema,
  forecastParamsSchema,
  forecastSchema,
  parentSchema,
  queueEntrySchema,
  queueParamsSchema,
  riskSchema,
} from './predict-schemas.js';
import { queryOf } from './query.js';
import { json, notFound } from './respond.js';
import type { Route, RouteContext } from './route.js';

const single = (url: URL) => queryOf(url);

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

/** A risk as the API answers it: only open tickets are scored. */
const riskAnswer = ({ open: _open, ...risk }: TicketRisk) => risk;

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
  if (!risk.open) {
    const ticket = await ctx.desk.get(id);
    throw new TicketryError(
      'TICKET_NOT_OPEN',
      `${ticket?.ref ?? 'the ticket'} is not open: breach risk is for open tickets`,
      { details: { ticketId: id, status: ticket?.status ?? null } },
    );
  }
  return json(riskAnswer(risk));
}

async function getQueue(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const q = parseWith(queueParamsSchema, single(ctx.url), 'query');
  const risks = serviceOf(ctx).riskQueue(q.limit);
  const tickets = await Promise.all(
    risks.map(async (r) => {
      const ticket = await ctx.desk.get(r.ticketId);
      return {
        ...riskAnswer(r),
        ref: ticket?.ref ?? null,
        subject: ticket?.subject ?? null,
      };
    }),
  );
  return json({ tickets });
}

/** An alert as the API answers it: instants as ISO 8601 strings. */
const alertAnswer = (a: SurgeAlert) => ({
  ...a,
  at: new Date(a.at).toISOString(),
  since: new Date(a.since).toISOString(),
});

async function getAlerts(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const open = await openAlerts(ctx.desk.core, serviceOf(ctx).alerts());
  return json({ alerts: open.map(alertAnswer) });
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
  const { parent, children, created } = await createParentForAlert(
    ctx.desk,
    alert,
    { actor },
  );
  return json({ parentId: parent.id, children }, created ? 201 : 200);
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
      'The probability that an open ticket misses its SLA, from what is known now; 1 with `breached: true` once a target was breached. A ticket that is not open (resolved, closed…) is refused with 409 `TICKET_NOT_OPEN` (agents only).',
    access: 'agent',
    responses: { 200: { description: 'The risk', schema: riskSchema } },
    errors: [409],
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
      'Open possible incidents: groups of tickets arriving faster than forecast, latest first, `at` and `since` as ISO 8601 instants; an accepted alert leaves the list (agents only).',
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
      "Accepts an alert's offer: opens a parent incident and links the alert's tickets to it as children, 201. Idempotent: asked again (or twice at once), it writes nothing and answers the first parent, 200 (agents only).",
    access: 'agent',
    responses: {
      201: { description: 'The parent and its children', schema: parentSchema },
      200: {
        description: 'Accepted before: the same parent and children',
        schema: parentSchema,
      },
    },
    notFound: off,
    handle: createParent,
  },
];
