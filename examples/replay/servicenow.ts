import type { Channel, PendingReason } from '@ticketry/core';
import {
  type AgentRef,
  bump,
  type CasePlan,
  type Intent,
  type ReplayMapping,
  type Step,
  slug,
  type TeamRef,
} from './plan.ts';
import type { Row } from './source.ts';
import { parseDayMonthYear } from './time.ts';

const MISSING = '?';

/** How ServiceNow's `contact_type` maps onto desk channels. */
export const SERVICENOW_CHANNELS: Record<string, Channel> = {
  Phone: 'phone',
  IVR: 'phone',
  Email: 'email',
  'Self service': 'web',
  // An agent opened it directly; the desk has no such channel.
  'Direct opening': 'import',
};

/**
 * Why a ServiceNow incident waits. `Awaiting Evidence` goes to the
 * requester: the caller owes proof (logs, a screenshot, a confirmation
 * that the fix works), which is what the desk's requester wait means.
 */
export const SERVICENOW_WAITS: Record<string, PendingReason> = {
  'Awaiting User Info': 'requester',
  'Awaiting Evidence': 'requester',
  'Awaiting Vendor': 'vendor',
  'Awaiting Problem': 'problem',
};

/** The levels of `impact` and `urgency`: `1 - High` is high. */
export const SERVICENOW_LEVELS: Record<string, 'high' | 'medium' | 'low'> = {
  '1 - High': 'high',
  '2 - Medium': 'medium',
  '3 - Low': 'low',
};

/**
 * Agents shown without a group still need a team to be assigned; they
 * join this one, so the assignment history stays whole.
 */
export const UNRECORDED_GROUP: TeamRef = {
  id: 'servicenow-group-unrecorded',
  name: 'Group not recorded in the log',
};

const STATES = new Set([
  'New',
  'Active',
  'Resolved',
  'Closed',
  ...Object.keys(SERVICENOW_WAITS),
]);

/** The columns of the ServiceNow log the mapping reads. */
export const SERVICENOW_COLUMNS = [
  'number',
  'incident_state',
  'sys_mod_count',
  'caller_id',
  'opened_at',
  'sys_updated_at',
  'contact_type',
  'location',
  'category',
  'subcategory',
  'u_symptom',
  'impact',
  'urgency',
  'assignment_group',
  'assigned_to',
  'closed_code',
  'resolved_at',
  'closed_at',
  'made_sla',
] as const;

const known = (value: string | undefined) =>
  value !== undefined && value !== MISSING && value.trim() !== '';

function teamOf(row: Row): TeamRef | undefined {
  const group = row['assignment_group'];
  if (!known(group)) return undefined;
  return { id: `servicenow-${slug(group!)}`, name: group! };
}

function agentOf(row: Row): AgentRef | undefined {
  const name = row['assigned_to'];
  if (!known(name)) return undefined;
  const team = teamOf(row);
  return {
    id: `servicenow-${slug(name!)}`,
    name: name!,
    team: team ?? UNRECORDED_GROUP,
    teamRecorded: team !== undefined,
  };
}

function levelOf(value: string | undefined) {
  return SERVICENOW_LEVELS[value ?? ''] ?? 'medium';
}

/**
 * Orders a case's rows by `sys_mod_count` (then update time, then file
 * order). A count that appears twice in one case is a logging fault (5
 * incidents in the UCI log, each with a row misnumbered): those rows
 * are placed by their update time among the others instead.
 */
export function orderServiceNowRows(rows: Row[]): Row[] {
  const keyed = rows.map((row, index) => ({
    row,
    index,
    mod: Number(row['sys_mod_count']),
    at: parseDayMonthYear(row['sys_updated_at']!).getTime(),
  }));
  const seen = new Map<number, number>();
  for (const k of keyed) seen.set(k.mod, (seen.get(k.mod) ?? 0) + 1);

  const byMod = (a: (typeof keyed)[0], b: (typeof keyed)[0]) =>
    a.mod - b.mod || a.at - b.at || a.index - b.index;
  const ordered = keyed.filter((k) => seen.get(k.mod) === 1).sort(byMod);
  const doubtful = keyed
    .filter((k) => seen.get(k.mod)! > 1)
    .sort((a, b) => a.at - b.at || a.index - b.index);
  for (const k of doubtful) {
    const later = ordered.findIndex((o) => o.at > k.at);
    ordered.splice(later === -1 ? ordered.length : later, 0, k);
  }
  return ordered.map((k) => k.row);
}

