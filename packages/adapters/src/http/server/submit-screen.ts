import { type Submission, shown, TicketryError } from '@ticketry/core';
import type { Caller } from './auth.js';
import { filledHoneypot } from './honeypot.js';
import type { RouteContext } from './route.js';

/**
 * The header the widget sends a CAPTCHA token in (from its
 * `captchaProvider`); read it in `verifyHuman`.
 */
export const CAPTCHA_HEADER = 'ticketry-captcha';

/** What `verifyHuman` answers: yes, or no with a reason to show. */
export type HumanVerdict = boolean | { ok: boolean; reason?: string };

/**
 * Asks a CAPTCHA provider (or any check of yours) whether a submission
 * comes from a person. It gets the request (headers, the token in
 * `Ticketry-Captcha`) and the validated submission. Not called for
 * agent API keys or for submissions the honeypot already caught.
 */
export type VerifyHuman = (
  request: Request,
  submission: Submission,
) => HumanVerdict | Promise<HumanVerdict>;

/** What the submit route checks beyond the schema. */
export interface SubmitScreen {
  /** The honeypot field's name; null when off. */
  honeypot: string | null;
  verifyHuman?: VerifyHuman;
  /** Counts the submission against its requester's budget. */
  limitRequester?(site: string, email: string): Promise<void>;
}

async function checkHuman(
  verify: VerifyHuman,
  request: Request,
  submission: Submission,
): Promise<void> {
  const verdict = await verify(request, submission);
  const ok = typeof verdict === 'boolean' ? verdict : verdict?.ok === true;
  if (ok) return;
  const reason =
    typeof verdict === 'object' && typeof verdict?.reason === 'string'
      ? shown(verdict.reason, 200)
      : 'the check that you are a person did not pass; try again';
  throw new TicketryError('CAPTCHA_FAILED', reason);
}

/**
 * Screens a validated submission before anything is stored: counts it
 * against its requester (429 over budget), asks `verifyHuman` (403
 * `CAPTCHA_FAILED` when it says no) and answers true when the honeypot
 * caught it: the caller then answers with `decoyResponse`, storing nothing.
 */
export async function screenSubmission(
  ctx: RouteContext,
  raw: unknown,
  submission: Submission,
  caller: Caller | null,
): Promise<boolean> {
  const screen = ctx.screen;
  if (!screen) return false;
  const email =
    caller?.kind === 'identity'
      ? caller.identity.email
      : submission.requester.email;
  if (caller?.kind !== 'agent') {
    await screen.limitRequester?.(ctx.desk.siteId, email);
  }
  if (filledHoneypot(raw, screen.honeypot)) return true;
  if (screen.verifyHuman && caller?.kind !== 'agent') {
    await checkHuman(screen.verifyHuman, ctx.request, submission);
  }
  return false;
}
