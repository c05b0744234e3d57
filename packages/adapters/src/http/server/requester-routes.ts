import { requesterSchema, shown, TicketryError } from '@ticketry/core';
import { requireAgent } from './auth.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** What an agent may read of a requester: no site, nothing else. */
export const requesterViewSchema = requesterSchema.pick({
  id: true,
  email: true,
  name: true,
  createdAt: true,
});

async function getRequester(ctx: RouteContext): Promise<Response> {
  const { desk, request } = ctx;
  await requireAgent(desk, request);
  const id = ctx.params.id!;
  const requester = await desk.store.getRequester(desk.siteId, id);
  if (!requester) {
    throw new TicketryError('NOT_FOUND', `no requester ${shown(id)}`, {
      details: { requesterId: id },
    });
  }

  const { email, name, createdAt } = requester;
  return json({ id: requester.id, email, name, createdAt });
}

/** `GET /requesters/:id`: who filed a ticket, for agents. */
export const requesterRoutes: Route[] = [
  {
    method: 'GET',
    path: '/requesters/:id',
    operationId: 'getRequester',
    summary:
      "A requester's email, name and first-seen time, for the requesterId a ticket carries (agents and supervisors).",
    access: 'agent',
    notFound: 'No such requester',
    responses: {
      200: { description: 'The requester', schema: requesterViewSchema },
    },
    handle: getRequester,
  },
];
