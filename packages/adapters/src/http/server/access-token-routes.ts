import { z } from 'zod';
import { requireAgent } from './auth.js';
import { json, notFound } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** A requester access token an agent issued, e.g. to email it. */
export const accessTokenIssuedSchema = z.object({
  ticketId: z.string(),
  accessToken: z.string().describe('The token (tkr_…), shown only now'),
  expiresAt: z.string().describe('When it stops opening the ticket'),
});

/** A ticket's access tokens revoked. */
export const accessRevocationSchema = z.object({
  ticketId: z.string(),
  revokedAt: z.string(),
  generation: z
    .number()
    .describe("How many times this ticket's tokens have been revoked"),
});

async function issue(ctx: RouteContext): Promise<Response> {
  const { desk } = ctx;
  const id = ctx.params.id!;
  await requireAgent(desk, ctx.request);
  if (!(await desk.get(id))) throw notFound(id);
  const issued = await desk.issueAccessToken(id);
  return json(
    {
      ticketId: id,
      accessToken: issued.token,
      expiresAt: issued.expiresAt,
    },
    201,
  );
}

async function revoke(ctx: RouteContext): Promise<Response> {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  return json(await ctx.desk.revokeAccessTokens(ctx.params.id!, actor));
}

/** Requester access tokens, issued and revoked by agents. */
export const accessTokenRoutes: Route[] = [
  {
    method: 'POST',
    path: '/tickets/:id/access-token',
    operationId: 'issueAccessToken',
    summary:
      "Issues a fresh requester access token for a ticket, e.g. to email the requester a link. It expires after the desk's token lifetime (90 days unless set).",
    access: 'agent',
    responses: {
      201: { description: 'The new token', schema: accessTokenIssuedSchema },
    },
    handle: issue,
  },
  {
    method: 'POST',
    path: '/tickets/:id/access-tokens/revoke',
    operationId: 'revokeAccessTokens',
    summary:
      'Revokes every requester access token of a ticket issued so far; they answer 401 TOKEN_REVOKED from now on. Tokens issued later work. Identity tokens are not affected.',
    access: 'agent',
    responses: {
      200: { description: 'The revocation', schema: accessRevocationSchema },
    },
    handle: revoke,
  },
];
