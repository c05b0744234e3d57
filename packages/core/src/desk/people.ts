import { TicketryError, validationError } from '../errors.js';
import { createId } from '../ids.js';
import {
  type Agent,
  type AgentInput,
  agentInputSchema,
  type Team,
  type TeamInput,
  teamInputSchema,
} from '../schemas/people.js';
import type { TicketStore } from '../store/types.js';

/** Creates or replaces a team from configuration or the API. */
export async function saveTeam(
  store: TicketStore,
  siteId: string,
  input: TeamInput,
): Promise<Team> {
  const parsed = teamInputSchema.safeParse(input);
  if (!parsed.success) throw validationError('team', parsed.error.issues);
  const team = { ...parsed.data, id: parsed.data.id ?? createId(), siteId };
  await store.putTeam(team);
  return team;
}

/** Creates or replaces an agent; every team it names must exist. */
export async function saveAgent(
  store: TicketStore,
  siteId: string,
  input: AgentInput,
): Promise<Agent> {
  const parsed = agentInputSchema.safeParse(input);
  if (!parsed.success) throw validationError('agent', parsed.error.issues);
  for (const teamId of parsed.data.teamIds) {
    if (!(await store.getTeam(siteId, teamId))) {
      throw new TicketryError('NOT_FOUND', `team ${teamId} does not exist`, {
        details: { path: ['teamIds'] },
      });
    }
  }
  const agent: Agent = {
    ...parsed.data,
    id: parsed.data.id ?? createId(),
    email: parsed.data.email ?? null,
    siteId,
  };
  await store.putAgent(agent);
  return agent;
}

/**
 * Checks that an agent may take a ticket of a team: the agent exists,
 * is active, holds an agent or supervisor role and is in the team.
 */
export async function checkAssignee(
  store: TicketStore,
  siteId: string,
  assigneeId: string,
  teamId: string | null,
): Promise<void> {
  const refuse = (why: string) => {
    throw new TicketryError('INELIGIBLE_ASSIGNEE', why, {
      details: { assigneeId, teamId },
    });
  };
  if (!teamId) return refuse('the ticket has no team; triage it or name one');
  if (!(await store.getTeam(siteId, teamId))) {
    return refuse(`team ${teamId} does not exist`);
  }
  const agent = await store.getAgent(siteId, assigneeId);
  if (!agent) return refuse(`agent ${assigneeId} does not exist`);
  if (!agent.active) return refuse(`agent ${assigneeId} is not active`);
  if (!agent.teamIds.includes(teamId)) {
    return refuse(`agent ${assigneeId} is not a member of team ${teamId}`);
  }
}
