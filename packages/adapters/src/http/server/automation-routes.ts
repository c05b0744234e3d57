import {
  type Automation,
  macroListSchema,
  macroSchema,
  type RuleList,
  scheduleListSchema,
  scheduleSchema,
  TicketryError,
  ticketSchema,
  triggerListSchema,
  triggerSchema,
} from '@ticketry/core';
import { z } from 'zod';
import { requireAgent, requireSupervisor } from './auth.js';
import { parseWith, readJson } from './body.js';
import { requireVersion, versionFrom } from './preconditions.js';
import { queryOf } from './query.js';
import { etagOf, json } from './respond.js';
import type { Route, RouteContext } from './route.js';

function serviceOf(ctx: RouteContext): Automation {
  const automation = ctx.services.automation;
  if (!automation) {
    throw new TicketryError('NOT_FOUND', 'automation is not configured here');
  }
  return automation;
}

const LISTS = {
  triggers: { list: triggerListSchema, item: triggerSchema, name: 'Triggers' },
  schedules: {
    list: scheduleListSchema,
    item: scheduleSchema,
    name: 'Schedules',
  },
  macros: { list: macroListSchema, item: macroSchema, name: 'Macros' },
} as const;

const rulesAnswer = (item: z.ZodType) =>
  z.object({ items: z.array(item), version: z.number().int().min(0) });

const outcomeSchema = z.object({
  type: z.string(),
  applied: z.boolean(),
  detail: z.string().optional(),
  eventId: z.string().optional(),
});

const deliverySchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ticketId: z.string(),
  url: z.string(),
  event: z.string(),
  ok: z.boolean(),
  status: z.number().nullable(),
  error: z.string().nullable(),
  refused: z.boolean().optional(),
  attempts: z.array(
    z.object({
      at: z.string(),
      status: z.number().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

const deliveryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

function getRules(list: RuleList) {
  return async (ctx: RouteContext): Promise<Response> => {
    if (list === 'macros') await requireAgent(ctx.desk, ctx.request);
    else await requireSupervisor(ctx.desk, ctx.request);
    const automation = serviceOf(ctx);
    await automation.load();
    const { items, version } = automation.rules(list);
    return json({ items, version }, 200, { etag: etagOf(version) });
  };
}

function putRules(list: RuleList) {
  return async (ctx: RouteContext): Promise<Response> => {
    await requireSupervisor(ctx.desk, ctx.request);
    const automation = serviceOf(ctx);
    const version = requireVersion(ctx.request);
    const raw = await readJson(ctx.request, ctx.maxBodyBytes);
    const body = parseWith(z.object({ items: LISTS[list].list }), raw, list);
    const saved = await automation.save(list, body.items, version);
    return json(saved, 200, { etag: etagOf(saved.version) });
  };
}

async function applyMacro(ctx: RouteContext): Promise<Response> {
  const caller = await requireAgent(ctx.desk, ctx.request);
  const automation = serviceOf(ctx);
  const result = await automation.applyMacro(
    ctx.params.id!,
    ctx.params.macroId!,
    caller.actor,
    versionFrom(ctx.request),
  );
  return json(result, 200, { etag: etagOf(result.ticket.version) });
}

async function listDeliveries(ctx: RouteContext): Promise<Response> {
  await requireSupervisor(ctx.desk, ctx.request);
  const automation = serviceOf(ctx);
  const query = parseWith(deliveryQuery, queryOf(ctx.url), 'query');
  return json({ items: await automation.deliveries(query.limit) });
}

const ifMatch = (required: boolean) => [
  {
    name: 'If-Match',
    required,
    description: required
      ? 'The version read with GET ("0" before the first save)'
      : 'The ticket version read; a newer ticket is 412',
  },
];

function listRoutes(list: RuleList): Route[] {
  const { item, list: body, name } = LISTS[list];
  const who = list === 'macros' ? 'agents' : 'supervisors';
  return [
    {
      method: 'GET',
      path: `/automation/${list}`,
      operationId: `get${name}`,
      summary: `${name} of the automation and the version they were saved at (${who}).`,
      access: list === 'macros' ? 'agent' : 'supervisor',
      notFound: 'Automation is not configured',
      responses: {
        200: {
          description: name,
          schema: rulesAnswer(item),
          headers: ['ETag'],
        },
      },
      handle: getRules(list),
    },
    {
      method: 'PUT',
      path: `/automation/${list}`,
      operationId: `put${name}`,
      summary: `Replaces the ${list} against the version read; they run from now on (supervisors).`,
      access: 'supervisor',
      body: z.object({ items: body }),
      headers: ifMatch(true),
      errors: [412, 428],
      notFound: 'Automation is not configured',
      responses: {
        200: {
          description: `The saved ${list}`,
          schema: rulesAnswer(item),
          headers: ['ETag'],
        },
      },
      handle: putRules(list),
    },
  ];
}

/** Triggers, schedules and macros over HTTP, when `services.automation` is set. */
export const automationRoutes: Route[] = [
  ...listRoutes('triggers'),
  ...listRoutes('schedules'),
  ...listRoutes('macros'),
  {
    method: 'GET',
    path: '/automation/deliveries',
    operationId: 'listWebhookDeliveries',
    summary:
      'The latest webhook deliveries with every attempt, newest first (supervisors).',
    access: 'supervisor',
    query: deliveryQuery,
    notFound: 'Automation is not configured',
    responses: {
      200: {
        description: 'Deliveries',
        schema: z.object({ items: z.array(deliverySchema) }),
      },
    },
    handle: listDeliveries,
  },
  {
    method: 'POST',
    path: '/tickets/:id/macros/:macroId',
    operationId: 'applyMacro',
    summary:
      "Applies a macro to a ticket as the calling agent, each step under the agent's permissions.",
    access: 'agent',
    headers: ifMatch(false),
    errors: [409, 412, 422],
    notFound: 'No such ticket or macro, or automation is not configured',
    responses: {
      200: {
        description: 'The ticket after the macro and what each step did',
        schema: z.object({
          ticket: ticketSchema,
          outcomes: z.array(outcomeSchema),
        }),
        headers: ['ETag'],
      },
    },
    handle: applyMacro,
  },
];
