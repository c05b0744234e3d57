import { dirname, join } from 'node:path';
import {
  type AttachmentStore,
  createFileAttachmentStore,
} from '@ticketry/adapters/http/server';
import type { FormInput } from '@ticketry/core';

/**
 * The demo desk's submission form: two custom fields after the built-in
 * ones, and attachments (screenshots, PDFs, text logs up to 5 MB).
 */
export const DEMO_FORM: FormInput = {
  fields: [
    {
      name: 'asset',
      kind: 'text',
      label: 'Asset tag',
      maxLength: 20,
      hint: 'On the sticker under the device, e.g. PC-0042',
    },
    {
      name: 'office',
      kind: 'select',
      label: 'Office',
      options: ['Berlin', 'Lyon', 'Remote'],
    },
  ],
  attachments: {
    types: ['image/png', 'image/jpeg', 'application/pdf', 'text/plain'],
    maxBytes: 5 * 1024 * 1024,
    maxFiles: 3,
  },
};

/** Uploads nobody submitted are dropped after a day. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/** Attachments on disk beside the SQLite file: `.ticketry/attachments`. */
export function demoAttachmentStore(dbFile: string): AttachmentStore {
  return createFileAttachmentStore(join(dirname(dbFile), 'attachments'));
}
