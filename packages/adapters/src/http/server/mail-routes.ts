import { TicketryError } from '@ticketry/core';
import * as z from 'zod';
import { requireAgent } from './auth.js';
import { readBytes } from './body.js';
import { json, problem } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** What `POST /mail/inbound` needs: an intake from `@ticketry/adapters/email`. */
export interface MailInboundService {
  intake: {
    receive(raw: Uint8Array): Promise<{
      outcome: 'created' | 'replied' | 'ignored';
      reason: string;
      ticket?: { id: string; ref: string };
      cc: string[];
    }>;
  };
  /**
   * A shared secret the inbound-mail webhook sends as
   * `X-Ticketry-Mail-Secret` (at least 32 characters) instead of an
   * agent API key; a shorter secret is never accepted. @default only
   * agent keys are taken
   */
  secret?: string;
  /** Largest message taken, in bytes. @default 10 MiB */
  maxBytes?: number;
}

const SECRET_HEADER = 'x-ticketry-mail-secret';
/** Seconds a webhook waits before resending a message taken right now. */
const IN_PROGRESS_RETRY_SECONDS = 5;
const MAIL_TYPES = ['message/rfc822', 'text/plain', 'application/octet-stream'];

const intakeResultSchema = z.object({
  outcome: z.enum(['created', 'replied', 'ignored']),
  reason: z.string(),
  ticket: z.object({ id: z.string(), ref: z.string() }).optional(),
  cc: z.array(z.string()),
});

async function digest(text: string): Promise<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** Compares two secrets in time that does not depend on where they differ. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

async function authorize(ctx: RouteContext, service: MailInboundService) {
  const sent = ctx.request.headers.get(SECRET_HEADER);
  if (sent === null) {
    await requireAgent(ctx.desk, ctx.request);
    return;
  }
  const secret = service.secret ?? '';
  // A short secret is guessable: it is never accepted.
  if (secret.length < 32 || !(await sameSecret(sent, secret))) {
    throw new TicketryError('UNAUTHENTICATED', 'unknown mail webhook secret');
  }
}

async function receive(ctx: RouteContext): Promise<Response> {
  const service = ctx.services.mail;
  if (!service) {
    throw new TicketryError('NOT_FOUND', 'mail intake is off on this server');
  }
  await authorize(ctx, service);
  const type = ctx.request.headers
    .get('content-type')
    ?.split(';')[0]
    ?.trim()
    .toLowerCase();
  if (!type || !MAIL_TYPES.includes(type)) {
    throw new TicketryError(
      'MALFORMED_REQUEST',
      'send the raw message with Content-Type: message/rfc822',
    );
  }
  const bytes = await readBytes(
    ctx.request,
    service.maxBytes ?? 10 * 1024 * 1024,
  );
  const result = await service.intake.receive(bytes);
  if (result.reason === 'in_progress') {
    // Another copy is being taken: a 2xx would tell the sender the mail
    // is delivered although that copy may still fail and be released.
    return problem(
      503,
      'MAIL_IN_PROGRESS',
      'this message is being taken right now; send it again shortly',
      { headers: { 'retry-after': String(IN_PROGRESS_RETRY_SECONDS) } },
    );
  }
  return json(result, result.outcome === 'created' ? 201 : 200);
}

/** `POST /mail/inbound`: raw mail from an inbound webhook or a fetcher. */
export const mailRoutes: Route[] = [
  {
    method: 'POST',
    path: '/mail/inbound',
    operationId: 'receiveMail',
    summary:
      'Takes one raw RFC 5322 message: a new ticket, a reply threaded by In-Reply-To/References or the [ref] in the subject, or nothing (a redelivery, the desk’s own mail, a bounce). A copy that arrives while the same message is being taken gets 503 MAIL_IN_PROGRESS with Retry-After, so the sender tries again. Authenticated by an agent key or the webhook secret header.',
    access: 'agent',
    rawBody: {
      description: 'The message as it came over SMTP, headers and all',
      mediaTypes: MAIL_TYPES,
    },
    headers: [
      {
        name: 'X-Ticketry-Mail-Secret',
        required: false,
        description:
          'The inbound webhook’s shared secret, instead of an agent key',
      },
    ],
    errors: [404, 503],
    responses: {
      200: {
        description: 'Threaded to a ticket, or ignored',
        schema: intakeResultSchema,
      },
      201: { description: 'A new ticket', schema: intakeResultSchema },
    },
    handle: receive,
  },
];
