import { TicketryError, validationError } from '../errors.js';
import type { Agent } from '../schemas/people.js';
import { type AgentRouting, agentRoutingSchema } from '../schemas/routing.js';
import type { TicketStore } from '../store/types.js';

/** Where agent attributes are read and written. */
export interface AgentDirectory {
  store: TicketStore;
  siteId: string;
}

async function agentOf(dir: AgentDirectory, agentId: string): Promise<Agent> {
  const agent = await dir.store.getAgent(dir.siteId, agentId);
  if (!agent) {
    throw new TicketryError('NOT_FOUND', `no agent ${agentId}`, {
      details: { agentId },
    });
  }
  return agent;
}

/** An agent's routing attributes; `{}` when none were set. */
export async function getAgentRouting(
  dir: AgentDirectory,
  agentId: string,
): Promise<AgentRouting> {
  return (await agentOf(dir, agentId)).routing ?? {};
}

/**
 * Replaces an agent's routing attributes (skills, capacity, presence,
 * working hours and zone, out of office) after validating them.
 *
 * @example
 * await setAgentRouting(desk.core, 'ada', {
 *   skills: ['network'],
 *   capacity: 5,
 *   timeZone: 'Europe/Berlin',
 *   workingHours: { mon: [['09:00', '17:00']] },
 * });
 */
export async function setAgentRouting(
  dir: AgentDirectory,
  agentId: string,
  input: unknown,
): Promise<Agent> {
  const parsed = agentRoutingSchema.safeParse(input);
  if (!parsed.success) {
    throw validationError('routing attributes', parsed.error.issues);
  }
  const agent = { ...(await agentOf(dir, agentId)), routing: parsed.data };
  await dir.store.putAgent(agent);
  return agent;
}
