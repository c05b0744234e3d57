import {
  publicTicketSchema,
  TicketryError,
  toPublicTicket,
} from '@ticketry/core';
import { z } from 'zod';
import { requireCaller } from './auth.js';
import { parseWith } from './body.js';
import { queryOf } from './query.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';
import { listQuerySchema } from './schemas.js';

/** Tickets per page of `GET /me/tickets` when `limit` is not given. */
const DEFAULT_PAGE = 50;

/** The query of `GET /me/tickets`: a page size and a cursor. */
export const myTicketsQuerySchema = listQuerySchema.pick({
  limit: true,
  cursor: true,
});

/** `GET /me/tickets`: the identified requester's tickets. */
export const myTicketsSchema = z.object({
  identity: z.object({
    userId: z.string(),
    email: z.string(),
    name: z.string().nullable(),
  }),
  items: z.array(publicTicketSchema),
  nextCursor: z.string().nullable(),
});

/** `GET /policy`: what a requester may do after a resolution. */
export const policySchema = z.object({
  closedReplyPolicy: z.enum(['reopen', 'reject', 'new_ticket']),
});

async function myTickets(ctx: RouteContext): Promise<Response> {
  const { desk } = ctx;
  const caller = await requireCaller(desk, ctx.request, ctx.identity);
  if (caller.kind !== 'identity') {
    throw new TicketryError(
      'FORBIDDEN',
      'this route needs an identity token (tki_…) signed by the host site',
    );
  }
  const query = parseWith(myTicketsQuerySchema, queryOf(ctx.url), 'query');
  const page = caller.requesterId
    ? await desk.list({
        requesterId: caller.requesterId,
        sort: '-createdAt',
        limit: query.limit ?? DEFAULT_PAGE,
        cursor: query.cursor ?? null,
      })
    : { items: [], nextCursor: null };
  const items = await Promise.all(
    page.items.map(async (t) => toPublicTicket(t, await desk.events(t.id))),
  );
  const { userId, email, name } = caller.identity;
  return json({
    identity: { userId, email, name },
    items,
    nextCursor: page.nextCursor,
  });
}

/** The identified requester's tickets, and the desk's requester policy. */
export const meRoutes: Route[] = [
  {
    method: 'GET',
    path: '/me/tickets',
    operationId: 'listMyTickets',
    summary:
      "The identified requester's tickets (public views, newest first), for an identity token the host site signed.",
    access: 'identity',
    query: myTicketsQuerySchema,
    responses: {
      200: {
        description: 'Who the token names and one page of their tickets',
        schema: myTicketsSchema,
      },
    },
    handle: myTickets,
  },
  {
    method: 'GET',
    path: '/policy',
    operationId: 'getPolicy',
    summary:
      "What a requester's reply to a closed ticket does: reopen it, open a linked new ticket, or nothing (reject).",
    access: 'none',
    responses: {
      200: { description: 'The policy', schema: policySchema },
    },
    handle: async (ctx) =>
      json({ closedReplyPolicy: ctx.desk.closedReplyPolicy }, 200, {
        'cache-control': 'max-age=300',
      }),
  },
];
