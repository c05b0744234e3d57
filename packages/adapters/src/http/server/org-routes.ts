import {
  organizationInputSchema,
  organizationPatchSchema,
  organizationSchema,
  publicTicketSchema,
  TicketryError,
  toPublicTicket,
} from '@ticketry/core';
import { z } from 'zod';
import { requireCaller, requireSupervisor } from './auth.js';
import { parseWith, readJson } from './body.js';
import { peopleService } from './people-services.js';
import { queryOf } from './query.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';

const orgAnswer = z.object({ organization: organizationSchema });
const orgList = z.object({ items: z.array(organizationSchema) });

/** Who a membership names: an address or a requester id. */
export const memberInputSchema = z.union([
  z.strictObject({ email: z.string().max(254) }),
  z.strictObject({ requesterId: z.string().max(128) }),
]);

/** `?email=` or `?requesterId=`: exactly one. */
const memberQuerySchema = z
  .strictObject({
    email: z.string().max(254).optional(),
    requesterId: z.string().max(128).optional(),
  })
  .refine((q) => (q.email === undefined) !== (q.requesterId === undefined), {
    message: 'name the member by email or by requesterId',
  });

const memberList = z.object({
  items: z.array(
    z.object({ requesterId: z.string(), via: z.enum(['explicit', 'domain']) }),
  ),
});

const sharedQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

const sharedAnswer = z.object({ items: z.array(publicTicketSchema) });

const orgs = (ctx: RouteContext) => peopleService(ctx, 'organizations');

async function create(ctx: RouteContext) {
  const { actor } = await requireSupervisor(ctx.desk, ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const input = parseWith(organizationInputSchema, raw, 'organization');
  const organization = await orgs(ctx).createOrganization(input, actor);
  return json({ organization }, 201);
}

async function update(ctx: RouteContext) {
  const { actor } = await requireSupervisor(ctx.desk, ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const patch = parseWith(organizationPatchSchema, raw, 'organization');
  const id = ctx.params.id!;
  const organization = await orgs(ctx).updateOrganization(id, patch, actor);
  return json({ organization });
}

async function addMember(ctx: RouteContext) {
  const { actor } = await requireSupervisor(ctx.desk, ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const who = parseWith(memberInputSchema, raw, 'member');
  await orgs(ctx).addMember(ctx.params.id!, who, actor);
  return json({ items: await orgs(ctx).listMembers(ctx.params.id!) });
}

async function removeMember(ctx: RouteContext) {
  const { actor } = await requireSupervisor(ctx.desk, ctx.request);
  const query = queryOf(ctx.url);
  const q = parseWith(memberQuerySchema, query, 'query');
  const who = q.email ? { email: q.email } : { requesterId: q.requesterId! };
  await orgs(ctx).removeMember(ctx.params.id!, who, actor);
  return new Response(null, { status: 204 });
}

/** The tickets an identified requester's organizations share. */
async function sharedTickets(ctx: RouteContext) {
  const caller = await requireCaller(ctx.desk, ctx.request, ctx.identity);
  if (caller.kind !== 'identity') {
    throw new TicketryError(
      'FORBIDDEN',
      'this route needs an identity token (tki_…) signed by the host site',
    );
  }
  const query = parseWith(sharedQuery, queryOf(ctx.url), 'query');
  const reader = {
    email: caller.identity.email,
    requesterId: caller.requesterId,
  };
  const tickets = await orgs(ctx).listSharedTickets(reader, query.limit);
  const items = await Promise.all(
    tickets.map(async (t) => toPublicTicket(t, await ctx.desk.events(t.id))),
  );
  return json({ items });
}

const noOrg = 'No such organization, or organizations are not configured';

const supervised = (
  route: Omit<Route, 'access' | 'notFound'> & { notFound?: string },
): Route => ({ access: 'supervisor', notFound: noOrg, ...route });

/** Organizations (supervisors) and what they share (identities). */
export const orgRoutes: Route[] = [
  supervised({
    method: 'GET',
    path: '/organizations',
    operationId: 'listOrganizations',
    summary: 'Lists the organizations requesters belong to.',
    responses: { 200: { description: 'Organizations', schema: orgList } },
    handle: async (ctx) => {
      await requireSupervisor(ctx.desk, ctx.request);
      return json({ items: await orgs(ctx).listOrganizations() });
    },
  }),
  supervised({
    method: 'POST',
    path: '/organizations',
    operationId: 'createOrganization',
    summary:
      'Creates an organization: its mail domains (no free mail providers) and whether members read each other’s tickets.',
    body: organizationInputSchema,
    errors: [409],
    responses: { 201: { description: 'Created', schema: orgAnswer } },
    handle: create,
  }),
  supervised({
    method: 'GET',
    path: '/organizations/:id',
    operationId: 'getOrganization',
    summary: 'Reads an organization.',
    responses: { 200: { description: 'The organization', schema: orgAnswer } },
    handle: async (ctx) => {
      await requireSupervisor(ctx.desk, ctx.request);
      const organization = await orgs(ctx).getOrganization(ctx.params.id!);
      return json({ organization });
    },
  }),
  supervised({
    method: 'PUT',
    path: '/organizations/:id',
    operationId: 'updateOrganization',
    summary:
      'Changes an organization’s name, domains or sharing; domain members follow the new domains.',
    body: organizationPatchSchema,
    responses: { 200: { description: 'Changed', schema: orgAnswer } },
    handle: update,
  }),
  supervised({
    method: 'DELETE',
    path: '/organizations/:id',
    operationId: 'deleteOrganization',
    summary: 'Deletes an organization and its memberships.',
    responses: { 204: { description: 'Deleted' } },
    handle: async (ctx) => {
      const { actor } = await requireSupervisor(ctx.desk, ctx.request);
      await orgs(ctx).deleteOrganization(ctx.params.id!, actor);
      return new Response(null, { status: 204 });
    },
  }),
  supervised({
    method: 'GET',
    path: '/organizations/:id/members',
    operationId: 'listOrganizationMembers',
    summary: 'Lists the requesters recorded in an organization, and how.',
    responses: { 200: { description: 'Members', schema: memberList } },
    handle: async (ctx) => {
      await requireSupervisor(ctx.desk, ctx.request);
      await orgs(ctx).getOrganization(ctx.params.id!);
      return json({ items: await orgs(ctx).listMembers(ctx.params.id!) });
    },
  }),
  supervised({
    method: 'POST',
    path: '/organizations/:id/members',
    operationId: 'addOrganizationMember',
    summary: 'Adds a requester (by email or id) to an organization.',
    body: memberInputSchema,
    responses: { 200: { description: 'The members now', schema: memberList } },
    handle: addMember,
  }),
  supervised({
    method: 'DELETE',
    path: '/organizations/:id/members',
    operationId: 'removeOrganizationMember',
    summary:
      'Removes an explicit member, named by `?email=` or `?requesterId=`.',
    query: memberQuerySchema,
    responses: { 204: { description: 'Removed' } },
    handle: removeMember,
  }),
  {
    method: 'GET',
    path: '/me/organization/tickets',
    operationId: 'listSharedTickets',
    summary:
      'The newest tickets (public views, at most 100) of the identified requester’s organizations that share tickets, theirs included.',
    access: 'identity',
    query: sharedQuery,
    responses: { 200: { description: 'Shared tickets', schema: sharedAnswer } },
    handle: sharedTickets,
  },
];
