import { createId, type PublicTicket, type Submission } from '@ticketry/core';
import { json } from './respond.js';

/**
 * The name of the honeypot field when none is configured: a field a
 * person never sees (the widget renders it off-screen, hidden from
 * assistive technology) and a form-filling bot tends to fill.
 */
export const DEFAULT_HONEYPOT = 'website';

/** A honeypot field name: a plain identifier, not a built-in field. */
export function checkHoneypot(name: string | false | undefined): string | null {
  if (name === false) return null;
  const field = name ?? DEFAULT_HONEYPOT;
  const builtIn = ['subject', 'description', 'requester', 'category'];
  const clash = [...builtIn, 'fields', 'attachments'].includes(field);
  if (!/^[A-Za-z][\w-]{0,63}$/.test(field) || clash) {
    throw new TypeError(
      `createHttpHandler: \`honeypot\` must be a field name like 'website' that the submission does not use, or false`,
    );
  }
  return field;
}

/** True when a raw submission body filled the honeypot field. */
export function filledHoneypot(raw: unknown, field: string | null): boolean {
  if (field === null || typeof raw !== 'object' || raw === null) return false;
  const value = (raw as Record<string, unknown>)[field];
  if (value === undefined || value === null || value === false) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

/** A string shaped like a requester access token: `tkr_` and 43 characters. */
function lookalikeToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const text = btoa(String.fromCharCode(...bytes));
  return `tkr_${text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/**
 * The answer to a trapped submission: a 201 shaped like a real one (a
 * new ticket, a `tkr_` token, `Location` and `ETag`), for a ticket that
 * does not exist. Nothing is stored, and the token opens nothing, so
 * the bot learns nothing it could tell from a success.
 */
export function decoyResponse(
  submission: Submission,
  at: Date,
  basePath: string,
): Response {
  const when = at.toISOString();
  const id = createId(at.getTime());
  const serial = 1001 + Math.floor(Math.random() * 9000);
  const ticket: PublicTicket = {
    id,
    ref: `T-${serial}`,
    version: 1,
    status: 'new',
    pendingReason: null,
    subject: submission.subject,
    category: submission.category ?? null,
    createdAt: when,
    updatedAt: when,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    reopenUntil: null,
    satisfaction: null,
    messages: [
      {
        id: createId(at.getTime()),
        at: when,
        author: 'requester',
        body: submission.description,
      },
    ],
    expectation: null,
  };
  return json({ ticket, accessToken: lookalikeToken() }, 201, {
    location: `${basePath}/tickets/${encodeURIComponent(id)}`,
    etag: '"1"',
  });
}
