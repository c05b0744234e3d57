import {
  agentSchema,
  LIMITS,
  PASSWORD_LENGTH,
  SESSION_PREFIX,
  shown,
  TicketryError,
} from '@ticketry/core';
import { z } from 'zod';
import { bearerOf, requireSupervisor } from './auth.js';
import { parseWith, readJson } from './body.js';
import { json, problem } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** `POST /sessions`: an agent's email and console password. */
export const signInSchema = z.strictObject({
  email: z.string().min(1).max(LIMITS.email),
  password: z.string().min(1).max(PASSWORD_LENGTH.max),
});

/** A new console session; the token is shown only in this answer. */
export const sessionCreatedSchema = z.object({
  token: z.string().describe('The session token (tks_…), a bearer secret'),
  expiresAt: z.string().describe('When the session ends, however busy'),
  idleTimeoutSeconds: z
    .number()
    .describe('The session ends after this long unused'),
  agent: agentSchema,
});

/** `POST /agents/:id/password`: the agent's new console password. */
export const passwordInputSchema = z.strictObject({
  password: z.string().min(PASSWORD_LENGTH.min).max(PASSWORD_LENGTH.max),
});

const noContent = () =>
  new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });

async function signIn(ctx: RouteContext): Promise<Response> {
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const { email, password } = parseWith(signInSchema, raw, 'sign-in');
  try {
    const session = await ctx.desk.signIn(email, password);
    return json(
      {
        token: session.token,
        expiresAt: session.expiresAt,
        idleTimeoutSeconds: Math.floor(session.idleTimeoutMs / 1000),
        agent: session.agent,
      },
      201,
    );
  } catch (error) {
    if (error instanceof TicketryError && error.code === 'RATE_LIMITED') {
      const wait = Number(error.details.retryAfterSeconds) || 60;
      return problem(429, error.code, error.message, {
        headers: { 'retry-after': String(wait) },
      });
    }
    throw error;
  }
}

async function signOut(ctx: RouteContext): Promise<Response> {
  const secret = bearerOf(ctx.request);
  if (secret === undefined) {
    throw new TicketryError('UNAUTHENTICATED', 'send the session token');
  }
  if (!secret.startsWith(SESSION_PREFIX)) {
    throw new TicketryError(
      'FORBIDDEN',
      'signing out ends a console session: send its token (tks_…)',
    );
  }
  // An expired or revoked session signs out again quietly: 204 all the same.
  if (!(await ctx.desk.signOut(secret))) {
    throw new TicketryError('UNAUTHENTICATED', 'unknown session');
  }
  return noContent();
}

async function setPassword(ctx: RouteContext): Promise<Response> {
  const { desk, request } = ctx;
  await requireSupervisor(desk, request);
  const id = ctx.params.id!;
  const raw = await readJson(request, ctx.maxBodyBytes);
  const { password } = parseWith(passwordInputSchema, raw, 'password');
  if (!(await desk.getAgent(id))) {
    throw new TicketryError('NOT_FOUND', `no agent ${shown(id)}`, {
      details: { agentId: id },
    });
  }
  await desk.setAgentPassword(id, password);
  return noContent();
}

/** Console sign-in and sign-out, and agents' passwords. */
export const sessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/sessions',
    operationId: 'signIn',
    summary:
      'Signs an agent in with email and password: a console session token (tks_…) that works wherever an API key does. Wrong email or password: 401; after 5 failures in a row the account is locked for a minute, doubling up to 15 (429 with Retry-After).',
    access: 'none',
    body: signInSchema,
    errors: [401, 429],
    responses: {
      201: { description: 'The session', schema: sessionCreatedSchema },
    },
    handle: signIn,
  },
  {
    method: 'DELETE',
    path: '/sessions/current',
    operationId: 'signOut',
    summary:
      'Signs out: ends the session whose token is sent. Other sessions of the agent stay.',
    access: 'session',
    responses: { 204: { description: 'Signed out' } },
    handle: signOut,
  },
  {
    method: 'POST',
    path: '/agents/:id/password',
    operationId: 'setAgentPassword',
    summary:
      "Sets an agent's console password (12 to 256 characters, stored as a scrypt hash) and ends the agent's sessions.",
    access: 'supervisor',
    body: passwordInputSchema,
    notFound: 'No such agent',
    responses: { 204: { description: 'The password is set' } },
    handle: setPassword,
  },
];
