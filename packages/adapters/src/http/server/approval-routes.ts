import { decisionSchema, ticketSchema } from '@ticketry/core';
import { z } from 'zod';
import { requireAgent } from './auth.js';
import { parseWith, readJson } from './body.js';
import { peopleService } from './people-services.js';
import { queryOf } from './query.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';
import { commandResultSchema } from './schemas.js';

const pendingQuery = z.strictObject({
  /** `true`: only tickets the caller may decide on. */
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(512).optional(),
});

const pendingAnswer = z.object({
  items: z.array(ticketSchema),
  nextCursor: z.string().nullable(),
});

const approvals = (ctx: RouteContext) => peopleService(ctx, 'approvals');

async function listPending(ctx: RouteContext) {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  const query = parseWith(pendingQuery, queryOf(ctx.url), 'query');
  const page = await approvals(ctx).listPending({
    ...(query.mine === 'true' && { actor }),
    limit: query.limit,
    cursor: query.cursor ?? null,
  });
  return json(page);
}

const decide = (granted: boolean) => async (ctx: RouteContext) => {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const input = parseWith(decisionSchema, raw, 'decision');
  const service = approvals(ctx);
  const id = ctx.params.id!;
  const done = granted
    ? await service.approve(id, input, actor)
    : await service.reject(id, input, actor);
  return json(done);
};

/** Approvals: what waits, and an approver's decision. */
export const approvalRoutes: Route[] = [
  {
    method: 'GET',
    path: '/approvals/pending',
    operationId: 'listPendingApprovals',
    summary:
      'Tickets waiting for approval, oldest first; `?mine=true` keeps those the caller may decide on.',
    access: 'agent',
    query: pendingQuery,
    responses: { 200: { description: 'A page', schema: pendingAnswer } },
    handle: listPending,
  },
  {
    method: 'POST',
    path: '/tickets/:id/approval/approve',
    operationId: 'approveTicket',
    summary:
      'An approver approves: audited with who and why, then the ticket resumes to open.',
    access: 'agent',
    body: decisionSchema,
    errors: [403, 409],
    responses: {
      200: { description: 'The resumed ticket', schema: commandResultSchema },
    },
    handle: decide(true),
  },
  {
    method: 'POST',
    path: '/tickets/:id/approval/reject',
    operationId: 'rejectTicket',
    summary:
      'An approver refuses (a reason is required): audited, then the ticket is cancelled as rejected.',
    access: 'agent',
    body: decisionSchema,
    errors: [403, 409],
    responses: {
      200: { description: 'The cancelled ticket', schema: commandResultSchema },
    },
    handle: decide(false),
  },
];
