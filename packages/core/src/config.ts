import { z } from 'zod';
import { validationError } from './errors.js';
import {
  type Agent,
  type AgentInput,
  agentInputSchema,
  type Team,
  type TeamInput,
  teamInputSchema,
} from './schemas/people.js';

/**
 * Teams and agents a desk starts with, as a configuration file holds
 * them. Teams come first so agents can name them.
 */
export const deskConfigSchema = z.object({
  teams: z.array(teamInputSchema.extend({ id: z.string().min(1) })).default([]),
  agents: z
    .array(agentInputSchema.extend({ id: z.string().min(1) }))
    .default([]),
});

export type DeskConfig = z.input<typeof deskConfigSchema>;

/** The part of a desk that configuration needs. */
export interface ConfigurableDesk {
  createTeam(input: TeamInput): Promise<Team>;
  createAgent(input: AgentInput): Promise<Agent>;
}

/**
 * Creates or updates the teams and agents of a configuration. Ids are
 * required so that applying the same file again updates, never
 * duplicates: run it on every start.
 *
 * @example
 * await configureDesk(desk, {
 *   teams: [{ id: 'network', name: 'Network' }],
 *   agents: [{ id: 'nia', name: 'Nia', role: 'agent', teamIds: ['network'] }],
 * });
 */
export async function configureDesk(
  desk: ConfigurableDesk,
  config: unknown,
): Promise<{ teams: Team[]; agents: Agent[] }> {
  const parsed = deskConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw validationError('desk configuration', parsed.error.issues);
  }
  const teams: Team[] = [];
  for (const team of parsed.data.teams) teams.push(await desk.createTeam(team));
  const agents: Agent[] = [];
  for (const agent of parsed.data.agents) {
    agents.push(await desk.createAgent(agent));
  }
  return { teams, agents };
}
