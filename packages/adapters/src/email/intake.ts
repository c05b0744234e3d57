import { type Desk, EMAIL_PATTERN } from '@ticketry/core';
import { createDeliveries } from './delivery.js';
import {
  type Applied,
  agentByAddress,
  agentMail,
  createFrom,
  noteOn,
  recordReceipt,
  requesterReply,
  watchCc,
} from './intake-actions.js';
import { type AutomaticKind, automaticKind } from './loop.js';
import { fileMessageId, threadOf } from './mail-records.js';
import {
  DEFAULT_MAIL_BYTES,
  type ParsedMail,
  parseMail,
  rawBytes,
} from './parse.js';
import { findThread, type ThreadMatch } from './threading.js';
import type { IntakeReason, IntakeResult } from './types.js';

/** Options of {@link createMailIntake}. */
export interface MailIntakeOptions {
  /** The desk's address, where requesters write: `help@desk.example`. */
  address: string;
  /** Other addresses of the desk; mail from any of them creates nothing. */
  aliases?: string[];
  /** Largest raw message taken, in bytes. @default 10 MiB */
  maxBytes?: number;
  /**
   * What mail from an agent's address on a ticket becomes. From lines
   * can be forged, so the default keeps it internal. @default 'note'
   */
  agentMail?: 'reply' | 'note';
  /** The desk's reference prefix, for `[T-1001]` in subjects. @default 'T-' */
  refPrefix?: string;
}

/** Takes raw mail into a desk; made by {@link createMailIntake}. */
export interface MailIntake {
  /** The desk's own addresses, lower-case. */
  readonly addresses: readonly string[];
  /**
   * Takes one raw RFC 5322 message. Throws MAIL_UNPARSEABLE for
   * anything that is not mail and PAYLOAD_TOO_LARGE over `maxBytes`.
   */
  receive(raw: string | Uint8Array): Promise<IntakeResult>;
}

function checkOptions(options: MailIntakeOptions): string[] {
  const all = [options?.address, ...(options?.aliases ?? [])];
  for (const a of all) {
    if (typeof a !== 'string' || !EMAIL_PATTERN.test(a)) {
      throw new TypeError(
        `createMailIntake: \`address\` and \`aliases\` must be email addresses, not ${String(a)}`,
      );
    }
  }
  const max = options.maxBytes;
  if (max !== undefined && !(Number.isSafeInteger(max) && max > 0)) {
    throw new TypeError(
      'createMailIntake: `maxBytes` must be a positive whole number',
    );
  }
  return all.map((a) => (a as string).toLowerCase());
}

const summary = (t: { id: string; ref: string }) => ({ id: t.id, ref: t.ref });

/** Intake outcomes whose message is public on the ticket. */
const PUBLIC_REASONS: ReadonlySet<IntakeReason> = new Set([
  'new_ticket',
  'follow_up',
  'requester_reply',
]);

/**
 * Mail intake for a desk: a raw message becomes a new ticket (channel
 * `email`) or a reply to the ticket it threads to, by `In-Reply-To` /
 * `References` or by the `[T-1001]` reference in its subject. CCs
 * become watchers; machine-made mail gets no acknowledgement; a
 * redelivered message is recognised and answers its first ticket.
 *
 * @example
 * const intake = createMailIntake(desk, { address: 'help@desk.example' });
 * const result = await intake.receive(rawMessage);
 * // { outcome: 'created', reason: 'new_ticket', ticket: { id, ref }, cc: [] }
 */
