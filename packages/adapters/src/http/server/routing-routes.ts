import {
  agentRoutingSchema,
  getAgentRouting,
  type RoutingService,
  routingExplanationSchema,
  setAgentRouting,
  TicketryError,
  ticketSchema,
} from '@ticketry/core';
import { z } from 'zod';
import { requireAgent, requireSupervisor } from './auth.js';
import { parseWith, readJson } from './body.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** A routing decision as the API answers it. */
const decisionSchema = z.object({
  queued: z.boolean(),
  agentId: z.string().nullable(),
  teamId: z.string().nullable(),
  reason: z.string(),
  explanation: routingExplanationSchema,
  ticket: ticketSchema,
});

const routingAnswerSchema = z.object({
  agentId: z.string(),
  routing: agentRoutingSchema,
});

function serviceOf(ctx: RouteContext): RoutingService {
  const routing = ctx.services.routing;
  if (!routing) {
    throw new TicketryError('NOT_FOUND', 'routing is not configured here');
  }
  return routing;
}

async function routeNow(ctx: RouteContext): Promise<Response> {
  const caller = await requireAgent(ctx.desk, ctx.request);
  const outcome = await serviceOf(ctx).route(ctx.params.id!, caller.actor);
  const d = outcome.decision;
  return json({
    queued: d.queued === true,
    agentId: d.queued ? null : d.agentId,
    teamId: d.explanation.teamId,
    reason: d.reason,
    explanation: d.explanation,
    ticket: outcome.ticket,
  });
}

async function acceptAssignment(ctx: RouteContext): Promise<Response> {
  const caller = await requireAgent(ctx.desk, ctx.request);
  const { ticket } = await serviceOf(ctx).accept(
    ctx.params.id!,
    caller.agent.id,
  );
  return json({ ticket });
}

async function getRouting(ctx: RouteContext): Promise<Response> {
  await requireSupervisor(ctx.desk, ctx.request);
  const agentId = ctx.params.id!;
  const routing = await getAgentRouting(ctx.desk.core, agentId);
  return json({ agentId, routing });
}

async function putRouting(ctx: RouteContext): Promise<Response> {
  await requireSupervisor(ctx.desk, ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const input = parseWith(agentRoutingSchema, raw, 'routing attributes');
  const agentId = ctx.params.id!;
  const agent = await setAgentRouting(ctx.desk.core, agentId, input);
  return json({ agentId, routing: agent.routing ?? {} });
}

const routingOff = 'No such ticket, or routing is not configured';

/** Routing on demand, accepting an assignment, agents' routing attributes. */
export const routingRoutes: Route[] = [
  {
    method: 'POST',
    path: '/tickets/:id/route',
    operationId: 'routeTicket',
    summary:
      'Routes a queued ticket now with the desk router and answers the decision: the agent chosen, or why it stays queued (agents only).',
    access: 'agent',
    responses: {
      200: {
        description: 'The decision and the ticket after it',
        schema: decisionSchema,
      },
    },
    errors: [409],
    notFound: routingOff,
    handle: routeNow,
  },
  {
    method: 'POST',
    path: '/tickets/:id/route/accept',
    operationId: 'acceptRoutedTicket',
    summary:
      'The assignee accepts a routed ticket, so it no longer returns to the queue when the accept timeout passes.',
    access: 'agent',
    responses: {
      200: {
        description: 'The ticket after the acceptance',
        schema: z.object({ ticket: ticketSchema }),
      },
    },
    errors: [409],
    notFound: routingOff,
    handle: acceptAssignment,
  },
  {
    method: 'GET',
    path: '/agents/:id/routing',
    operationId: 'getAgentRouting',
    summary:
      "An agent's routing attributes: skills, capacity, presence, working hours, out of office.",
    access: 'supervisor',
    responses: {
      200: {
        description: 'The attributes; `{}` when none are set',
        schema: routingAnswerSchema,
      },
    },
    notFound: 'No such agent',
    handle: getRouting,
  },
  {
    method: 'PUT',
    path: '/agents/:id/routing',
    operationId: 'setAgentRouting',
    summary: "Replaces an agent's routing attributes.",
    access: 'supervisor',
    body: agentRoutingSchema,
    responses: {
      200: {
        description: 'The attributes as stored',
        schema: routingAnswerSchema,
      },
    },
    notFound: 'No such agent',
    handle: putRouting,
  },
];
