import { slaExplanationSchema, TicketryError } from '@ticketry/core';
import { requireAgent } from './auth.js';
import { etagOf, json, notFound } from './respond.js';
import type { Route, RouteContext } from './route.js';

async function getSla(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const id = ctx.params.id!;
  const ticket = await ctx.desk.get(id);
  if (!ticket) throw notFound(id);
  const explanation = await ctx.desk.explain(ticket);
  if (!explanation) {
    throw new TicketryError('NOT_FOUND', `ticket ${id} runs under no SLA`, {
      details: { ticketId: id },
    });
  }
  return json(explanation, 200, { etag: etagOf(ticket.version) });
}

/** `GET /tickets/:id/sla`: deadlines and remaining business time. */
export const slaRoutes: Route[] = [
  {
    method: 'GET',
    path: '/tickets/:id/sla',
    operationId: 'getTicketSla',
    summary:
      "A ticket's SLA deadlines, business time elapsed and remaining, and the timeline behind each deadline (agents only).",
    access: 'agent',
    responses: {
      200: {
        description: 'The SLA explanation at the time of the request',
        schema: slaExplanationSchema,
        headers: ['ETag'],
      },
    },
    handle: getSla,
  },
];
