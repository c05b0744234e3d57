import { describe, expect, it } from 'vitest';
import type { Intent } from './plan.ts';
import {
  orderServiceNowRows,
  serviceNowMapping,
  UNRECORDED_GROUP,
} from './servicenow.ts';
import type { Row } from './source.ts';

const BASE: Row = {
  number: 'INC0000100',
  incident_state: 'New',
  sys_mod_count: '0',
  caller_id: 'Caller 2403',
  opened_at: '29/2/2016 09:05',
  sys_updated_at: '29/2/2016 09:11',
  contact_type: 'Phone',
  location: 'Location 161',
  category: 'Category 53',
  subcategory: 'Subcategory 271',
  u_symptom: 'Symptom 470',
  impact: '2 - Medium',
  urgency: '2 - Medium',
  assignment_group: 'Group 54',
  assigned_to: '?',
  closed_code: 'code 7',
  resolved_at: '2/3/2016 14:53',
  closed_at: '7/3/2016 15:00',
  made_sla: 'true',
};

/** Rows of one incident: [state, update time, overrides]. */
function incident(...rows: [string, string, Partial<Row>?][]): Row[] {
  return rows.map(([state, at, extra], i) => ({
    ...BASE,
    incident_state: state,
    sys_mod_count: String(i),
    sys_updated_at: at,
    ...extra,
  }));
}

const kinds = (steps: { intent: Intent }[]) => steps.map((s) => s.intent.kind);

