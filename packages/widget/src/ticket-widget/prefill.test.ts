import type { Form } from '@ticketry/core/public';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from './draft.js';
import type { FormExtras } from './form-extras.js';
import { applyPrefill } from './prefill.js';

const form: Form = {
  fields: [
    {
      name: 'office',
      kind: 'select',
      label: 'Office',
      options: ['Oslo', 'Lyon'],
    },
    { name: 'since', kind: 'date', label: 'Since when' },
    { name: 'asset', kind: 'text', label: 'Asset tag' },
    { name: 'urgent', kind: 'checkbox', label: 'Urgent' },
  ],
} as Form;

/** The part of the form's extras that prefill reads and writes. */
function extras(): FormExtras {
  return { form, values: {} } as unknown as FormExtras;
}

describe('applyPrefill', () => {
  it('fills what the controls can show', () => {
    const draft = emptyDraft();
    const x = extras();
    applyPrefill(
      draft,
      x,
      {
        subject: 'VPN drops',
        fields: {
          office: 'Lyon',
          since: '2026-02-28',
          asset: 'PC-1',
          urgent: true,
        },
      },
      new Set(),
    );
    expect(draft.subject).toBe('VPN drops');
    expect(x.values).toEqual({
      office: 'Lyon',
      since: '2026-02-28',
      asset: 'PC-1',
      urgent: true,
    });
  });

  it('skips an option the select lacks, a day that does not exist and wrong types', () => {
    const x = extras();
    applyPrefill(
      emptyDraft(),
      x,
      {
        fields: {
          office: 'Mars',
          since: '2026-02-30',
          asset: true,
          urgent: 'yes',
          unknown: 'x',
        },
      },
      new Set(),
    );
    expect(x.values).toEqual({});
  });

  it('never overwrites what the requester typed', () => {
    const draft = emptyDraft();
    draft.subject = 'typed';
    const x = extras();
    applyPrefill(
      draft,
      x,
      { subject: 'prefilled', fields: { office: 'Oslo' } },
      new Set(['subject', 'cf-office']),
    );
    expect(draft.subject).toBe('typed');
    expect(x.values).toEqual({});
  });
});
