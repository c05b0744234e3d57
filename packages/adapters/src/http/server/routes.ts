import { accessTokenRoutes } from './access-token-routes.js';
import { approvalRoutes } from './approval-routes.js';
import { assistantRoutes } from './assistant-routes.js';
import { attachmentRoutes } from './attachment-routes.js';
import { auditRoutes } from './audit-routes.js';
import { automationRoutes } from './automation-routes.js';
import { classifyRoutes } from './classify-routes.js';
import { commandRoutes } from './command-routes.js';
import { consoleRoutes } from './console-routes.js';
import { formRoutes } from './form-routes.js';
import { kbBlocksRoutes } from './kb-blocks-routes.js';
import { kbRoutes } from './kb-routes.js';
import { mailRoutes } from './mail-routes.js';
import { meRoutes } from './me-routes.js';
import { metricsRoutes } from './metrics-routes.js';
import { orgRoutes } from './org-routes.js';
import { peopleRoutes } from './people-routes.js';
import { predictRoutes } from './predict-routes.js';
import { relationRoutes } from './relation-routes.js';
import { requesterRoutes } from './requester-routes.js';
import { json } from './respond.js';
import type { Route } from './route.js';
import { routingRoutes } from './routing-routes.js';
import { sessionRoutes } from './session-routes.js';
import { slaRoutes } from './sla-routes.js';
import { streamRoute } from './stream.js';
import { ticketRoutes } from './ticket-routes.js';
import { watcherRoutes } from './watcher-routes.js';

const openapiRoute: Route = {
  method: 'GET',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This API described as OpenAPI 3.1, generated from its schemas.',
  access: 'none',
  responses: { 200: { description: 'The OpenAPI document' } },
  handle: async (ctx) =>
    json(ctx.openapi(), 200, { 'cache-control': 'no-cache' }),
};

/**
 * Every route the handler serves. The router and the OpenAPI document
 * are both built from this table, so neither can forget a route.
 */
export const ROUTES: readonly Route[] = [
  ...ticketRoutes,
  ...slaRoutes,
  ...commandRoutes,
  ...consoleRoutes,
  streamRoute,
  ...peopleRoutes,
  ...requesterRoutes,
  ...meRoutes,
  ...formRoutes,
  ...attachmentRoutes,
  ...auditRoutes,
  ...accessTokenRoutes,
  ...sessionRoutes,
  ...mailRoutes,
  ...routingRoutes,
  ...metricsRoutes,
  ...orgRoutes,
  ...watcherRoutes,
  ...approvalRoutes,
  ...automationRoutes,
  ...relationRoutes,
  ...classifyRoutes,
  ...assistantRoutes,
  ...kbRoutes,
  ...kbBlocksRoutes,
  ...predictRoutes,
  openapiRoute,
];
