import type { Desk } from '@ticketry/core';
import type { AgentRef, TeamRef } from './plan.ts';

/** The agent that acts when the log names nobody: a supervisor. */
export const IMPORTER = {
  id: 'replay-importer',
  name: 'History replay',
  role: 'supervisor' as const,
};

/**
 * Teams and agents made on the fly as the log names them. An agent
 * joins every team it appears with, the first time it does; records
 * made by an earlier run into the same store are reused.
 */
export function createDirectory(desk: Desk) {
  const teams = new Set<string>();
  const members = new Map<string, Set<string>>();
  let importerReady = false;

  async function ensureTeam(team: TeamRef): Promise<void> {
    if (teams.has(team.id)) return;
    const existing = (await desk.listTeams()).find((t) => t.id === team.id);
    if (!existing) await desk.createTeam({ id: team.id, name: team.name });
    teams.add(team.id);
  }

  async function teamsOf(agentId: string): Promise<Set<string>> {
    let known = members.get(agentId);
    if (!known) {
      const agent = await desk.getAgent(agentId);
      known = new Set(agent?.teamIds ?? []);
      members.set(agentId, known);
    }
    return known;
  }

  return {
    /** Makes the importer supervisor once. */
    async ensureImporter(): Promise<void> {
      if (importerReady) return;
      if (!(await desk.getAgent(IMPORTER.id))) {
        await desk.createAgent({ ...IMPORTER, teamIds: [] });
      }
      importerReady = true;
    },

    ensureTeam,

    /** True when the agent is already a member of the team. */
    async isMember(agentId: string, teamId: string | null) {
      return teamId !== null && (await teamsOf(agentId)).has(teamId);
    },

    /** Makes the agent and its team exist, the agent a member of it. */
    async ensureMember(agent: AgentRef, team: TeamRef): Promise<void> {
      await ensureTeam(team);
      const known = await teamsOf(agent.id);
      if (known.has(team.id)) return;
      known.add(team.id);
      await desk.createAgent({
        id: agent.id,
        name: agent.name,
        role: 'agent',
        teamIds: [...known],
      });
    },
  };
}

/** A directory made by {@link createDirectory}. */
export type Directory = ReturnType<typeof createDirectory>;
