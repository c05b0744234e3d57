import {
  type Actor,
  type Agent,
  type Desk,
  TicketryError,
} from '@ticketry/core';
import { notFound } from './respond.js';

/** Who sends a request, as proven by its credential. */
export type Caller =
  | { kind: 'agent'; agent: Agent; actor: Actor }
  | { kind: 'requester'; ticketId: string };

const MAX_SECRET = 256;

const unauthenticated = (message: string) =>
  new TicketryError('UNAUTHENTICATED', message);

/** The bearer secret of a request, `undefined` when none was sent. */
export function bearerOf(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  if (header === null) return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw unauthenticated(
      'send the credential as Authorization: Bearer <secret>',
    );
  }
  return match[1];
}

/**
 * Resolves a secret: an agent API key (`tka_…`) or a requester access
 * token (`tkr_…`). Anything else, or a secret the desk does not know,
 * is refused with 401.
 */
export async function callerFor(desk: Desk, secret: string): Promise<Caller> {
  if (secret.length > MAX_SECRET) throw unauthenticated('unknown credential');
  if (secret.startsWith('tka_')) {
    const agent = await desk.authenticateAgent(secret);
    if (!agent) throw unauthenticated('unknown or inactive API key');
    return { kind: 'agent', agent, actor: { role: agent.role, id: agent.id } };
  }
  if (secret.startsWith('tkr_')) {
    const ticketId = await desk.verifyAccessToken(secret);
    if (!ticketId) throw unauthenticated('unknown access token');
    return { kind: 'requester', ticketId };
  }
  throw unauthenticated('unknown credential');
}

/** The caller of a request, or `null` when it sent no credential. */
export async function optionalCaller(
  desk: Desk,
  request: Request,
): Promise<Caller | null> {
  const secret = bearerOf(request);
  return secret === undefined ? null : callerFor(desk, secret);
}

/** The caller of a request that must send a credential. */
export async function requireCaller(
  desk: Desk,
  request: Request,
): Promise<Caller> {
  const caller = await optionalCaller(desk, request);
  if (!caller) throw unauthenticated('this route needs a credential');
  return caller;
}

/** The agent behind a request; requester tokens are refused with 403. */
export async function requireAgent(
  desk: Desk,
  request: Request,
): Promise<Extract<Caller, { kind: 'agent' }>> {
  const caller = await requireCaller(desk, request);
  if (caller.kind !== 'agent') {
    throw new TicketryError('FORBIDDEN', 'this route needs an agent API key');
  }
  return caller;
}

/** A supervisor behind a request; other agents are refused with 403. */
export async function requireSupervisor(
  desk: Desk,
  request: Request,
): Promise<Extract<Caller, { kind: 'agent' }>> {
  const caller = await requireAgent(desk, request);
  if (caller.agent.role !== 'supervisor') {
    throw new TicketryError('FORBIDDEN', 'this route is for supervisors');
  }
  return caller;
}

/**
 * Refuses a requester token used on a ticket other than its own. The
 * other ticket is never read, so the answer says nothing about it.
 */
export function checkTicketAccess(caller: Caller, ticketId: string): void {
  if (caller.kind === 'requester' && caller.ticketId !== ticketId) {
    throw new TicketryError(
      'FORBIDDEN',
      'this access token opens another ticket',
    );
  }
}

/**
 * The actor a caller acts as on a ticket. A requester is the ticket's
 * requester; the identity never comes from the request body.
 */
export async function actorFor(
  desk: Desk,
  caller: Caller,
  ticketId: string,
): Promise<Actor> {
  checkTicketAccess(caller, ticketId);
  if (caller.kind === 'agent') return caller.actor;
  const ticket = await desk.get(ticketId);
  if (!ticket) throw notFound(ticketId);
  return { role: 'requester', id: ticket.requesterId };
}
