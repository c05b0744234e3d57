import { type Actor, TicketryError, ticketSchema } from '@ticketry/core';
import { z } from 'zod';
import { type Caller, requireAgent, requireCaller } from './auth.js';
import { parseWith, readJson } from './body.js';
import { peopleService } from './people-services.js';
import { queryOf } from './query.js';
import { json, notFound } from './respond.js';
import type { Route, RouteContext } from './route.js';

const watcherInputSchema = z.strictObject({
  email: z.string().max(254),
  name: z.string().max(120).optional(),
});

const removeQuerySchema = z.strictObject({ email: z.string().max(254) });

const watcherList = z.object({
  items: z.array(
    z.object({
      requesterId: z.string(),
      email: z.string(),
      name: z.string().nullable(),
    }),
  ),
});

const changeAnswer = z.object({
  changed: z.boolean(),
  requesterId: z.string(),
  ticket: ticketSchema,
});

const removeAnswer = changeAnswer.partial({ ticket: true });

const watchers = (ctx: RouteContext) => peopleService(ctx, 'watchers');

async function add(ctx: RouteContext) {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const input = parseWith(watcherInputSchema, raw, 'watcher');
  const done = await watchers(ctx).addWatcher(ctx.params.id!, input, actor);
  return json(done, done.changed ? 201 : 200);
}

/**
 * Who removes: an agent; the ticket's own requester token; or a
 * host-verified identity removing its own address. Anyone else, and an
 * identity naming another address, gets 403.
 */
async function removerOf(
  ctx: RouteContext,
  caller: Caller,
  email: string,
): Promise<Actor> {
  if (caller.kind === 'agent') return caller.actor;
  const id = ctx.params.id!;
  if (caller.kind === 'requester' && caller.ticketId === id) {
    const ticket = await ctx.desk.get(id);
    if (!ticket) throw notFound(id);
    return { role: 'requester', id: ticket.requesterId };
  }
  if (caller.kind === 'requester') {
    throw new TicketryError(
      'FORBIDDEN',
      'this access token is for another ticket: use that ticket’s own link',
    );
  }
  const self =
    caller.kind === 'identity' &&
    caller.requesterId !== null &&
    caller.identity.email.toLowerCase() === email.toLowerCase();
  if (!self) {
    throw new TicketryError(
      'FORBIDDEN',
      'a requester may remove only their own address',
    );
  }
  return { role: 'requester', id: caller.requesterId };
}

async function remove(ctx: RouteContext) {
  const caller = await requireCaller(ctx.desk, ctx.request, ctx.identity);
  const query = queryOf(ctx.url);
  const { email } = parseWith(removeQuerySchema, query, 'query');
  const actor = await removerOf(ctx, caller, email);
  const done = await watchers(ctx).removeWatcher(
    ctx.params.id!,
    { email },
    actor,
  );
  // Only agents see the stored ticket; requesters learn what changed.
  const { changed, requesterId } = done;
  return json(caller.kind === 'agent' ? done : { changed, requesterId });
}

/** Watchers (CCs) of a ticket: agents add and list; people leave. */
export const watcherRoutes: Route[] = [
  {
    method: 'GET',
    path: '/tickets/:id/watchers',
    operationId: 'listWatchers',
    summary: 'Lists the people who receive the ticket’s public updates.',
    access: 'agent',
    responses: { 200: { description: 'Watchers', schema: watcherList } },
    handle: async (ctx) => {
      await requireAgent(ctx.desk, ctx.request);
      return json({ items: await watchers(ctx).listWatchers(ctx.params.id!) });
    },
  },
  {
    method: 'POST',
    path: '/tickets/:id/watchers',
    operationId: 'addWatcher',
    summary:
      'Adds a watcher by address (audited as ticket.watcher_added); 200 when they already watch. The desk’s own and mail systems’ addresses (postmaster, no-reply…) are refused with 422 WATCHER_REFUSED; merged, cancelled and closed tickets with 409 TRANSITION_NOT_ALLOWED.',
    access: 'agent',
    body: watcherInputSchema,
    errors: [409, 422],
    responses: {
      201: { description: 'Added', schema: changeAnswer },
      200: { description: 'Already watching', schema: changeAnswer },
    },
    handle: add,
  },
  {
    method: 'DELETE',
    path: '/tickets/:id/watchers',
    operationId: 'removeWatcher',
    summary:
      'Removes the watcher `?email=`: agents remove anyone, the ticket’s requester its watchers (another address: 403), an identity only itself (404 when it does not watch the ticket).',
    access: 'ticket',
    query: removeQuerySchema,
    errors: [403, 404],
    responses: {
      200: {
        description: 'Removed, or was not watching; the ticket only for agents',
        schema: removeAnswer,
      },
    },
    handle: remove,
  },
];
