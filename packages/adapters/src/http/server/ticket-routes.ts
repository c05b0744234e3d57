import {
  publicTicketSchema,
  submissionSchema,
  submitResponseSchema,
  ticketSchema,
} from '@ticketry/core';
import { z } from 'zod';
import { attachmentsFor, claimAttachments } from './attachments/routes.js';
import { optionalCaller, requireAgent, requireCaller } from './auth.js';
import { parseWith, readJson } from './body.js';
import { decoyResponse } from './honeypot.js';
import { requireTicketRead } from './people-services.js';
import { idempotencyKeyFrom } from './preconditions.js';
import { queryOf } from './query.js';
import { etagOf, json, notFound } from './respond.js';
import type { Route, RouteContext } from './route.js';
import { MULTI_VALUED, ticketPageSchema } from './schemas.js';
import { screenSubmission } from './submit-screen.js';
import { searchQuerySchema, searchTickets } from './ticket-search.js';

async function submit(ctx: RouteContext): Promise<Response> {
  const { desk, request } = ctx;
  const caller = await optionalCaller(desk, request, ctx.identity);
  const idempotencyKey = idempotencyKeyFrom(request);
  const raw = await readJson(request, ctx.maxBodyBytes);
  const submission = parseWith(
    ctx.form?.schema ?? submissionSchema,
    raw,
    'submission',
  );
  const files = await attachmentsFor(
    ctx,
    submission.attachments,
    idempotencyKey,
  );
  const actor = caller?.kind === 'agent' ? caller.actor : undefined;
  const channel: 'api' | 'web' = actor ? 'api' : 'web';
  const input = { ...submission, attachments: files, channel };
  if (await screenSubmission(ctx, raw, submission, caller)) {
    return decoyResponse(ctx, input, actor);
  }
  // An identified requester files under the address the host verified.
  if (caller?.kind === 'identity') {
    const { email, name } = caller.identity;
    const shownName = name ?? submission.requester.name;
    input.requester = { email, ...(shownName && { name: shownName }) };
  }
  const result = await desk.submit(input, { actor, idempotencyKey });
  const id = result.ticket.id;
  await claimAttachments(ctx, files, id);
  // A replay hands out a new token: the first answer may have been lost.
  const accessToken = await desk.createAccessToken(id);
  const ticket = await desk.publicView(id);

  const headers: Record<string, string> = {
    location: `${ctx.basePath}/tickets/${encodeURIComponent(id)}`,
    etag: etagOf(ticket.version),
  };
  if (result.replayed) headers['idempotent-replayed'] = 'true';
  return json({ ticket, accessToken }, result.replayed ? 200 : 201, headers);
}

async function getTicket(ctx: RouteContext): Promise<Response> {
  const { desk, request } = ctx;
  const id = ctx.params.id!;
  const caller = await requireCaller(desk, request, ctx.identity);
  await requireTicketRead(ctx, caller, id);

  if (caller.kind !== 'agent') {
    const ticket = await desk.publicView(id);
    return json(ticket, 200, { etag: etagOf(ticket.version) });
  }
  const ticket = await desk.get(id);
  if (!ticket) throw notFound(id);
  return json(ticket, 200, { etag: etagOf(ticket.version) });
}

async function listTickets(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const { q, ...query } = parseWith(
    searchQuerySchema,
    queryOf(ctx.url, MULTI_VALUED),
    'query',
  );
  if (q !== undefined) return json(await searchTickets(ctx, { ...query, q }));
  return json(await ctx.desk.list(query));
}

/** `POST /tickets`, `GET /tickets/:id` and `GET /tickets`. */
export const ticketRoutes: Route[] = [
  {
    method: 'POST',
    path: '/tickets',
    operationId: 'submitTicket',
    summary:
      'Opens a ticket. With an Idempotency-Key, a retry of the same body returns the same ticket.',
    access: 'public',
    body: submissionSchema,
    headers: [
      {
        name: 'Idempotency-Key',
        required: false,
        description:
          '8 to 255 visible ASCII characters, new for each submission',
      },
      {
        name: 'Ticketry-Captcha',
        required: false,
        description:
          'A CAPTCHA token for the server’s verifyHuman hook, when it has one',
      },
    ],
    errors: [403, 429],
    responses: {
      201: {
        description: 'The new ticket and an access token for it',
        schema: submitResponseSchema,
        headers: ['Location', 'ETag'],
      },
      200: {
        description:
          'A retry of an earlier submission (Idempotent-Replayed: true), with a fresh token',
        schema: submitResponseSchema,
        headers: ['Idempotent-Replayed', 'Location', 'ETag'],
      },
    },
    handle: submit,
  },
  {
    method: 'GET',
    path: '/tickets/:id',
    operationId: 'getTicket',
    summary:
      'Reads a ticket: the public view for its requester token, the full ticket for an agent key.',
    access: 'ticket',
    responses: {
      200: {
        description: 'The ticket; ETag holds its version',
        schema: z.union([ticketSchema, publicTicketSchema]),
        headers: ['ETag'],
      },
    },
    handle: getTicket,
  },
  {
    method: 'GET',
    path: '/tickets',
    operationId: 'listTickets',
    summary:
      'Lists tickets for agents, filtered, sorted and paged; `q` searches their text (one page, no cursor).',
    access: 'agent',
    query: searchQuerySchema,
    responses: {
      200: { description: 'One page of tickets', schema: ticketPageSchema },
    },
    handle: listTickets,
  },
];
