import {
  type AuditEvent,
  type Desk,
  EMAIL_PATTERN,
  recipientsFor,
  type Ticket,
} from '@ticketry/core';
import { takeAck } from './ack-budget.js';
import { composeMail, threadHeaders } from './compose.js';
import { createDateFormat } from './dates.js';
import { safeUrl } from './html.js';
import { isDaemonAddress } from './loop.js';
import { fileMessageId, threadIds } from './mail-records.js';
import {
  DEFAULT_TEMPLATES,
  type MailTemplate,
  type TemplateView,
} from './templates.js';
import type { MailAddress, MailTransport, NotificationKind } from './types.js';

/** Options of {@link createMailNotifier}. */
export interface MailNotifierOptions {
  transport: MailTransport;
  /** The desk's address: `help@desk.example` or `{ address, name }`. */
  from: string | MailAddress;
  /** Your templates, by kind; the others stay the defaults. */
  templates?: Partial<Record<NotificationKind, MailTemplate>>;
  /**
   * Where a requester rates a closed ticket: a URL with `{id}` and
   * `{ref}` placeholders, or a function (which can mint an access
   * token). Only http(s) links are sent. @default no rating link
   */
  ratingUrl?: string | ((ticket: Ticket) => string | Promise<string>);
  /** Acknowledgements to one address per hour. @default 5 */
  maxAcksPerHour?: number;
  /**
   * The locale dates in notifications are written in (BCP 47), e.g.
   * `Fri, 11 Dec 2026, 22:11 UTC`. @default 'en-GB'
   */
  locale?: string;
  /** The IANA time zone of dates in notifications. @default 'UTC' */
  timeZone?: string;
  /** More addresses never written to: the intake's. @default none */
  ownAddresses?: readonly string[];
  /** Told of each failed send; the notifier itself prints nothing. */
  onError?(error: unknown, event: AuditEvent): void;
}

/** A running notifier, made by {@link createMailNotifier}. */
export interface MailNotifier {
  /** Settles when every notification queued so far was sent or failed. */
  idle(): Promise<void>;
  /** Stops listening; queued notifications still go out. */
  stop(): void;
}

interface Decision {
  kind: NotificationKind;
  audience: 'requester' | 'followers';
  body?: string | null;
  answering?: string | null;
  reminder?: number;
}

const STAFF = new Set(['agent', 'supervisor']);

/** Which notification an event makes; internal notes never make one. */
function decide(event: AuditEvent, ticket: Ticket): Decision | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case 'ticket.submitted':
      // Mail tickets are acknowledged on the intake's receipt event;
      // imported history is never acknowledged.
      return ticket.channel === 'email' || ticket.channel === 'import'
        ? null
        : { kind: 'acknowledgement', audience: 'requester' };
    case 'ticket.mail_received':
      return data.acknowledge === true
        ? {
            kind: 'acknowledgement',
            audience: 'requester',
            answering:
              typeof data.messageId === 'string' ? data.messageId : null,
          }
        : null;
    case 'ticket.replied':
      return STAFF.has(event.actor.role) && data.visibility === 'public'
        ? {
            kind: 'reply',
            audience: 'followers',
            body: String(data.body ?? ''),
          }
        : null;
    case 'ticket.pended':
      return ticket.pendingReason === 'requester'
        ? { kind: 'reminder', audience: 'requester', reminder: 0 }
        : null;
    case 'ticket.reminded':
      return {
        kind: 'reminder',
        audience: 'requester',
        reminder: Number(data.reminder ?? 1),
      };
    case 'ticket.resolved':
      return {
        kind: 'resolved',
        audience: 'followers',
        body: ticket.resolution?.note ?? null,
      };
    case 'ticket.closed':
      return { kind: 'closed', audience: 'followers' };
    default:
      return null;
  }
}

function checkOptions(options: MailNotifierOptions): MailAddress {
  if (typeof options?.transport?.send !== 'function') {
    throw new TypeError(
      'createMailNotifier: `transport` with a send() method is required',
    );
  }
  const from =
    typeof options.from === 'string' ? { address: options.from } : options.from;
  if (!from || !EMAIL_PATTERN.test(from.address ?? '')) {
    throw new TypeError('createMailNotifier: `from` must be an email address');
  }
  return { address: from.address.toLowerCase(), name: from.name ?? null };
}

