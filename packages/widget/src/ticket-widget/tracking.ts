import type { PublicTicket } from '@ticketry/core/public';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { TicketApi } from './api.js';
import type { Feedback } from './feedback.js';
import type { Localizer } from './i18n/index.js';
import { LiveTicketController } from './live-ticket.js';
import type { MyTickets } from './my-tickets.js';
import { TicketActionsController } from './ticket-actions.js';
import { renderTicket } from './ticket-view.js';
import type { StoredTicket } from './token-store.js';
import {
  describeIssue,
  describeStatus,
  emit,
  replyCheck,
} from './tracking-kit.js';

/** What {@link Tracking} needs from its element. */
export interface TrackingOptions {
  api(): TicketApi;
  i18n: Localizer;
  feedback: Feedback;
  tickets: MyTickets;
  /** Milliseconds between polls while the stream is down. */
  pollInterval(): number;
  /** Leaves the ticket for My requests (back, forget). */
  back(): void;
}

/**
 * One ticket on screen: read, followed live (stream, else polling),
 * replied to, and answered (accept, reject, rate). Newer versions win;
 * status changes and support's replies are announced.
 */
export class Tracking {
  /** The ticket open on screen, or null when another view shows. */
  current: StoredTicket | null = null;
  #ticket: PublicTicket | null = null;
  #loadError: string | null = null;
  #reply = '';
  #replyError: string | null = null;
  #replySending = false;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #o: TrackingOptions;
  readonly #live: LiveTicketController;
  readonly #actions: TicketActionsController;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: TrackingOptions,
  ) {
    this.#host = host;
    this.#o = options;
    const { feedback } = options;
    this.#live = new LiveTicketController(host, {
      onTicket: (ticket) => {
        const change = this.#show(ticket);
        if (change) void feedback.announce(change);
      },
      onError: (error) => this.#failLoad(error),
    });
    this.#actions = new TicketActionsController(host, {
      ...options,
      show: (ticket) => void this.#show(ticket),
      reload: () => this.current && void this.#load(this.current),
    });
  }

  /** Opens `entry`: shows what is known, reads it, and follows it. */
  open(entry: StoredTicket): void {
    const known = this.#o.tickets.summaries.get(entry.id);
    this.current = entry;
    this.#ticket = known && !('error' in known) ? known : null;
    this.#loadError = null;
    this.#reply = '';
    this.#replyError = null;
    this.#actions.open(entry.id);
    this.follow();
    void this.#load(entry);
    this.#host.requestUpdate();
  }

  /** Leaves the ticket: nothing is followed any more. */
  leave(): void {
    this.current = null;
    this.#ticket = null;
    this.follow();
  }

  /** (Re)starts following the open ticket, or stops when none is. */
  follow(): void {
    const entry = this.current;
    const pollInterval = clampInterval(this.#o.pollInterval());
    this.#live.follow(
      entry
        ? { api: this.#o.api(), id: entry.id, token: entry.token, pollInterval }
        : null,
    );
  }

  /**
   * The identity token changed from `before` to `token`: a ticket it
   * opened follows with the new one, or closes at sign-out.
   */
  reidentify(before: string | null, token: string | null): void {
    if (!before || this.current?.token !== before) return;
    if (!token) {
      this.#o.back();
      return;
    }
    this.current = { ...this.current, token };
    this.follow();
  }

  /**
   * Shows a ticket unless an equal or newer version is already shown.
   * Returns what a requester should hear about the change, if anything.
   */
  #show(ticket: PublicTicket): string | null {
    if (this.current?.id !== ticket.id) return null;
    this.#o.tickets.remember(ticket);
    const before = this.#ticket;
    if (before && !isNewer(ticket, before)) return null;
    this.#ticket = ticket;
    this.#loadError = null;
    this.#host.requestUpdate();
    if (!before) return null;
    emit(this.#host, 'ticket-updated', ticket);
    const { t, format } = this.#o.i18n;
    const status = describeStatus(ticket.status, ticket.pendingReason, t);
    if (status !== describeStatus(before.status, before.pendingReason, t)) {
      return format(t.nowStatus, { ref: ticket.ref, status });
    }
    if (countAgent(ticket) > countAgent(before)) {
      return format(t.newReply, { ref: ticket.ref });
    }
    return null;
  }

  /** The tracking view of the open ticket. */
  render(): TemplateResult | null {
    const entry = this.current;
    if (!entry) return null;
    const api = this.#o.api();
    return renderTicket({
      entry,
      ticket: this.#ticket,
      loadError: this.#loadError,
      reply: this.#reply,
      replyError: this.#replyError,
      replySending: this.#replySending,
      i18n: this.#o.i18n,
      fileUrl: (file) => api.fileUrl(entry.id, entry.token, file),
      tracking: this.#ticket
        ? this.#actions.view(entry, this.#ticket)
        : undefined,
      onBack: () => this.#o.back(),
      onForget: () => this.#forget(),
      onReplyInput: (value) => {
        this.#reply = value;
        this.#replyError = null;
        this.#host.requestUpdate();
      },
      onReply: (event) => void this.#sendReply(event),
    });
  }

  async #load(entry: StoredTicket): Promise<void> {
    try {
      const ticket = await this.#o.api().get(entry.id, entry.token);
      if (this.current?.id !== entry.id) return;
      this.#loadError = null;
      this.#show(ticket);
      this.#host.requestUpdate();
    } catch (error) {
      if (this.current?.id === entry.id) this.#failLoad(error);
    }
  }

  #failLoad(error: unknown): void {
    this.#o.feedback.fail(error, (message) => (this.#loadError = message));
    this.#host.requestUpdate();
  }

  async #sendReply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const entry = this.current;
    if (!entry || this.#replySending) return;
    const { i18n, feedback } = this.#o;
    const checked = replyCheck.safeParse({ body: this.#reply });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      this.#replyError = issue
        ? describeIssue(issue, i18n.t)
        : i18n.t.writeReply;
      this.#host.requestUpdate();
      await feedback.focus('#reply');
      return;
    }
    this.#replySending = true;
    this.#host.requestUpdate();
    try {
      const { ticket, followUpToken } = await this.#o
        .api()
        .reply(entry.id, entry.token, checked.data.body);
      this.#reply = '';
      this.#replyError = null;
      if (followUpToken)
        return this.#openFollowUp(entry, ticket, followUpToken);
      const change = this.#show(ticket);
      const sent = i18n.t.replySent;
      void feedback.announce(change ? `${sent} ${change}` : sent);
    } catch (error) {
      feedback.fail(error, (message) => (this.#replyError = message));
    } finally {
      this.#replySending = false;
      this.#host.requestUpdate();
    }
    await feedback.focus('#reply');
  }

  /** A reply to a closed ticket opened a new one: keep it and show it. */
  #openFollowUp(from: StoredTicket, ticket: PublicTicket, token: string) {
    const entry = { id: ticket.id, ref: ticket.ref, token };
    const { tickets, feedback, i18n } = this.#o;
    tickets.keep(entry);
    tickets.remember(ticket);
    emit(this.#host, 'ticket-submitted', { id: ticket.id, ref: ticket.ref });
    this.open(entry);
    void feedback.focus('#ticket-heading');
    const { t, format } = i18n;
    void feedback.announce(
      format(t.followUp, { from: from.ref, ref: ticket.ref }),
    );
  }

  #forget(): void {
    const entry = this.current;
    if (!entry) return;
    this.#o.tickets.remove(entry.id);
    const { t, format } = this.#o.i18n;
    void this.#o.feedback.announce(format(t.forgotten, { ref: entry.ref }));
    this.#o.back();
  }
}

function clampInterval(ms: number): number {
  return Number.isFinite(ms) && ms >= 100 ? ms : 15_000;
}

function isNewer(next: PublicTicket, shown: PublicTicket): boolean {
  if (next.version !== shown.version) return next.version > shown.version;
  return next.messages.length > shown.messages.length;
}

function countAgent(ticket: PublicTicket): number {
  return ticket.messages.filter((m) => m.author === 'agent').length;
}
