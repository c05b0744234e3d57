import type { FormInput } from '@ticketry/core/public';

/** The form the `/w3` test API serves; tests compare against it. */
export const TEST_FORM: FormInput = {
  fields: [
    { name: 'asset', kind: 'text', label: 'Asset tag', maxLength: 8 },
    {
      name: 'steps',
      kind: 'longText',
      label: 'Steps to reproduce',
      required: true,
      hint: 'What you did, one step a line',
    },
    {
      name: 'office',
      kind: 'select',
      label: 'Office',
      options: ['Berlin', 'Lyon'],
      required: true,
    },
    { name: 'since', kind: 'date', label: 'Since when' },
    {
      name: 'agree',
      kind: 'checkbox',
      label: 'I may be called',
      required: true,
    },
  ],
  attachments: {
    types: ['image/png', 'text/plain', 'application/pdf'],
    maxBytes: 2 * 1024 * 1024,
    maxFiles: 3,
  },
};
