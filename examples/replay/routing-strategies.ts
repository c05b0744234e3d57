import {
  availability,
  chain,
  leastLoaded,
  type Router,
  roundRobin,
  skillsMatch,
  type TeamRule,
  teamRules,
} from '@ticketry/core';
import type { Arrival } from './routing-arrivals.ts';

/** The strategies `--routing` accepts. */
export const ROUTING_STRATEGIES = [
  'round-robin',
  'least-loaded',
  'skills',
  'availability',
  'team-rules',
  'chain',
] as const;

export type RoutingStrategyName = (typeof ROUTING_STRATEGIES)[number];

/**
 * Category → team rules learnt from the log: each category goes to the
 * group that received it most often.
 */
export function rulesFromLog(arrivals: readonly Arrival[]): TeamRule[] {
  const counts = new Map<string, Map<string, number>>();
  for (const a of arrivals) {
    if (!a.category) continue;
    const teams = counts.get(a.category) ?? new Map<string, number>();
    teams.set(a.teamId, (teams.get(a.teamId) ?? 0) + 1);
    counts.set(a.category, teams);
  }
  return [...counts].map(([category, teams]) => ({
    category,
    teamId: [...teams].sort(
      (x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1),
    )[0]![0],
  }));
}

/**
 * The router a strategy name stands for. `team-rules` chooses the team
 * itself (category rules learnt from the log); the others route inside
 * the group the log gave the incident.
 */
export function routerFor(
  name: RoutingStrategyName,
  arrivals: readonly Arrival[],
): Router {
  switch (name) {
    case 'round-robin':
      return roundRobin();
    case 'least-loaded':
      return leastLoaded();
    case 'skills':
      return skillsMatch();
    case 'availability':
      return availability();
    case 'team-rules':
      return teamRules({
        rules: rulesFromLog(arrivals),
        override: true,
        pick: leastLoaded(),
      });
    case 'chain':
      return chain([
        skillsMatch({ mode: 'all', pick: leastLoaded() }),
        roundRobin(),
      ]);
  }
}
