import { describe, expect, it } from 'vitest';
import { helpdeskMapping, orderHelpdeskRows } from './helpdesk.ts';
import type { Row } from './source.ts';

const BASE: Row = {
  'Case ID': 'Case 7',
  Activity: 'Assign seriousness',
  Resource: 'Value 3',
  'Complete Timestamp': '2012/10/09 14:50:17.000',
  customer: 'Value 22',
  product: 'Value 4',
  seriousness_2: 'Value 2',
  service_level: 'Value 3',
  service_type: 'Value 1',
  workgroup: 'Value 2',
};

function helpdeskCase(...rows: [string, string, Partial<Row>?][]): Row[] {
  return rows.map(([activity, at, extra]) => ({
    ...BASE,
    Activity: activity,
    'Complete Timestamp': at,
    ...extra,
  }));
}

const planOf = (...rows: [string, string, Partial<Row>?][]) =>
  helpdeskMapping.plan(helpdeskCase(...rows));

describe('the helpdesk mapping', () => {
  it('submits at the first activity with a pseudonymous customer', () => {
    const plan = planOf(['Assign seriousness', '2012/10/09 14:50:17.000']);
    expect(plan.externalId).toBe('Case 7');
    expect(plan.submit.at.toISOString()).toBe('2012-10-09T14:50:17.000Z');
    expect(plan.submit.input).toMatchObject({
      channel: 'import',
      requester: { email: 'customer-22@import.invalid' },
      category: 'Product 4',
      externalId: 'Case 7',
    });
  });

  it('triages on Assign seriousness, into the row workgroup', () => {
    const plan = planOf(['Assign seriousness', '2012/10/09 14:50:17.000']);
    expect(plan.steps.map((s) => s.intent)).toEqual([
      {
        kind: 'triage',
        impact: 'medium',
        urgency: 'medium',
        category: 'Product 4',
        team: { id: 'helpdesk-workgroup-2', name: 'Workgroup 2' },
      },
    ]);
  });

  it('assigns the resource and starts work on Take in charge ticket', () => {
    const plan = planOf(['Take in charge ticket', '2012/10/09 14:51:01.000']);
    expect(plan.steps.map((s) => s.intent)).toEqual([
      {
        kind: 'assign',
        agent: {
          id: 'helpdesk-resource-3',
          name: 'Resource 3',
          team: { id: 'helpdesk-workgroup-2', name: 'Workgroup 2' },
        },
      },
      { kind: 'work' },
    ]);
  });

  it.each([
    ['Wait', 'requester'],
    ['Require upgrade', 'change'],
    ['Create SW anomaly', 'vendor'],
  ])('pends on %s with the %s reason', (activity, reason) => {
    const plan = planOf(
      ['Assign seriousness', '2012/10/09 14:50:17.000'],
      [activity, '2012/10/10 09:00:00.000'],
    );
    expect(plan.steps.at(-1)!.intent).toEqual({
      kind: 'pend',
      reason,
      note: activity,
    });
  });

  it('resolves, closes, resumes and keeps tracker states as notes', () => {
    const plan = planOf(
      ['Resolve SW anomaly', '2012/10/10 09:00:00.000'],
      ['VERIFIED', '2012/10/10 10:00:00.000'],
      ['Schedule intervention', '2012/10/10 11:00:00.000'],
      ['Resolve ticket', '2012/10/11 09:00:00.000'],
      ['Closed', '2012/11/10 09:00:00.000'],
    );
    expect(plan.steps.map((s) => s.intent)).toEqual([
      { kind: 'work' },
      { kind: 'note', body: 'Defect tracker: VERIFIED' },
      { kind: 'note', body: 'Intervention scheduled' },
      { kind: 'resolve', code: 'resolved', note: 'Imported' },
      { kind: 'close' },
    ]);
  });

  it('treats an opening Insert ticket as the submit itself', () => {
    const plan = planOf(
      ['Insert ticket', '2012/10/09 14:00:00.000'],
      ['Assign seriousness', '2012/10/09 14:50:17.000'],
    );
    expect(plan.submit.at.toISOString()).toBe('2012-10-09T14:00:00.000Z');
    expect(plan.steps.map((s) => s.source)).toEqual(['Assign seriousness']);
  });

  it('counts unknown activities instead of guessing', () => {
    const plan = planOf(
      ['Assign seriousness', '2012/10/09 14:50:17.000'],
      ['Phone the customer', '2012/10/09 15:00:00.000'],
    );
    expect(plan.skipped).toEqual({ 'activity Phone the customer': 1 });
  });

  it('orders rows by time and keeps file order for equal times', () => {
    const rows = helpdeskCase(
      ['Closed', '2012/11/10 09:00:00.000'],
      ['Resolve ticket', '2012/10/11 09:00:00.000'],
      ['Take in charge ticket', '2012/10/11 09:00:00.000'],
    );
    expect(orderHelpdeskRows(rows).map((r) => r.row.Activity)).toEqual([
      'Resolve ticket',
      'Take in charge ticket',
      'Closed',
    ]);
  });
});
