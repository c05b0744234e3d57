import {
  type Actor,
  type Agent,
  type Desk,
  type RefusedBecause,
  TicketryError,
} from '@ticketry/core';
import {
  IDENTITY_PREFIX,
  type Identity,
  type IdentityVerifier,
} from './identity.js';
import { notFound } from './respond.js';

/** Who sends a request, as proven by its credential. */
export type Caller =
  | { kind: 'agent'; agent: Agent; actor: Actor }
  | { kind: 'requester'; ticketId: string }
  /** A host-signed identity: opens every ticket of its requester. */
  | { kind: 'identity'; identity: Identity; requesterId: string | null };

const MAX_SECRET = 256;

const unauthenticated = (message: string) =>
  new TicketryError('UNAUTHENTICATED', message);

/** The 401 for a refused token or session: expired and revoked have codes of their own. */
function refused(reason: RefusedBecause, what: string): TicketryError {
  if (reason === 'expired') {
    return new TicketryError('TOKEN_EXPIRED', `this ${what} has expired`);
  }
  if (reason === 'revoked') {
    return new TicketryError('TOKEN_REVOKED', `this ${what} was revoked`);
  }
  return unauthenticated(`unknown ${what}`);
}

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

/** A verified identity token, or the 401 that says why it is refused. */
async function verifyIdentity(
  token: string,
  verify: IdentityVerifier | undefined,
): Promise<Identity> {
  if (!verify) {
    throw unauthenticated('this server does not accept identity tokens');
  }
  return verify(token);
}

/**
 * Checks an identity token sent to a route no identity may call, so
 * that a malformed, forged or expired one gets the same 401
 * (`IDENTITY_MALFORMED`, `IDENTITY_INVALID`, `IDENTITY_EXPIRED`, or
 * `UNAUTHENTICATED` on a server without the `identity` option) as on
 * the routes identities call; a valid one goes on to the route's 403.
 * Other credentials pass untouched.
 */
export async function checkIdentityBearer(
  request: Request,
  verify: IdentityVerifier | undefined,
): Promise<void> {
  const secret = bearerOf(request);
  if (secret?.startsWith(IDENTITY_PREFIX)) {
    await verifyIdentity(secret, verify);
  }
}

/**
 * The caller behind a verified identity token. Requesters are keyed by
 * email, so the identity opens the tickets filed under its address.
 */
async function identityCaller(
  desk: Desk,
  token: string,
  verify: IdentityVerifier | undefined,
): Promise<Caller> {
  const identity = await verifyIdentity(token, verify);
  const requester = await desk.store.findRequesterByEmail(
    desk.siteId,
    identity.email,
  );
  return { kind: 'identity', identity, requesterId: requester?.id ?? null };
}

/**
 * Resolves a secret: an agent API key (`tka_…`) or console session
 * (`tks_…`), a requester access token (`tkr_…`) or, when `identity` is
 * given, a host-signed identity token (`tki_…`). Anything else, or a
 * secret the desk does not know, is refused with 401; an expired or
 * revoked token or session with TOKEN_EXPIRED or TOKEN_REVOKED.
 */
export async function callerFor(
  desk: Desk,
  secret: string,
  identity?: IdentityVerifier,
): Promise<Caller> {
  if (secret.startsWith(IDENTITY_PREFIX)) {
    return identityCaller(desk, secret, identity);
  }
  if (secret.length > MAX_SECRET) throw unauthenticated('unknown credential');
  if (secret.startsWith('tka_')) {
    const agent = await desk.authenticateAgent(secret);
    if (!agent) throw unauthenticated('unknown or inactive API key');
    return { kind: 'agent', agent, actor: { role: agent.role, id: agent.id } };
  }
  if (secret.startsWith('tks_')) {
    const session = await desk.authenticateSession(secret);
    if (!session.ok) throw refused(session.reason, 'session');
    const { agent } = session;
    return { kind: 'agent', agent, actor: { role: agent.role, id: agent.id } };
  }
  if (secret.startsWith('tkr_')) {
    const check = await desk.checkAccessToken(secret);
    if (!check.ok) throw refused(check.reason, 'access token');
    return { kind: 'requester', ticketId: check.ticketId };
  }
  throw unauthenticated('unknown credential');
}

/** The caller of a request, or `null` when it sent no credential. */
export async function optionalCaller(
  desk: Desk,
  request: Request,
  identity?: IdentityVerifier,
): Promise<Caller | null> {
  const secret = bearerOf(request);
  return secret === undefined ? null : callerFor(desk, secret, identity);
}

/** The caller of a request that must send a credential. */
export async function requireCaller(
  desk: Desk,
  request: Request,
  identity?: IdentityVerifier,
): Promise<Caller> {
  const caller = await optionalCaller(desk, request, identity);
  if (!caller) throw unauthenticated('this route needs a credential');
  return caller;
}

/**
 * The agent behind a request; requester and identity tokens are refused
 * with 403. The handler has verified an identity token before an agent
 * or supervisor route runs (see {@link checkIdentityBearer}), so a bad
 * one is a 401 there; here it is refused by its prefix.
 */
export async function requireAgent(
  desk: Desk,
  request: Request,
): Promise<Extract<Caller, { kind: 'agent' }>> {
  if (bearerOf(request)?.startsWith(IDENTITY_PREFIX)) {
    throw new TicketryError(
      'FORBIDDEN',
      'identity tokens cannot call this route',
    );
  }
  const caller = await requireCaller(desk, request);
  if (caller.kind !== 'agent') {
    throw new TicketryError(
      'FORBIDDEN',
      'this route needs an agent API key or session',
    );
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
 * Identities are refused here: {@link requireTicketAccess} reads the
 * ticket to check them.
 */
export function checkTicketAccess(caller: Caller, ticketId: string): void {
  if (caller.kind === 'agent') return;
  if (caller.kind === 'requester' && caller.ticketId === ticketId) return;
  throw new TicketryError(
    'FORBIDDEN',
    caller.kind === 'identity'
      ? 'this identity does not open this ticket'
      : 'this access token opens another ticket',
  );
}

/**
 * {@link checkTicketAccess}, and for an identity: the ticket exists and
 * belongs to its requester. A missing ticket and another requester's
 * get the same 403, so an identity cannot probe for ticket ids.
 */
export async function requireTicketAccess(
  desk: Desk,
  caller: Caller,
  ticketId: string,
): Promise<void> {
  if (caller.kind === 'identity' && caller.requesterId !== null) {
    const ticket = await desk.get(ticketId);
    if (ticket?.requesterId === caller.requesterId) return;
  }
  checkTicketAccess(caller, ticketId);
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
  await requireTicketAccess(desk, caller, ticketId);
  if (caller.kind === 'agent') return caller.actor;
  const ticket = await desk.get(ticketId);
  if (!ticket) throw notFound(ticketId);
  return { role: 'requester', id: ticket.requesterId };
}
