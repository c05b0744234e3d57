import {
  type Automation,
  createAutomation,
  type Desk,
  type MacroInput,
  type ScheduleInput,
  type TriggerInput,
} from '@ticketry/core';
import { demoRiskSource } from './demo-predict.ts';
import type { Logger } from './log.ts';

/**
 * Only tickets opened after this take part in the demo's schedules, so
 * the replayed ServiceNow history (2016–2017) is left as it was.
 */
const LIVE_SINCE = '2020-01-01T00:00:00.000Z';
const live = {
  field: 'ticket.createdAt',
  op: 'gt',
  value: LIVE_SINCE,
} as const;

/** Example triggers: flag outage words, note a ticket turned critical. */
export const DEMO_TRIGGERS: TriggerInput[] = [
  {
    id: 'flag-outage',
    name: 'Flag outage words',
    on: ['ticket.submitted'],
    conditions: {
      any: ['down', 'outage', 'urgent', 'cannot log in'].map((value) => ({
        field: 'text',
        op: 'mentions',
        value,
      })),
    },
    actions: [
      { type: 'set', addTags: ['possible-outage'] },
      {
        type: 'note',
        template: '{{ticket.ref}} mentions an outage: check the status page.',
      },
    ],
  },
  {
    id: 'critical-notify',
    name: 'Tell the on-call about critical tickets',
    on: ['ticket.triaged', 'ticket.updated'],
    conditions: {
      all: [
        { field: 'ticket.priority', op: 'changed' },
        { field: 'ticket.priority', op: 'eq', value: 'critical' },
      ],
    },
    actions: [
      {
        type: 'notify',
        to: ['on-call'],
        template: '{{ticket.ref}} is critical: {{ticket.subject}}',
      },
    ],
  },
];

/** Example schedules: nudge silent requesters, escalate stale work. */
export const DEMO_SCHEDULES: ScheduleInput[] = [
  {
    id: 'nudge-requester',
    kind: 'remind_pending',
    afterHours: 48,
    conditions: { all: [live] },
    actions: [
      {
        type: 'reply',
        template:
          'We are still waiting for your answer on {{ticket.ref}} ({{ticket.subject}}).',
      },
    ],
  },
  {
    id: 'escalate-stale',
    kind: 'escalate_stale',
    afterHours: 72,
    conditions: { all: [live] },
    actions: [
      { type: 'raise_priority' },
      { type: 'note', template: 'No update for 3 days: priority raised.' },
    ],
  },
];

/**
 * An example macro agents apply with POST /tickets/:id/macros/ask-for-logs
 * on a ticket assigned or in progress: it asks for logs, tags the ticket
 * and waits for the requester. On a ticket that cannot wait (new,
 * unassigned) it is refused before any step runs.
 */
export const DEMO_MACROS: MacroInput[] = [
  {
    id: 'ask-for-logs',
    name: 'Ask for logs',
    actions: [
      {
        type: 'reply',
        template: 'Could you attach the logs for {{ticket.ref}}? Thank you.',
      },
      { type: 'set', addTags: ['logs-requested'] },
      // An assigned ticket is started first; one in progress already is.
      { type: 'command', command: { type: 'start' }, ifAllowed: true },
      { type: 'command', command: { type: 'pend', reason: 'requester' } },
    ],
  },
];

/**
 * The demo's automation: the rules above unless rules were saved over
 * the API (PUT /api/v1/automation/…), notices and runs logged. Rules
 * may test `risk`: it reads the demo's breach risk (demo-predict.ts),
 * the figure GET /tickets/:id/risk answers.
 */
export async function demoAutomation(
  desk: Desk,
  log: Logger,
  replyAs: string,
): Promise<Automation> {
  const automation = createAutomation(desk, {
    triggers: DEMO_TRIGGERS,
    schedules: DEMO_SCHEDULES,
    macros: DEMO_MACROS,
    replyAs,
    risk: demoRiskSource(desk),
    notify: (n) =>
      log.info('automation notice', {
        rule: n.ruleId,
        ticket: n.ticket.ref,
        to: n.to.join(','),
      }),
    onRun: (run) => {
      const applied = run.outcomes.filter((o) => o.applied).length;
      log.info('automation rule ran', {
        rule: run.ruleId,
        kind: run.kind,
        applied,
        skipped: run.skipped ?? '',
      });
    },
    onError: (error) => log.error('automation failed', { error }),
  });
  await automation.load();
  return automation;
}
