import {
  auditEventSchema,
  linkInputSchema,
  type Relations,
  splitOptionsSchema,
  TicketryError,
  ticketSchema,
} from '@ticketry/core';
import { z } from 'zod';
import { requireAgent } from './auth.js';
import { parseWith, readJson } from './body.js';
import { queryOf } from './query.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';

const linkQuerySchema = z.strictObject({
  type: linkInputSchema.shape.type,
  ticketId: linkInputSchema.shape.ticketId,
});

const splitInputSchema = z.strictObject({
  messageId: z.string().min(1).max(64),
  ...splitOptionsSchema.shape,
});

const linkAnswer = z.object({
  /** False when the link was already as asked: nothing was written. */
  changed: z.boolean(),
  ticket: ticketSchema,
  other: ticketSchema,
  events: z.array(auditEventSchema),
});

const splitAnswer = z.object({ ticket: ticketSchema, created: ticketSchema });

const suggestionSchema = z.object({
  ticketId: z.string(),
  ref: z.string(),
  subject: z.string(),
  score: z.number(),
  createdAt: z.string(),
});

const duplicatesAnswer = z.object({
  /** Open look-alike tickets of the same requester, now. */
  suggestions: z.array(suggestionSchema),
  /** What intake offered when the ticket arrived, if anything. */
  offered: z
    .object({ suggestions: z.array(suggestionSchema), at: z.string() })
    .nullable(),
});

function relationsOf(ctx: RouteContext): Relations {
  const relations = ctx.services.relations;
  if (!relations) {
    throw new TicketryError('NOT_FOUND', 'relations are not configured here');
  }
  return relations;
}

async function addLink(ctx: RouteContext): Promise<Response> {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const link = parseWith(linkInputSchema, raw, 'link');
  const done = await relationsOf(ctx).link(ctx.params.id!, link, actor);
  const changed = done.events.length > 0;
  return json({ changed, ...done }, changed ? 201 : 200);
}

async function removeLink(ctx: RouteContext): Promise<Response> {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  const query = queryOf(ctx.url);
  const link = parseWith(linkQuerySchema, query, 'query');
  const done = await relationsOf(ctx).unlink(ctx.params.id!, link, actor);
  return json({ changed: done.events.length > 0, ...done });
}

async function split(ctx: RouteContext): Promise<Response> {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const { messageId, ...options } = parseWith(splitInputSchema, raw, 'split');
  const relations = relationsOf(ctx);
  const done = await relations.split(ctx.params.id!, messageId, options, actor);
  return json(done, 201);
}

async function duplicates(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const relations = relationsOf(ctx);
  const id = ctx.params.id!;
  const suggestions = await relations.duplicates(id);
  return json({ suggestions, offered: await relations.offered(id) });
}

const off = 'No such ticket, or relations are not configured';

/** Links, split and duplicate suggestions (merge is a command). */
export const relationRoutes: Route[] = [
  {
    method: 'POST',
    path: '/tickets/:id/links',
    operationId: 'linkTicket',
    summary:
      'Links two tickets (related, duplicate_of, parent_of/child_of, depends_on/blocks): both sides are recorded, each with an audit event (agents only).',
    access: 'agent',
    body: linkInputSchema,
    errors: [409],
    notFound: off,
    responses: {
      201: { description: 'Linked', schema: linkAnswer },
      200: {
        description: 'Already linked; nothing written',
        schema: linkAnswer,
      },
    },
    handle: addLink,
  },
  {
    method: 'DELETE',
    path: '/tickets/:id/links',
    operationId: 'unlinkTicket',
    summary:
      'Removes a link from both tickets, named by ?type=…&ticketId=… (agents only).',
    access: 'agent',
    query: linkQuerySchema,
    notFound: 'No such ticket or link, or relations are not configured',
    responses: { 200: { description: 'Unlinked', schema: linkAnswer } },
    handle: removeLink,
  },
  {
    method: 'POST',
    path: '/tickets/:id/split',
    operationId: 'splitTicket',
    summary:
      'Makes a new ticket from one public message of this one (same requester and channel), linked split_from/split_into (agents only).',
    access: 'agent',
    body: splitInputSchema,
    errors: [409],
    notFound: 'No such ticket or message, or relations are not configured',
    responses: {
      201: {
        description: 'The ticket split and the new one',
        schema: splitAnswer,
      },
    },
    handle: split,
  },
  {
    method: 'GET',
    path: '/tickets/:id/duplicates',
    operationId: 'listDuplicateSuggestions',
    summary:
      'Possible duplicates: open tickets of the same requester with a similar subject, within the window; suggestions only, never merged by themselves (agents only).',
    access: 'agent',
    notFound: off,
    responses: {
      200: {
        description: 'The suggestions, best first',
        schema: duplicatesAnswer,
      },
    },
    handle: duplicates,
  },
];
