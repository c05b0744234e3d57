import { ReplayError } from './errors.ts';
import { slug } from './plan.ts';
import { SERVICENOW_LEVELS } from './servicenow.ts';
import type { Row } from './source.ts';
import { parseDayMonthYear } from './time.ts';

/** The columns of the ServiceNow log the routing replay reads. */
export const ARRIVAL_COLUMNS = [
  'number',
  'sys_updated_at',
  'opened_at',
  'category',
  'impact',
  'urgency',
  'assignment_group',
  'assigned_to',
  'resolved_at',
  'closed_at',
] as const;

/** One incident as routing meets it: when it came, where it went. */
export interface Arrival {
  number: string;
  at: number;
  /** When its work ended: resolved, else closed, else the last update. */
  doneAt: number;
  category: string | null;
  impact: 'high' | 'medium' | 'low';
  urgency: 'high' | 'medium' | 'low';
  /** The first group the log gave it (a team id). */
  teamId: string;
  /** The last agent the log gave it, or null if none. */
  logAgentId: string | null;
}

/** Agents and groups as the log shows them. */
export interface Staff {
  /** Team id → name. */
  teams: Map<string, string>;
  /** Agent id → name, team ids and categories handled. */
  agents: Map<
    string,
    { name: string; teamIds: Set<string>; categories: Set<string> }
  >;
}

const known = (v: string | undefined): v is string => !!v && v !== '?';
const idOf = (prefix: string, name: string) => `${prefix}-${slug(name)}`;
const time = (v: string | undefined) =>
  known(v) ? parseDayMonthYear(v).getTime() : null;

function staffOf(rows: readonly Row[]): Staff {
  const staff: Staff = { teams: new Map(), agents: new Map() };
  for (const r of rows) {
    if (known(r.assignment_group)) {
      staff.teams.set(idOf('group', r.assignment_group), r.assignment_group);
    }
    if (!known(r.assigned_to)) continue;
    const id = idOf('agent', r.assigned_to);
    const a = staff.agents.get(id) ?? {
      name: r.assigned_to,
      teamIds: new Set(),
      categories: new Set(),
    };
    if (known(r.assignment_group))
      a.teamIds.add(idOf('group', r.assignment_group));
    if (known(r.category)) a.categories.add(r.category);
    staff.agents.set(id, a);
  }
  return staff;
}

function arrivalOf(number: string, rows: Row[]): Arrival | null {
  rows.sort((a, b) => time(a.sys_updated_at)! - time(b.sys_updated_at)!);
  const group = rows.find((r) => known(r.assignment_group))?.assignment_group;
  const opened = time(rows[0]!.opened_at);
  if (!group || opened === null) return null;
  const last = rows[rows.length - 1]!;
  const agent = rows.findLast((r) => known(r.assigned_to))?.assigned_to;
  const doneAt =
    time(last.resolved_at) ??
    time(last.closed_at) ??
    time(last.sys_updated_at)!;
  return {
    number,
    at: opened,
    doneAt: Math.max(doneAt, opened),
    category: known(last.category) ? last.category : null,
    impact: SERVICENOW_LEVELS[last.impact ?? ''] ?? 'medium',
    urgency: SERVICENOW_LEVELS[last.urgency ?? ''] ?? 'medium',
    teamId: idOf('group', group),
    logAgentId: agent ? idOf('agent', agent) : null,
  };
}

/**
 * Reads incidents and staff from ServiceNow rows: each incident's
 * arrival (opened_at), end, category, first group and last agent, in
 * arrival order; incidents the log never gave a group are left out.
 */
export function arrivalsOf(rows: readonly Row[]): {
  arrivals: Arrival[];
  staff: Staff;
} {
  if (rows.length === 0)
    throw new ReplayError('BAD_ARGUMENTS', 'the log has no rows');
  const byNumber = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byNumber.get(r.number!) ?? [];
    list.push(r);
    byNumber.set(r.number!, list);
  }
  const arrivals = [...byNumber]
    .map(([number, list]) => arrivalOf(number, list))
    .filter((a): a is Arrival => a !== null)
    .sort((a, b) => a.at - b.at || (a.number < b.number ? -1 : 1));
  return { arrivals, staff: staffOf(rows) };
}
