import {
  agentInputSchema,
  shown,
  TicketryError,
  teamInputSchema,
} from '@ticketry/core';
import { requireSupervisor } from './auth.js';
import { parseWith, readJson } from './body.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';
import {
  agentCreatedSchema,
  agentListSchema,
  teamCreatedSchema,
  teamListSchema,
} from './schemas.js';

/** A create naming an id in use: 409, as for organizations. */
const taken = (what: string, id: string) =>
  new TicketryError('ALREADY_EXISTS', `${what} ${shown(id)} already exists`, {
    details: { path: ['id'], id },
  });

async function createAgent(ctx: RouteContext): Promise<Response> {
  const { desk, request } = ctx;
  await requireSupervisor(desk, request);
  const raw = await readJson(request, ctx.maxBodyBytes);
  const input = parseWith(agentInputSchema, raw, 'agent');
  // The API only creates; replacing an agent would hand out its identity.
  if (input.id && (await desk.getAgent(input.id)))
    throw taken('agent', input.id);
  const teamIds = new Set((await desk.listTeams()).map((t) => t.id));
  const unknown = input.teamIds.findIndex((id) => !teamIds.has(id));
  if (unknown >= 0) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      `team ${input.teamIds[unknown]} does not exist`,
      { details: { path: ['teamIds', unknown] } },
    );
  }

  const agent = await desk.createAgent(input);
  const apiKey = await desk.createApiKey(agent.id);
  return json({ agent, apiKey }, 201);
}

async function createTeam(ctx: RouteContext): Promise<Response> {
  const { desk, request } = ctx;
  await requireSupervisor(desk, request);
  const raw = await readJson(request, ctx.maxBodyBytes);
  const input = parseWith(teamInputSchema, raw, 'team');
  const teams = await desk.listTeams();
  if (input.id && teams.some((t) => t.id === input.id)) {
    throw taken('team', input.id);
  }
  return json({ team: await desk.createTeam(input) }, 201);
}

async function listAgents(ctx: RouteContext): Promise<Response> {
  await requireSupervisor(ctx.desk, ctx.request);
  return json({ items: await ctx.desk.listAgents() });
}

async function listTeams(ctx: RouteContext): Promise<Response> {
  await requireSupervisor(ctx.desk, ctx.request);
  return json({ items: await ctx.desk.listTeams() });
}

/** Agents and teams, managed by supervisors. */
export const peopleRoutes: Route[] = [
  {
    method: 'POST',
    path: '/agents',
    operationId: 'createAgent',
    summary:
      'Creates an agent and its API key; the key is shown only in this answer.',
    access: 'supervisor',
    body: agentInputSchema,
    errors: [409],
    responses: {
      201: {
        description: 'The agent and its API key',
        schema: agentCreatedSchema,
      },
    },
    handle: createAgent,
  },
  {
    method: 'GET',
    path: '/agents',
    operationId: 'listAgents',
    summary: 'Lists every agent of the desk.',
    access: 'supervisor',
    responses: { 200: { description: 'The agents', schema: agentListSchema } },
    handle: listAgents,
  },
  {
    method: 'POST',
    path: '/teams',
    operationId: 'createTeam',
    summary: 'Creates a team.',
    access: 'supervisor',
    body: teamInputSchema,
    errors: [409],
    responses: {
      201: { description: 'The team', schema: teamCreatedSchema },
    },
    handle: createTeam,
  },
  {
    method: 'GET',
    path: '/teams',
    operationId: 'listTeams',
    summary: 'Lists every team of the desk.',
    access: 'supervisor',
    responses: { 200: { description: 'The teams', schema: teamListSchema } },
    handle: listTeams,
  },
];