export function createMailIntake(
  desk: Desk,
  options: MailIntakeOptions,
): MailIntake {
  const addresses = checkOptions(options);
  const own = new Set(addresses);
  const maxBytes = options.maxBytes ?? DEFAULT_MAIL_BYTES;
  const refPrefix = options.refPrefix ?? 'T-';
  const mode = options.agentMail ?? 'note';
  const deliveries = createDeliveries(desk.store, desk.siteId);
  const now = () => desk.clock.now().toISOString();

  async function answer(
    match: ThreadMatch,
    mail: ParsedMail,
    automatic: AutomaticKind | null,
  ): Promise<[Applied, IntakeReason]> {
    const { ticket } = match;
    if (automatic) {
      const what =
        automatic === 'bounce' ? 'Delivery report' : 'Automatic reply';
      const body = `${what} from ${mail.from.address}:\n\n${mail.body}`;
      const reason = automatic === 'bounce' ? 'bounce' : 'automatic_note';
      return [await noteOn(desk, ticket, body), reason];
    }
    const agent = await agentByAddress(desk, mail.from.address);
    if (agent) {
      const done = await agentMail(desk, ticket, agent, mail, mode);
      return [done, done.kind === 'replied' ? 'agent_reply' : 'agent_note'];
    }
    const requester = await desk.store.findRequesterByEmail(
      desk.siteId,
      mail.from.address,
    );
    if (requester?.id === ticket.requesterId) {
      const done = await requesterReply(desk, ticket, mail);
      return [done, done.kind === 'created' ? 'follow_up' : 'requester_reply'];
    }
    // Someone else on the thread (a CC answering all): staff see it.
    const who = mail.from.name
      ? `${mail.from.name} <${mail.from.address}>`
      : mail.from.address;
    const body = `Mail from ${who}:\n\n${mail.body}`;
    return [await noteOn(desk, ticket, body), 'third_party_note'];
  }

  async function handle(mail: ParsedMail): Promise<IntakeResult> {
    const automatic = automaticKind(mail);
    let match = await findThread(desk, mail, refPrefix);
    if (match?.by === 'subject') {
      // A bare reference is easy to guess: only people of the ticket use it.
      const requester = await desk.store.findRequesterByEmail(
        desk.siteId,
        mail.from.address,
      );
      const agent = await agentByAddress(desk, mail.from.address);
      if (!agent && requester?.id !== match.ticket.requesterId) match = null;
    }
    if (!match && automatic === 'bounce') {
      return { outcome: 'ignored', reason: 'bounce', cc: [] };
    }
    const [applied, reason] = match
      ? await answer(match, mail, automatic)
      : [await createFrom(desk, mail), 'new_ticket' as const];
    const { ticket } = applied;
    const cc = automatic
      ? { addresses: [], ids: [], refused: [] }
      : await watchCc(desk, ticket, mail, own);
    await recordReceipt(desk, ticket.id, {
      messageId: mail.messageId,
      kind: applied.kind,
      eventId: applied.eventId,
      threadedBy: match?.by ?? null,
      automatic,
      acknowledge: applied.kind === 'created' && !automatic,
      cc: cc.ids,
      ...(cc.refused.length > 0 && { ccRefused: cc.refused }),
      attachments: mail.attachments,
    });
    if (mail.messageId) {
      const entry = {
        ticketId: ticket.id,
        messageId: mail.messageId,
        direction: 'in' as const,
      };
      // Only mail the requester sees joins the References we send.
      const listed = PUBLIC_REASONS.has(reason);
      await fileMessageId(desk.store, desk.siteId, entry, now(), listed);
    }
    const outcome = applied.kind === 'created' ? 'created' : 'replied';
    return { outcome, reason, ticket: summary(ticket), cc: cc.addresses };
  }

  async function receive(raw: string | Uint8Array): Promise<IntakeResult> {
    const mail = await parseMail(rawBytes(raw, maxBytes));
    if (own.has(mail.from.address)) {
      return { outcome: 'ignored', reason: 'own_address', cc: [] };
    }
    const ours =
      mail.messageId &&
      (await threadOf(desk.store, desk.siteId, mail.messageId));
    if (ours && ours.direction === 'out') {
      return { outcome: 'ignored', reason: 'own_message', cc: [] };
    }
    const claim = await deliveries.claim(mail, now());
    if (claim.kind === 'seen') {
      const earlier = claim.ticketId ? await desk.get(claim.ticketId) : null;
      return {
        outcome: 'ignored',
        reason: claim.done ? 'duplicate' : 'in_progress',
        ...(earlier && { ticket: summary(earlier) }),
        cc: [],
      };
    }
    try {
      const result = await handle(mail);
      await deliveries.finish(claim, result.ticket?.id ?? null, now());
      return result;
    } catch (error) {
      await deliveries.release(claim);
      throw error;
    }
  }

  return { addresses, receive };
}
