import { ATTACHMENT_TYPES, attachmentInfoSchema } from '@ticketry/core';
import { download, upload } from './attachments/routes.js';
import type { Route } from './route.js';

/** `POST /attachments` and `GET /tickets/:id/attachments/:attachmentId`. */
export const attachmentRoutes: Route[] = [
  {
    method: 'POST',
    path: '/attachments',
    operationId: 'uploadAttachment',
    summary:
      'Stores a file for a submission or reply in progress: the raw bytes as the body, the name as ?name=, under the Idempotency-Key the submission or reply will use. The type is recognised from the bytes; a declared Content-Type must agree.',
    access: 'none',
    rawBody: {
      description: 'The file itself, at most the form’s attachments.maxBytes',
      mediaTypes: Object.keys(ATTACHMENT_TYPES),
    },
    headers: [
      {
        name: 'Idempotency-Key',
        required: true,
        description:
          'The key the submission or reply that lists this file will send',
      },
    ],
    errors: [403],
    responses: {
      201: {
        description: 'The stored file; list its id in the submission',
        schema: attachmentInfoSchema,
      },
    },
    handle: upload,
  },
  {
    method: 'GET',
    path: '/tickets/:id/attachments/:attachmentId',
    operationId: 'downloadAttachment',
    summary:
      'A file of the ticket, always as a download (Content-Disposition: attachment, nosniff, a sandboxing CSP).',
    access: 'ticket',
    queryToken: true,
    notFound: 'No such ticket, or no such attachment on it',
    responses: {
      200: {
        description: 'The file, typed as recognised from its bytes',
        mediaType: 'application/octet-stream',
        headers: [
          'Content-Disposition',
          'X-Content-Type-Options',
          'Content-Security-Policy',
        ],
      },
    },
    handle: download,
  },
];