function submitOf(first: Row, last: Row) {
  const label = (column: string) =>
    known(first[column]) ? first[column]! : 'not recorded';
  const caller = known(first['caller_id']) ? first['caller_id']! : null;
  const callerKey = caller ? slug(caller) : 'caller-unknown';
  const category = known(first['category']) ? first['category'] : undefined;
  const number = first['number']!;
  return {
    subject: `${label('category')}, ${label('subcategory')}: ${label('u_symptom')}`,
    description:
      `Incident ${number} replayed from the ServiceNow event log ` +
      '(Amaral, Fantinato, Peres 2018, CC BY 4.0). The log holds no ' +
      `text: category ${label('category')}, subcategory ` +
      `${label('subcategory')}, symptom ${label('u_symptom')}, ` +
      `location ${label('location')}.`,
    requester: {
      email: `${callerKey}@import.invalid`,
      name: caller ?? 'Unknown caller',
    },
    ...(category && { category }),
    channel: SERVICENOW_CHANNELS[first['contact_type'] ?? ''] ?? 'import',
    externalId: number,
    ticketType: 'incident' as const,
    tags: ['imported', 'servicenow'],
    fields: {
      source: 'servicenow-uci-incident-log',
      // The log keeps one resolution time per incident; the report
      // needs to know which tickets had one to match the published n.
      resolvedAtRecorded: known(last['resolved_at']),
      madeSla: last['made_sla'] === 'true',
    },
  };
}

const clamp = (value: number, low: number, high: number) =>
  Math.min(Math.max(value, low), high);

/**
 * The ServiceNow incident event log mapping. Each incident's rows, in
 * `sys_mod_count` order, become: a submit at `opened_at`; a triage at
 * the first update; an assignment whenever `assigned_to` or
 * `assignment_group` changes on a working row; then, whenever
 * `incident_state` changes, the command that reaches it (Active: work;
 * Awaiting …: pend; Resolved: resolve with `closed_code`; Closed:
 * close). Rows in state `-100` are skipped and counted.
 */
export const serviceNowMapping: ReplayMapping = {
  name: 'servicenow',
  columns: SERVICENOW_COLUMNS,
  caseColumn: 'number',
  detect: (header) =>
    ['number', 'incident_state', 'sys_mod_count'].every((c) =>
      header.includes(c),
    ),
  plan(rows) {
    const ordered = orderServiceNowRows(rows);
    const first = ordered[0]!;
    const last = ordered[ordered.length - 1]!;
    const openedAt = parseDayMonthYear(first['opened_at']!);
    const resolvedAt = known(last['resolved_at'])
      ? parseDayMonthYear(last['resolved_at']!).getTime()
      : null;
    const closedAt = known(last['closed_at'])
      ? parseDayMonthYear(last['closed_at']!).getTime()
      : null;

    const plan: CasePlan = {
      externalId: first['number']!,
      submit: { at: openedAt, input: submitOf(first, last) },
      steps: [],
      skipped: {},
    };
    let previousAt = openedAt.getTime();
    const push = (at: number, intent: Intent, source: string) => {
      previousAt = Math.max(previousAt, at);
      plan.steps.push({ at: new Date(previousAt), intent, source } as Step);
    };

    let state = 'New';
    let levels = '';

    const times = ordered.map((row) =>
      parseDayMonthYear(row['sys_updated_at']!).getTime(),
    );
    /** The time of the last row of the run of equal states at `i`. */
    const runEnd = (i: number) => {
      let j = i;
      const same = ordered[i]!['incident_state'];
      while (ordered[j + 1]?.['incident_state'] === same) j++;
      return times[j]!;
    };

    ordered.forEach((row, index) => {
      const next = row['incident_state']!;
      const at = times[index]!;
      if (!STATES.has(next)) {
        bump(plan.skipped, `incident_state ${next}`);
        return;
      }

      const impact = levelOf(row['impact']);
      const urgency = levelOf(row['urgency']);
      if (`${impact}/${urgency}` !== levels) {
        levels = `${impact}/${urgency}`;
        const rowTeam = teamOf(row);
        const triage: Intent = { kind: 'triage', impact, urgency };
        if (index === 0 && rowTeam) triage.team = rowTeam;
        push(at, triage, `impact ${row['impact']}, urgency ${row['urgency']}`);
      }

      const agent = agentOf(row);
      const working = next !== 'Resolved' && next !== 'Closed';
      // Steering drops assignments that change nothing.
      if (working && agent) {
        push(at, { kind: 'assign', agent }, `assigned_to ${agent.name}`);
      }

      if (next === state) return;
      state = next;
      if (next === 'Active') push(at, { kind: 'work' }, next);
      const reason = SERVICENOW_WAITS[next];
      if (reason) push(at, { kind: 'pend', reason, note: next }, next);
      if (next === 'Resolved') {
        const code = known(row['closed_code'])
          ? row['closed_code']!
          : 'imported';
        // The log keeps only the last resolution time, which may fall
        // on a later row of the same Resolved run; a resolve that a
        // reopen undid falls back to its own rows' time.
        const when = clamp(resolvedAt ?? at, previousAt, runEnd(index));
        push(when, { kind: 'resolve', code, note: 'Imported' }, next);
      }
      if (next === 'Closed') {
        const when = clamp(closedAt ?? at, previousAt, runEnd(index));
        push(when, { kind: 'close' }, next);
      }
    });
    return plan;
  },
};
