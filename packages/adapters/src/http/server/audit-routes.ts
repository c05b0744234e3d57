import {
  auditReportSchema,
  requesterErasureSchema,
  requesterExportSchema,
  verifyAudit,
} from '@ticketry/core';
import { requireAgent, requireSupervisor } from './auth.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';

async function verifyTicket(ctx: RouteContext): Promise<Response> {
  const { desk } = ctx;
  await requireAgent(desk, ctx.request);
  const report = await verifyAudit(desk.store, desk.siteId, ctx.params.id!);
  return json(report);
}

async function exportData(ctx: RouteContext): Promise<Response> {
  const { desk } = ctx;
  await requireSupervisor(desk, ctx.request);
  const data = await desk.exportRequester(ctx.params.id!);
  return json(data);
}

async function erase(ctx: RouteContext): Promise<Response> {
  const { desk } = ctx;
  await requireSupervisor(desk, ctx.request);
  return json(await desk.eraseRequester(ctx.params.id!));
}

/**
 * The audit trail and a requester's data: verifying a ticket's hash
 * chain (agents), exporting and erasing a requester (supervisors).
 * What each proves or keeps: docs/audit.md.
 */
export const auditRoutes: Route[] = [
  {
    method: 'GET',
    path: '/tickets/:id/audit/verify',
    operationId: 'verifyTicketAudit',
    summary:
      "Recomputes a ticket's audit hash chain and reports whether its history is untouched; a broken chain is a 200 with ok false (agents and supervisors).",
    access: 'agent',
    responses: {
      200: {
        description: 'The verification report',
        schema: auditReportSchema,
      },
    },
    handle: verifyTicket,
  },
  {
    method: 'GET',
    path: '/requesters/:id/export',
    operationId: 'exportRequester',
    summary:
      "A requester's record and each of their tickets as they see it, conversation included, as JSON (supervisors).",
    access: 'supervisor',
    notFound: 'No such requester',
    responses: {
      200: { description: 'The export', schema: requesterExportSchema },
    },
    handle: exportData,
  },
  {
    method: 'POST',
    path: '/requesters/:id/erase',
    operationId: 'eraseRequester',
    summary:
      "Replaces a requester's email and name with an erased marker; tickets, their text and every audit chain stay as written (supervisors). Repeating it changes nothing.",
    access: 'supervisor',
    notFound: 'No such requester',
    responses: {
      200: { description: 'What was erased', schema: requesterErasureSchema },
    },
    handle: erase,
  },
];
