import { type Actor, type SubmitInput, toPublicTicket } from '@ticketry/core';
import { etagOf, json } from './respond.js';
import type { RouteContext } from './route.js';

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
 * The answer to a trapped submission: the 201 a real one gets, built by
 * the desk as it would build the ticket (the next reference, the SLA's
 * deadlines, the files on the first message) with a `tkr_` token,
 * `Location` and `ETag`. Nothing is stored but the reference number it
 * uses up, and the token opens nothing, so the bot learns nothing it
 * could tell from a success.
 */
export async function decoyResponse(
  ctx: RouteContext,
  input: SubmitInput,
  actor: Actor | undefined,
): Promise<Response> {
  const { ticket, event } = await ctx.desk.submit(input, {
    actor,
    decoy: true,
  });
  const view = toPublicTicket(ticket, [event]);
  return json({ ticket: view, accessToken: lookalikeToken() }, 201, {
    location: `${ctx.basePath}/tickets/${encodeURIComponent(ticket.id)}`,
    etag: etagOf(ticket.version),
  });
}
