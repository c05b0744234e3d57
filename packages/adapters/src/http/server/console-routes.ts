import {
  COMMAND_TYPES,
  lookupTransition,
  type MachineState,
  PENDING_REASONS,
  type Role,
  type Ticket,
} from '@ticketry/core';
import { z } from 'zod';
import { requireAgent } from './auth.js';
import { changeStreamRoute } from './change-stream.js';
import { json, notFound } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** One command the caller may send now, and the status it leads to. */
export const allowedCommandSchema = z.object({
  type: z.string(),
  to: z
    .string()
    .describe('The machine state after it: a status or pending.reason'),
  reasons: z
    .array(z.string())
    .optional()
    .describe('For pend: the reasons the caller may give'),
});

/** `GET /tickets/:id/commands`: what the caller's role may do now. */
export const allowedCommandsSchema = z.object({
  ticketId: z.string(),
  version: z.number(),
  state: z.string(),
  role: z.string(),
  commands: z.array(allowedCommandSchema),
});

/** `POST /tickets/:id/presence`: the other agents on the ticket now. */
export const presenceSchema = z.object({
  ticketId: z.string(),
  viewers: z.array(
    z.object({ agentId: z.string(), name: z.string(), since: z.string() }),
  ),
});

/** How long a heartbeat keeps an agent shown on a ticket. */
export const PRESENCE_TTL_MS = 30_000;

const stateOf = (ticket: Ticket): MachineState =>
  (ticket.status === 'pending'
    ? `pending.${ticket.pendingReason ?? 'requester'}`
    : ticket.status) as MachineState;

/**
 * The commands the lifecycle machine lets `role` send on `ticket`, read
 * from the derived transition table (never a list kept by hand).
 * `submit` is left out: it creates tickets.
 */
export function allowedCommands(ticket: Ticket, role: Role) {
  const state = stateOf(ticket);
  const commands: z.infer<typeof allowedCommandSchema>[] = [];
  for (const type of COMMAND_TYPES) {
    if (type === 'submit') continue;
    if (type === 'pend') {
      const reasons = PENDING_REASONS.filter(
        (r) => lookupTransition(state, type, role, r).ok,
      );
      if (reasons.length) commands.push({ type, to: 'pending', reasons });
      continue;
    }
    const outcome = lookupTransition(state, type, role);
    if (outcome.ok) commands.push({ type, to: outcome.to });
  }
  return { state, commands };
}

async function getCommands(ctx: RouteContext): Promise<Response> {
  const caller = await requireAgent(ctx.desk, ctx.request);
  const id = ctx.params.id!;
  const ticket = await ctx.desk.get(id);
  if (!ticket) throw notFound(id);
  const role = caller.actor.role;
  const { state, commands } = allowedCommands(ticket, role);
  return json({ ticketId: id, version: ticket.version, state, role, commands });
}

interface Seen {
  name: string;
  since: string;
  lastMs: number;
}

/** Ticket id → agent id → when that agent last said it was there. */
const presence = new WeakMap<object, Map<string, Map<string, Seen>>>();

function viewersOf(desk: object, ticketId: string, nowMs: number) {
  let byTicket = presence.get(desk);
  if (!byTicket) {
    byTicket = new Map();
    presence.set(desk, byTicket);
  }
  // Forget stale heartbeats on every call, so the map stays small.
  for (const [id, agents] of byTicket) {
    for (const [agentId, seen] of agents) {
      if (nowMs - seen.lastMs > PRESENCE_TTL_MS) agents.delete(agentId);
    }
    if (!agents.size) byTicket.delete(id);
  }
  let agents = byTicket.get(ticketId);
  if (!agents) {
    agents = new Map();
    byTicket.set(ticketId, agents);
  }
  return agents;
}

async function heartbeat(ctx: RouteContext): Promise<Response> {
  const caller = await requireAgent(ctx.desk, ctx.request);
  const id = ctx.params.id!;
  if (!(await ctx.desk.get(id))) throw notFound(id);
  const nowMs = Date.now();
  const agents = viewersOf(ctx.desk, id, nowMs);
  const { agent } = caller;
  const since = agents.get(agent.id)?.since ?? new Date(nowMs).toISOString();
  agents.set(agent.id, { name: agent.name, since, lastMs: nowMs });
  const viewers = [...agents]
    .filter(([agentId]) => agentId !== agent.id)
    .map(([agentId, seen]) => ({
      agentId,
      name: seen.name,
      since: seen.since,
    }));
  return json({ ticketId: id, viewers }, 200, { 'cache-control': 'no-store' });
}

/** What the agents' console needs beyond the ticket routes. */
export const consoleRoutes: Route[] = [
  changeStreamRoute,
  {
    method: 'GET',
    path: '/tickets/:id/commands',
    operationId: 'listAllowedCommands',
    summary:
      "The commands the caller's role may send on the ticket in its current state, from the lifecycle machine's transition table (agents only). The desk may still refuse one for reasons the table cannot see (a reopen window, open child tickets).",
    access: 'agent',
    responses: {
      200: {
        description: 'The allowed commands',
        schema: allowedCommandsSchema,
      },
    },
    handle: getCommands,
  },
  {
    method: 'POST',
    path: '/tickets/:id/presence',
    operationId: 'ticketPresence',
    summary: `Says the calling agent is working on the ticket (send about every ${PRESENCE_TTL_MS / 3000} s); answers the other agents seen on it in the last ${PRESENCE_TTL_MS / 1000} s. Kept in this process's memory only.`,
    access: 'agent',
    responses: {
      200: { description: 'The other agents on it', schema: presenceSchema },
    },
    handle: heartbeat,
  },
];
