import type { Arrival, Staff } from './routing-arrivals.ts';

/** How evenly tickets spread over a set of holders. */
export interface Balance {
  /** Holders counted (agents or groups seen in the log). */
  holders: number;
  tickets: number;
  min: number;
  max: number;
  /** max / min over holders with at least one ticket. */
  maxMinRatio: number | null;
  /** Holders with no ticket at all. */
  idle: number;
  /** Standard deviation over mean, all holders counted. */
  cv: number | null;
}

/** One group's figures, the log's beside the strategy's. */
export interface GroupBalance {
  teamId: string;
  name: string;
  agents: number;
  log: Balance;
  routed: Balance;
}

/** What `--routing` reports. */
export interface BalanceReport {
  strategy: string;
  incidents: number;
  routed: number;
  queued: number;
  /** Incidents routed to the agent the log shows. */
  sameAgentAsLog: number;
  agents: { log: Balance; routed: Balance };
  groups: { log: Balance; routed: Balance };
  /** Agent balance inside each group, busiest groups first. */
  perGroup: GroupBalance[];
  perAgent: { agentId: string; log: number; routed: number }[];
}

/** The balance of ticket counts, one per holder. */
export function balanceOf(counts: readonly number[]): Balance {
  const tickets = counts.reduce((s, c) => s + c, 0);
  const busy = counts.filter((c) => c > 0);
  const mean = counts.length ? tickets / counts.length : 0;
  const variance = counts.length
    ? counts.reduce((s, c) => s + (c - mean) ** 2, 0) / counts.length
    : 0;
  return {
    holders: counts.length,
    tickets,
    min: counts.length ? Math.min(...counts) : 0,
    max: counts.length ? Math.max(...counts) : 0,
    maxMinRatio: busy.length ? Math.max(...busy) / Math.min(...busy) : null,
    idle: counts.length - busy.length,
    cv: mean > 0 ? Math.sqrt(variance) / mean : null,
  };
}

const countBy = (
  keys: Iterable<string>,
  values: Iterable<string | null | undefined>,
) => {
  const out = new Map<string, number>([...keys].map((k) => [k, 0]));
  for (const v of values) if (v && out.has(v)) out.set(v, out.get(v)! + 1);
  return out;
};

/** Builds the balance report from the replay's choices. */
export function balanceReport(
  strategy: string,
  arrivals: readonly Arrival[],
  routed: ReadonlyMap<Arrival, { agentId: string; teamId: string } | null>,
  staff: Staff,
): BalanceReport {
  const choice = (a: Arrival) => routed.get(a) ?? null;
  const logAgents = countBy(
    staff.agents.keys(),
    arrivals.map((a) => a.logAgentId),
  );
  const routedAgents = countBy(
    staff.agents.keys(),
    arrivals.map((a) => choice(a)?.agentId),
  );
  const logGroups = countBy(
    staff.teams.keys(),
    arrivals.map((a) => a.teamId),
  );
  const routedGroups = countBy(
    staff.teams.keys(),
    arrivals.map((a) => choice(a)?.teamId),
  );
  const perGroup = [...staff.teams].map(([teamId, name]) => {
    const members = [...staff.agents]
      .filter(([, a]) => a.teamIds.has(teamId))
      .map(([id]) => id);
    const mine = arrivals.filter((a) => a.teamId === teamId);
    const inLog = countBy(
      members,
      mine.map((a) => a.logAgentId),
    );
    const inRoute = countBy(
      members,
      arrivals
        .filter((a) => choice(a)?.teamId === teamId)
        .map((a) => choice(a)?.agentId),
    );
    return {
      teamId,
      name,
      agents: members.length,
      log: balanceOf([...inLog.values()]),
      routed: balanceOf([...inRoute.values()]),
    };
  });
  perGroup.sort(
    (a, b) => b.log.tickets - a.log.tickets || (a.teamId < b.teamId ? -1 : 1),
  );
  const done = arrivals.filter((a) => choice(a));
  return {
    strategy,
    incidents: arrivals.length,
    routed: done.length,
    queued: arrivals.length - done.length,
    sameAgentAsLog: done.filter((a) => choice(a)?.agentId === a.logAgentId)
      .length,
    agents: {
      log: balanceOf([...logAgents.values()]),
      routed: balanceOf([...routedAgents.values()]),
    },
    groups: {
      log: balanceOf([...logGroups.values()]),
      routed: balanceOf([...routedGroups.values()]),
    },
    perGroup,
    perAgent: [...staff.agents.keys()].sort().map((agentId) => ({
      agentId,
      log: logAgents.get(agentId) ?? 0,
      routed: routedAgents.get(agentId) ?? 0,
    })),
  };
}

const num = (v: number | null, digits = 2) =>
  v === null ? 'n/a' : v.toFixed(digits);

function line(label: string, log: Balance, routed: Balance): string {
  const cell = (b: Balance) =>
    `${String(b.tickets).padStart(5)} tickets, min ${b.min}, max ${b.max}, max/min ${num(b.maxMinRatio)}, idle ${b.idle}, CV ${num(b.cv)}`;
  return `  ${label.padEnd(8)} log:   ${cell(log)}\n  ${''.padEnd(8)} ${'routed'}: ${cell(routed)}`;
}

/** Renders the balance report for a terminal. */
export function formatBalance(r: BalanceReport, top = 10): string {
  const lines = [
    `Routing replay with ${r.strategy}: ${r.incidents} incidents, ${r.routed} routed, ${r.queued} left queued, ` +
      `${r.sameAgentAsLog} to the agent the log shows`,
    `Per agent (${r.agents.log.holders} agents seen in the log):`,
    line('agents', r.agents.log, r.agents.routed),
    `Per group (${r.groups.log.holders} groups):`,
    line('groups', r.groups.log, r.groups.routed),
    `Agents inside the ${Math.min(top, r.perGroup.length)} busiest groups (CV of tickets per agent, log → routed):`,
  ];
  for (const g of r.perGroup.slice(0, top)) {
    lines.push(
      `  ${g.name.padEnd(10)} ${String(g.agents).padStart(3)} agents, ${String(g.log.tickets).padStart(4)} → ${String(g.routed.tickets).padStart(4)} tickets, ` +
        `CV ${num(g.log.cv)} → ${num(g.routed.cv)}, max/min ${num(g.log.maxMinRatio)} → ${num(g.routed.maxMinRatio)}`,
    );
  }
  return lines.join('\n');
}
