import {
  type Command,
  type CommandResult,
  ConflictError,
  commandSchema,
  type Desk,
  TicketryError,
} from '@ticketry/core';
import { attachmentsFor, claimAttachments } from './attachments/routes.js';
import { actorFor, type Caller, requireAgent, requireCaller } from './auth.js';
import { parseWith, readJson } from './body.js';
import {
  idempotencyKeyFrom,
  requireVersion,
  versionFrom,
} from './preconditions.js';
import { etagOf, json, notFound } from './respond.js';
import type { Route, RouteContext } from './route.js';
import {
  commandResultSchema,
  eventListSchema,
  messageInputSchema,
  publicResultSchema,
} from './schemas.js';

/** Commands a requester token may send; the rest are for agents. */
export const REQUESTER_COMMANDS: ReadonlySet<Command['type']> = new Set([
  'accept',
  'reject',
  'rate',
  'cancel',
]);

/**
 * The answer to an accepted change. Agents get the full ticket and the
 * event; requesters the public view, and a token of their own when a
 * reply to a closed ticket opened a follow-up ticket.
 */
async function answer(
  desk: Desk,
  caller: Caller,
  askedId: string,
  result: CommandResult,
  status: number,
): Promise<Response> {
  const { ticket, event } = result;
  const headers = { etag: etagOf(ticket.version) };
  if (caller.kind === 'agent') return json({ ticket, event }, status, headers);
  const view = await desk.publicView(ticket.id);
  if (ticket.id === askedId) return json({ ticket: view }, status, headers);
  const accessToken = await desk.createAccessToken(ticket.id);
  return json({ ticket: view, accessToken }, status, headers);
}

async function runCommand(ctx: RouteContext): Promise<Response> {
  const { desk, request } = ctx;
  const id = ctx.params.id!;
  const caller = await requireCaller(desk, request, ctx.identity);
  const actor = await actorFor(desk, caller, id);
  const raw = await readJson(request, ctx.maxBodyBytes);
  const command = parseWith(commandSchema, raw, 'command');

  if (caller.kind !== 'agent' && !REQUESTER_COMMANDS.has(command.type)) {
    throw new TicketryError(
      'FORBIDDEN',
      `a requester may not send ${command.type}; only accept, reject, rate or cancel`,
      { details: { command: command.type, role: 'requester' } },
    );
  }
  const expectedVersion = requireVersion(request);
  const result = await desk.execute(id, command, { actor, expectedVersion });
  return answer(desk, caller, id, result, 200);
}

async function postMessage(ctx: RouteContext): Promise<Response> {
  const { desk, request } = ctx;
  const id = ctx.params.id!;
  const caller = await requireCaller(desk, request, ctx.identity);
  const actor = await actorFor(desk, caller, id);
  const raw = await readJson(request, ctx.maxBodyBytes);
  const input = parseWith(messageInputSchema, raw, 'message');

  const internal = input.visibility === 'internal';
  if (internal && caller.kind !== 'agent') {
    throw new TicketryError(
      'FORBIDDEN',
      'only agents may write internal notes',
      { details: { path: ['visibility'] } },
    );
  }
  if (internal && input.attachments?.length) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      'attachments go with public replies, not internal notes',
      { details: { path: ['attachments'] } },
    );
  }
  // A retry of a reply that went through is 412 before its files are
  // looked at (they are taken by then), as it is without files.
  const expectedVersion = versionFrom(request);
  const current = expectedVersion === undefined ? null : await desk.get(id);
  if (current && current.version !== expectedVersion) {
    throw new ConflictError(id, expectedVersion!, current.version);
  }
  // Files prove they are the sender's by the key they were uploaded under.
  const key = input.attachments?.length
    ? idempotencyKeyFrom(request)
    : undefined;
  const files = await attachmentsFor(ctx, input.attachments, key, 'reply', id);
  const result = await desk.execute(
    id,
    internal
      ? { type: 'note', body: input.body }
      : { type: 'reply', body: input.body, attachments: files },
    { actor, expectedVersion },
  );
  await claimAttachments(ctx, files, result.ticket.id);
  return answer(desk, caller, id, result, 201);
}

async function listEvents(ctx: RouteContext): Promise<Response> {
  const { desk } = ctx;
  const id = ctx.params.id!;
  await requireAgent(desk, ctx.request);
  if (!(await desk.get(id))) throw notFound(id);
  return json({ events: await desk.events(id) });
}

const IF_MATCH = {
  name: 'If-Match',
  description: 'The version you read, as in the ETag: "3"',
};

const changed = {
  description:
    'The ticket after the change: { ticket, event } for agents, { ticket } (public view) for requesters',
  schema: commandResultSchema.or(publicResultSchema),
  headers: ['ETag'],
};

/** Commands, messages and the audit trail of one ticket. */
export const commandRoutes: Route[] = [
  {
    method: 'POST',
    path: '/tickets/:id/commands',
    operationId: 'runCommand',
    summary:
      'Sends a lifecycle command. Requester and identity tokens may send accept, reject, rate and cancel.',
    access: 'ticket',
    body: commandSchema,
    headers: [{ ...IF_MATCH, required: true }],
    errors: [409, 412, 428],
    responses: { 200: changed },
    handle: runCommand,
  },
  {
    method: 'POST',
    path: '/tickets/:id/messages',
    operationId: 'postMessage',
    summary:
      'Adds a message: a public reply, or for agents an internal note (visibility: internal). A reply may list `attachments` ids from POST /attachments, sent under the Idempotency-Key they were uploaded with.',
    access: 'ticket',
    body: messageInputSchema,
    headers: [
      { ...IF_MATCH, required: false },
      {
        name: 'Idempotency-Key',
        required: false,
        description:
          'With attachments: the key the files were uploaded under (a retry is not replayed)',
      },
    ],
    errors: [409, 412],
    responses: { 201: changed },
    handle: postMessage,
  },
  {
    method: 'GET',
    path: '/tickets/:id/events',
    operationId: 'listEvents',
    summary: 'The audit trail of a ticket, for agents.',
    access: 'agent',
    responses: {
      200: {
        description: 'Every event, oldest first',
        schema: eventListSchema,
      },
    },
    handle: listEvents,
  },
];
