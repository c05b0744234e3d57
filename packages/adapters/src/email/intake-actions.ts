import {
  type Actor,
  type Agent,
  createWatchers,
  type Desk,
  EXTRA_EVENT_TYPES,
  retryOnConflict,
  type Ticket,
  TicketryError,
} from '@ticketry/core';
import { postRest, splitBody } from './long-body.js';
import { isDaemonAddress } from './loop.js';
import type { ParsedMail } from './parse.js';

/** A CC that could not be added as a watcher, and the error code. */
export interface CcRefused {
  address: string;
  code: string;
}

/** What one action on the desk left: the ticket and its event id. */
export interface Applied {
  ticket: Ticket;
  eventId: string;
  kind: 'created' | 'replied' | 'noted';
}

/** The active agent whose address sent a message, or null. */
export async function agentByAddress(
  desk: Desk,
  address: string,
): Promise<Agent | null> {
  const agents = await desk.listAgents();
  return (
    agents.find((a) => a.active && a.email?.toLowerCase() === address) ?? null
  );
}

/**
 * Opens a ticket from a message, as its sender (channel `email`). A body
 * over `LIMITS.body` is split: the first part is the description, the
 * rest follow as the sender's replies, in order.
 */
export async function createFrom(
  desk: Desk,
  mail: ParsedMail,
  followUpOf?: string,
): Promise<Applied> {
  const [description = mail.body, ...rest] = splitBody(mail.body);
  const { ticket, event } = await desk.submit(
    {
      subject: mail.subject,
      description,
      requester: {
        email: mail.from.address,
        ...(mail.from.name && { name: mail.from.name }),
      },
      channel: 'email',
    },
    followUpOf
      ? { links: [{ type: 'follow_up_of', ticketId: followUpOf }] }
      : {},
  );
  const requester: Actor = { role: 'requester', id: ticket.requesterId };
  const last = await postRest(desk, ticket.id, rest, requester, 'reply');
  return { ticket: last ?? ticket, eventId: event.id, kind: 'created' };
}

/**
 * An internal note, by an agent or (for machines and others) the
 * system; a long body becomes several notes in order.
 */
export async function noteOn(
  desk: Desk,
  ticket: Ticket,
  body: string,
  actor: Actor = desk.core.system,
): Promise<Applied> {
  const [first = body, ...rest] = splitBody(body);
  const done = await desk.note(ticket.id, { body: first }, { actor });
  const last = await postRest(desk, ticket.id, rest, actor, 'note');
  const after = last ?? done.ticket;
  return { ticket: after, eventId: done.event.id, kind: 'noted' };
}

/** The refusals after which a requester's mail opens a follow-up. */
const FOLLOW_UP = new Set(['TRANSITION_NOT_ALLOWED', 'REOPEN_WINDOW_CLOSED']);

/**
 * A public reply by the requester. When the ticket takes no more
 * replies (cancelled, closed under `reject`, past the reopen window),
 * the message opens a follow-up ticket linked to it instead.
 */
export async function requesterReply(
  desk: Desk,
  ticket: Ticket,
  mail: ParsedMail,
): Promise<Applied> {
  const actor: Actor = { role: 'requester', id: ticket.requesterId };
  const [first = mail.body, ...rest] = splitBody(mail.body);
  try {
    const done = await desk.reply(ticket.id, { body: first }, { actor });
    const created = done.ticket.id !== ticket.id;
    const last = await postRest(desk, done.ticket.id, rest, actor, 'reply');
    return {
      ticket: last ?? done.ticket,
      eventId: done.event.id,
      kind: created ? 'created' : 'replied',
    };
  } catch (error) {
    if (error instanceof TicketryError && FOLLOW_UP.has(error.code)) {
      return createFrom(desk, mail, ticket.id);
    }
    throw error;
  }
}

/** An agent's mail: a public reply when allowed and wanted, else a note. */
export async function agentMail(
  desk: Desk,
  ticket: Ticket,
  agent: Agent,
  mail: ParsedMail,
  mode: 'reply' | 'note',
): Promise<Applied> {
  const actor: Actor = { role: agent.role, id: agent.id };
  if (mode === 'reply') {
    const [first = mail.body, ...rest] = splitBody(mail.body);
    try {
      const done = await desk.reply(ticket.id, { body: first }, { actor });
      const last = await postRest(desk, ticket.id, rest, actor, 'reply');
      const after = last ?? done.ticket;
      return { ticket: after, eventId: done.event.id, kind: 'replied' };
    } catch (error) {
      if (!(error instanceof TicketryError)) throw error;
      if (error.code !== 'TRANSITION_NOT_ALLOWED') throw error;
    }
  }
  return noteOn(desk, ticket, mail.body, actor);
}

/**
 * Makes the message's CCs watchers of the ticket (never the desk's own
 * addresses, the sender, agents or mail daemons); answers the
 * addresses added and their requester ids.
 */
export async function watchCc(
  desk: Desk,
  ticket: Ticket,
  mail: ParsedMail,
  own: ReadonlySet<string>,
): Promise<{ addresses: string[]; ids: string[]; refused: CcRefused[] }> {
  const watchers = createWatchers(desk);
  const agents = new Set(
    (await desk.listAgents()).map((a) => a.email?.toLowerCase()),
  );
  const added = {
    addresses: [] as string[],
    ids: [] as string[],
    refused: [] as CcRefused[],
  };
  const skip = (a: string) =>
    own.has(a) ||
    a === mail.from.address ||
    agents.has(a) ||
    isDaemonAddress(a);
  for (const cc of mail.cc.filter((c) => !skip(c.address)).slice(0, 10)) {
    const input = { email: cc.address, ...(cc.name && { name: cc.name }) };
    try {
      const change = await watchers.addWatcher(
        ticket.id,
        input,
        desk.core.system,
      );
      added.addresses.push(cc.address);
      added.ids.push(change.requesterId);
    } catch (error) {
      // A full watcher list, an odd address or a race lost every time
      // (after addWatcher's retries) costs the CC, not the mail; the
      // receipt event records which and why.
      if (!(error instanceof TicketryError)) throw error;
      added.refused.push({ address: cc.address, code: error.code });
    }
  }
  return added;
}

/**
 * Records what the intake did as one `ticket.mail_received` event: the
 * Message-ID, the event it led to, how it was threaded, CC watchers
 * (requester ids, not addresses), attachment metadata and whether an
 * acknowledgement may go out. The notifier acts on this event.
 */
export async function recordReceipt(
  desk: Desk,
  ticketId: string,
  data: Record<string, unknown>,
): Promise<void> {
  // Routing and triage write the new ticket too: retry a lost race.
  await retryOnConflict(desk.core, ticketId, (ticket) =>
    desk.core.record(
      ticket,
      EXTRA_EVENT_TYPES.mail_received,
      {},
      data,
      desk.clock.now().toISOString(),
    ),
  );
}