/**
 * Mails requesters (and watchers, for public updates) as the desk's
 * events happen: the acknowledgement of a new ticket, an agent's
 * public reply, a reminder while the ticket waits for them, the
 * resolution, and the closing with a rating link. Every message has
 * text and escaped HTML, `[ref]` in its subject, threading headers and
 * `Auto-Submitted: auto-generated`. Internal notes are never mailed.
 *
 * @example
 * const outbox = createMemoryTransport();
 * const notifier = createMailNotifier(desk, { transport: outbox, from: 'help@desk.example' });
 */
export function createMailNotifier(
  desk: Desk,
  options: MailNotifierOptions,
): MailNotifier {
  const from = checkOptions(options);
  const templates = { ...DEFAULT_TEMPLATES, ...options.templates };
  const maxAcks = options.maxAcksPerHour ?? 5;
  const formatDate = createDateFormat(options);
  const never = new Set([
    from.address,
    ...(options.ownAddresses ?? []).map((a) => a.toLowerCase()),
  ]);
  const { store, siteId } = desk;
  let queue: Promise<void> = Promise.resolve();

  async function audience(ticket: Ticket, event: AuditEvent, d: Decision) {
    const people =
      d.audience === 'followers'
        ? await recipientsFor(desk, ticket, event)
        : await store
            .getRequester(siteId, ticket.requesterId)
            .then((r) =>
              r && !r.erasedAt
                ? [{ email: r.email, name: r.name, as: 'requester' }]
                : [],
            );
    return people.filter(
      (p) => !never.has(p.email.toLowerCase()) && !isDaemonAddress(p.email),
    );
  }

  async function ratingLink(ticket: Ticket): Promise<string | null> {
    const option = options.ratingUrl;
    if (!option || ticket.satisfaction) return null;
    const url =
      typeof option === 'function'
        ? await option(ticket)
        : option
            .replaceAll('{id}', encodeURIComponent(ticket.id))
            .replaceAll('{ref}', encodeURIComponent(ticket.ref));
    return safeUrl(url);
  }

  async function notify(event: AuditEvent, ticket: Ticket, d: Decision) {
    const people = await audience(ticket, event, d);
    const requester = people.find((p) => p.as === 'requester');
    const at = desk.clock.now().toISOString();
    if (d.kind === 'acknowledgement') {
      if (
        !requester ||
        !(await takeAck(store, siteId, requester.email, maxAcks, at))
      )
        return;
    }
    const [first, ...others] = requester
      ? [requester, ...people.filter((p) => p !== requester)]
      : people;
    if (!first) return;
    const view: TemplateView = {
      kind: d.kind,
      ref: ticket.ref,
      subject: ticket.subject,
      deskName: from.name || from.address,
      requesterName: requester?.name ?? null,
      body: d.body ?? null,
      reopenUntil: d.kind === 'resolved' ? ticket.reopenUntil : null,
      reopenUntilText:
        d.kind === 'resolved' && ticket.reopenUntil
          ? formatDate(ticket.reopenUntil)
          : null,
      ratingUrl: d.kind === 'closed' ? await ratingLink(ticket) : null,
      reminder: d.reminder ?? 0,
    };
    const mail = composeMail({
      kind: d.kind,
      ticket,
      from,
      to: [{ address: first.email, name: first.name }],
      cc: others.map((p) => ({ address: p.email, name: p.name })),
      rendered: templates[d.kind](view),
      thread: threadHeaders(
        await threadIds(store, siteId, ticket.id),
        d.answering,
      ),
    });
    // Filed first, so an answer that comes back fast finds its ticket.
    const entry = {
      ticketId: ticket.id,
      messageId: mail.messageId,
      direction: 'out' as const,
    };
    await fileMessageId(store, siteId, entry, at);
    await options.transport.send(mail);
  }

  const unsubscribe = desk.subscribe((event, ticket) => {
    const d = decide(event, ticket);
    if (!d) return;
    queue = queue
      .then(() => notify(event, ticket, d))
      .catch((error: unknown) => options.onError?.(error, event));
  });

  async function idle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = queue;
      await seen;
    } while (seen !== queue);
  }

  return { idle, stop: unsubscribe };
}
