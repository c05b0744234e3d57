import type { PendingReason } from '@ticketry/core';
import {
  type AgentRef,
  bump,
  type CasePlan,
  type Intent,
  type ReplayMapping,
  slug,
  type TeamRef,
} from './plan.ts';
import type { Row } from './source.ts';
import { parseYearMonthDay } from './time.ts';

/**
 * Activities that pause the ticket, and why. `Require upgrade` waits
 * for a change (a new release installed at the customer);
 * `Create SW anomaly` waits for the product's developers to fix a
 * defect, a party outside the help desk, so the vendor reason.
 */
export const HELPDESK_WAITS: Record<string, PendingReason> = {
  Wait: 'requester',
  'Require upgrade': 'change',
  'Create SW anomaly': 'vendor',
};

/** Defect-tracker states logged on a few cases; kept as notes. */
const TRACKER_STATES = ['VERIFIED', 'RESOLVED', 'INVALID', 'DUPLICATE'];

const COLUMNS = [
  'Case ID',
  'Activity',
  'Resource',
  'Complete Timestamp',
  'customer',
  'product',
  'seriousness_2',
  'service_level',
  'service_type',
  'workgroup',
] as const;

/** `Value 3` becomes `3`; the log pseudonymised every value that way. */
const numberOf = (value: string | undefined) =>
  (value ?? '').replace(/^Value\s*/i, '').trim() || 'unknown';

function teamOf(row: Row): TeamRef {
  const n = numberOf(row['workgroup']);
  return { id: `helpdesk-workgroup-${slug(n)}`, name: `Workgroup ${n}` };
}

function agentOf(row: Row): AgentRef {
  const n = numberOf(row['Resource']);
  return {
    id: `helpdesk-resource-${slug(n)}`,
    name: `Resource ${n}`,
    team: teamOf(row),
  };
}

/** Sorts a case's rows by time; rows with the same time keep file order. */
export function orderHelpdeskRows(rows: Row[]): { row: Row; at: Date }[] {
  return rows
    .map((row, index) => ({
      row,
      index,
      at: parseYearMonthDay(row['Complete Timestamp']!),
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index)
    .map(({ row, at }) => ({ row, at }));
}

function submitOf(id: string, first: Row) {
  const customer = numberOf(first['customer']);
  const product = numberOf(first['product']);
  return {
    subject: `Product ${product}: support case ${id}`,
    description:
      `${id} replayed from the help desk log of an Italian software ` +
      'company (Polato 2017, CC BY 4.0). The log holds no text: ' +
      `product ${product}, service type ${numberOf(first['service_type'])}, ` +
      `service level ${numberOf(first['service_level'])}.`,
    requester: {
      email: `customer-${slug(customer)}@import.invalid`,
      name: `Customer ${customer}`,
    },
    category: `Product ${product}`,
    channel: 'import' as const,
    externalId: id,
    ticketType: 'incident' as const,
    tags: ['imported', 'helpdesk'],
    fields: {
      source: 'helpdesk-italian-company',
      seriousness: numberOf(first['seriousness_2']),
      serviceLevel: numberOf(first['service_level']),
    },
  };
}

/**
 * Turns one activity into intents. `Assign seriousness` triages (the
 * log's levels are pseudonymised, so impact and urgency stay medium and
 * the product becomes the category); `Take in charge ticket` assigns
 * the resource and starts work; waits pend; `Resolve SW anomaly` goes
 * back to work; `Resolve ticket` resolves; `Closed` closes; scheduling
 * and defect-tracker states become internal notes.
 */
function intentsOf(activity: string, row: Row): Intent[] | null {
  const reason = HELPDESK_WAITS[activity];
  if (reason) return [{ kind: 'pend', reason, note: activity }];
  if (TRACKER_STATES.includes(activity)) {
    return [{ kind: 'note', body: `Defect tracker: ${activity}` }];
  }
  switch (activity) {
    case 'Assign seriousness':
      return [
        {
          kind: 'triage',
          impact: 'medium',
          urgency: 'medium',
          category: `Product ${numberOf(row['product'])}`,
          team: teamOf(row),
        },
      ];
    case 'Take in charge ticket':
      return [{ kind: 'assign', agent: agentOf(row) }, { kind: 'work' }];
    case 'Resolve SW anomaly':
      return [{ kind: 'work' }];
    case 'Resolve ticket':
      return [{ kind: 'resolve', code: 'resolved', note: 'Imported' }];
    case 'Closed':
      return [{ kind: 'close' }];
    case 'Schedule intervention':
      return [{ kind: 'note', body: 'Intervention scheduled' }];
    case 'Insert ticket':
      return [{ kind: 'note', body: 'Ticket inserted again' }];
    default:
      return null;
  }
}

/**
 * The Italian help desk log mapping: one case per `Case ID`, rows in
 * time order. The first row's instant is the submit; an opening
 * `Insert ticket` is that submit itself. Every activity then maps as
 * {@link intentsOf} says; unknown activities are skipped and counted.
 */
export const helpdeskMapping: ReplayMapping = {
  name: 'helpdesk',
  columns: COLUMNS,
  caseColumn: 'Case ID',
  detect: (header) =>
    ['Case ID', 'Activity', 'Complete Timestamp'].every((c) =>
      header.includes(c),
    ),
  plan(rows) {
    const ordered = orderHelpdeskRows(rows);
    const first = ordered[0]!;
    const id = first.row['Case ID']!;
    const plan: CasePlan = {
      externalId: id,
      submit: { at: first.at, input: submitOf(id, first.row) },
      steps: [],
      skipped: {},
    };
    ordered.forEach(({ row, at }, index) => {
      const activity = row['Activity']!;
      if (index === 0 && activity === 'Insert ticket') return;
      const intents = intentsOf(activity, row);
      if (!intents) {
        bump(plan.skipped, `activity ${activity}`);
        return;
      }
      for (const intent of intents) {
        plan.steps.push({ at, intent, source: activity });
      }
    });
    return plan;
  },
};
