import type { AttainmentRow, WorkloadRow } from './report-types.js';
import { share } from './summary.js';
import type { SlaOutcome, TicketFacts } from './ticket-facts.js';

type InPeriod = (at: number | null) => boolean;

const TARGETS = ['firstResponse', 'resolution'] as const;

function tally(
  rows: Map<string, AttainmentRow>,
  target: string,
  by: string,
  key: string,
  met: boolean,
) {
  const id = `${target}|${by}|${key}`;
  let row = rows.get(id);
  if (!row) {
    row = { target, by, key, met: 0, missed: 0, share: null };
    rows.set(id, row);
  }
  if (met) row.met++;
  else row.missed++;
}

const ORDER = ['all', 'policy', 'priority', 'team'];

function sorted(rows: Iterable<AttainmentRow>): AttainmentRow[] {
  return [...rows]
    .map((r) => ({ ...r, share: share(r.met, r.met + r.missed) }))
    .sort(
      (a, b) =>
        a.target.localeCompare(b.target) ||
        ORDER.indexOf(a.by) - ORDER.indexOf(b.by) ||
        a.key.localeCompare(b.key),
    );
}

/**
 * SLA attainment of the targets decided in the period: a target is
 * met when its clock stopped on its goal in time, missed when it was
 * breached (an `sla_breached` event or a late stop). Grouped overall,
 * by policy, by the priority whose targets applied, and by team.
 */
export function slaRows(tickets: readonly TicketFacts[], inPeriod: InPeriod) {
  const rows = new Map<string, AttainmentRow>();
  for (const t of tickets) {
    if (!t.sla) continue;
    for (const target of TARGETS) {
      const outcome: SlaOutcome = t.sla[target];
      if (outcome.met === null || !inPeriod(outcome.at)) continue;
      tally(rows, target, 'all', 'all', outcome.met);
      tally(rows, target, 'policy', t.sla.policyId, outcome.met);
      tally(rows, target, 'priority', t.sla.priority, outcome.met);
      tally(rows, target, 'team', t.teamId ?? 'none', outcome.met);
    }
  }
  return sorted(rows.values());
}

function row(rows: Map<string, WorkloadRow>, id: string): WorkloadRow {
  let found = rows.get(id);
  if (!found) {
    found = { id, openAssigned: 0, resolved: 0 };
    rows.set(id, found);
  }
  return found;
}

const byId = (a: WorkloadRow, b: WorkloadRow) => a.id.localeCompare(b.id);

/**
 * Work per agent and team: tickets open and assigned now, and resolves
 * in the period, credited to whoever was assigned when it resolved.
 */
export function workloadRows(
  tickets: readonly TicketFacts[],
  inPeriod: InPeriod,
  isOpen: (status: string) => boolean,
) {
  const agents = new Map<string, WorkloadRow>();
  const teams = new Map<string, WorkloadRow>();
  for (const t of tickets) {
    if (isOpen(t.status)) {
      if (t.assigneeId) row(agents, t.assigneeId).openAssigned++;
      if (t.teamId && t.assigneeId) row(teams, t.teamId).openAssigned++;
    }
    for (const r of t.resolves) {
      if (!inPeriod(r.at)) continue;
      if (r.agentId) row(agents, r.agentId).resolved++;
      if (r.teamId) row(teams, r.teamId).resolved++;
    }
  }
  return {
    agents: [...agents.values()].sort(byId),
    teams: [...teams.values()].sort(byId),
  };
}