describe('the ServiceNow mapping', () => {
  it('submits at opened_at with a pseudonymous requester and the channel', () => {
    const plan = serviceNowMapping.plan(incident(['New', '29/2/2016 09:11']));
    expect(plan.externalId).toBe('INC0000100');
    expect(plan.submit.at.toISOString()).toBe('2016-02-29T09:05:00.000Z');
    expect(plan.submit.input).toMatchObject({
      channel: 'phone',
      externalId: 'INC0000100',
      requester: { email: 'caller-2403@import.invalid', name: 'Caller 2403' },
      category: 'Category 53',
      subject: 'Category 53, Subcategory 271: Symptom 470',
    });
  });

  it('maps each contact type onto a desk channel', () => {
    const channel = (contact: string) =>
      serviceNowMapping.plan(
        incident(['New', '29/2/2016 09:11', { contact_type: contact }]),
      ).submit.input.channel;
    expect(channel('Phone')).toBe('phone');
    expect(channel('IVR')).toBe('phone');
    expect(channel('Email')).toBe('email');
    expect(channel('Self service')).toBe('web');
    expect(channel('Direct opening')).toBe('import');
  });

  it('triages first, with impact and urgency read as levels', () => {
    const plan = serviceNowMapping.plan(
      incident([
        'New',
        '29/2/2016 09:11',
        { impact: '1 - High', urgency: '3 - Low' },
      ]),
    );
    expect(plan.steps[0]!.intent).toEqual({
      kind: 'triage',
      impact: 'high',
      urgency: 'low',
      team: { id: 'servicenow-group-54', name: 'Group 54' },
    });
  });

  it('turns each state change into the intent that reaches it', () => {
    const plan = serviceNowMapping.plan(
      incident(
        ['New', '29/2/2016 09:11'],
        ['Active', '29/2/2016 10:00', { assigned_to: 'Resolver 17' }],
        [
          'Awaiting User Info',
          '29/2/2016 11:00',
          { assigned_to: 'Resolver 17' },
        ],
        ['Active', '1/3/2016 08:00', { assigned_to: 'Resolver 17' }],
        ['Resolved', '2/3/2016 15:00', { assigned_to: 'Resolver 17' }],
        ['Closed', '7/3/2016 15:00', { assigned_to: 'Resolver 17' }],
      ),
    );
    expect(kinds(plan.steps)).toEqual([
      'triage',
      'assign',
      'work',
      'assign',
      'pend',
      'assign',
      'work',
      'resolve',
      'close',
    ]);
    const resolve = plan.steps.find((s) => s.intent.kind === 'resolve')!;
    expect(resolve.intent).toEqual({
      kind: 'resolve',
      code: 'code 7',
      note: 'Imported',
    });
    expect(resolve.at.toISOString()).toBe('2016-03-02T14:53:00.000Z');
    expect(plan.steps.at(-1)!.at.toISOString()).toBe(
      '2016-03-07T15:00:00.000Z',
    );
  });

  it.each([
    ['Awaiting User Info', 'requester'],
    ['Awaiting Evidence', 'requester'],
    ['Awaiting Vendor', 'vendor'],
    ['Awaiting Problem', 'problem'],
  ])('pends %s with the %s reason', (state, reason) => {
    const plan = serviceNowMapping.plan(
      incident(['New', '29/2/2016 09:11'], [state, '29/2/2016 10:00']),
    );
    expect(plan.steps.at(-1)!.intent).toEqual({
      kind: 'pend',
      reason,
      note: state,
    });
  });

  it('sends nothing for a repeated state or New, and skips -100 rows', () => {
    const plan = serviceNowMapping.plan(
      incident(
        ['New', '29/2/2016 09:11'],
        ['New', '29/2/2016 09:30'],
        ['-100', '29/2/2016 09:40'],
        ['Resolved', '2/3/2016 14:53'],
        ['Resolved', '2/3/2016 15:10'],
      ),
    );
    expect(kinds(plan.steps)).toEqual(['triage', 'resolve']);
    expect(plan.skipped).toEqual({ 'incident_state -100': 1 });
  });

  it('uses the resolve code default when closed_code is missing', () => {
    const plan = serviceNowMapping.plan(
      incident(['Resolved', '2/3/2016 14:53', { closed_code: '?' }]),
    );
    expect(plan.steps.at(-1)!.intent).toMatchObject({ code: 'imported' });
  });

  it('resolves at resolved_at when it falls on a later row of the run', () => {
    const plan = serviceNowMapping.plan(
      incident(
        ['New', '29/2/2016 09:11'],
        ['Resolved', '2/3/2016 08:53', { resolved_at: '2/3/2016 11:29' }],
        ['Resolved', '2/3/2016 11:29', { resolved_at: '2/3/2016 11:29' }],
      ),
    );
    expect(plan.steps.at(-1)!.at.toISOString()).toBe(
      '2016-03-02T11:29:00.000Z',
    );
  });

  it('resolves a reopened incident first at its row time, last at resolved_at', () => {
    const rows = incident(
      ['Active', '29/2/2016 09:11', { assigned_to: 'Resolver 1' }],
      ['Resolved', '29/2/2016 12:00', { assigned_to: 'Resolver 1' }],
      ['Active', '1/3/2016 09:00', { assigned_to: 'Resolver 1' }],
      ['Resolved', '2/3/2016 15:00', { assigned_to: 'Resolver 1' }],
    );
    const resolves = serviceNowMapping
      .plan(rows)
      .steps.filter((s) => s.intent.kind === 'resolve')
      .map((s) => s.at.toISOString());
    expect(resolves).toEqual([
      '2016-02-29T12:00:00.000Z',
      '2016-03-02T14:53:00.000Z',
    ]);
  });

  it('marks incidents whose log has no resolution time', () => {
    const plan = serviceNowMapping.plan(
      incident(['Resolved', '2/3/2016 14:53', { resolved_at: '?' }]),
    );
    expect(plan.submit.input.fields).toMatchObject({
      resolvedAtRecorded: false,
    });
    expect(plan.steps.at(-1)!.at.toISOString()).toBe(
      '2016-03-02T14:53:00.000Z',
    );
  });

  it('puts an agent shown without a group in the stand-in team', () => {
    const plan = serviceNowMapping.plan(
      incident([
        'Active',
        '29/2/2016 09:11',
        { assigned_to: 'Resolver 9', assignment_group: '?' },
      ]),
    );
    const assign = plan.steps.find((s) => s.intent.kind === 'assign')!;
    expect(assign.intent).toEqual({
      kind: 'assign',
      agent: {
        id: 'servicenow-resolver-9',
        name: 'Resolver 9',
        team: UNRECORDED_GROUP,
        teamRecorded: false,
      },
    });
  });

  it('never lets a step go back in time', () => {
    const plan = serviceNowMapping.plan(
      incident(['New', '29/2/2016 08:00'], ['Active', '29/2/2016 08:30']),
    );
    for (const step of plan.steps) {
      expect(step.at.getTime()).toBeGreaterThanOrEqual(
        plan.submit.at.getTime(),
      );
    }
  });
});

describe('ServiceNow row order', () => {
  it('follows sys_mod_count, not file order', () => {
    const rows = incident(
      ['New', '29/2/2016 09:11'],
      ['Active', '29/2/2016 09:11'],
    );
    rows[0]!.sys_mod_count = '1';
    rows[1]!.sys_mod_count = '0';
    expect(orderServiceNowRows(rows).map((r) => r.incident_state)).toEqual([
      'Active',
      'New',
    ]);
  });

  it('places rows of a repeated sys_mod_count by their time', () => {
    // INC0000135 in the UCI log: its first row carries count 7 again.
    const rows = incident(
      ['Active', '29/2/2016 09:27', { sys_mod_count: '7' }],
      ['Active', '29/2/2016 11:45', { sys_mod_count: '1' }],
      ['Resolved', '29/2/2016 15:27', { sys_mod_count: '5' }],
      ['Closed', '5/3/2016 17:00', { sys_mod_count: '7' }],
    );
    expect(
      orderServiceNowRows(rows).map(
        (r) => `${r.incident_state}@${r.sys_updated_at}`,
      ),
    ).toEqual([
      'Active@29/2/2016 09:27',
      'Active@29/2/2016 11:45',
      'Resolved@29/2/2016 15:27',
      'Closed@5/3/2016 17:00',
    ]);
  });
});
