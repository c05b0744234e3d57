import type { PublicTicket } from '@ticketry/core/public';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { TicketApi } from './api.js';
import { replyCheck } from './check/submission-check.js';
import { emit } from './events.js';
import type { Feedback } from './feedback.js';
import type { Localizer } from './i18n/index.js';
import { describeIssue } from './i18n/index.js';
import { LiveTicketController } from './live-ticket.js';
import type { MyTickets } from './my-tickets.js';
import { ReplyFiles } from './reply-files.js';
import { textField } from './text-field.js';
import { TicketActionsController } from './ticket-actions.js';
import {
  bar,
  button,
  changeNotice,
  form,
  hint,
  renderDetails,
} from './ticket-view.js';
import type { StoredTicket } from './token-store.js';

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
  readonly #files: ReplyFiles;
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
    this.#files = new ReplyFiles(host, options.i18n);
    this.#live = new LiveTicketController(host, {
      onTicket: (ticket) => {
        const change = this.#show(ticket);
        if (change) void options.feedback.announce(change);
      },
      onError: (error) => this.#failLoad(error),
    });
    this.#actions = new TicketActionsController(host, {
      ...options,
      show: (ticket) => this.#show(ticket),
      reload: () => this.current && void this.#load(this.current),
    });
  }

  /** Opens `entry`: shows what is known, reads it, and follows it. */
  open(entry: StoredTicket): void {
    const known = this.#o.tickets.summaries.get(entry.id);
    this.current = entry;
    this.#ticket = known && !('error' in known) ? known : null;
    this.#loadError = this.#replyError = null;
    this.#reply = '';
    this.#files.clear();
    this.#files.load(this.#o.api());
    this.#actions.open(entry.id);
    this.follow();
    void this.#load(entry);
    this.#host.requestUpdate();
  }

  /** Leaves the ticket: nothing is followed any more. */
  leave(): void {
    this.current = this.#ticket = null;
    this.follow();
  }

  /** (Re)starts following the open ticket, or stops when none is. */
  follow(): void {
    const entry = this.current;
    const ms = this.#o.pollInterval();
    const pollInterval = Number.isFinite(ms) && ms >= 100 ? ms : 15_000;
    this.#live.follow(entry && { ...entry, api: this.#o.api(), pollInterval });
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
   * Returns what a requester should hear about the change, or ''.
   */
  #show(ticket: PublicTicket): string {
    if (this.current?.id !== ticket.id) return '';
    this.#o.tickets.remember(ticket);
    const before = this.#ticket;
    // Newer: a higher version, or the same one with more messages.
    const newer =
      !before ||
      (ticket.version - before.version ||
        ticket.messages.length - before.messages.length) > 0;
    if (!newer) return '';
    this.#ticket = ticket;
    this.#loadError = null;
    this.#host.requestUpdate();
    if (!before) return '';
    emit(this.#host, 'ticket-updated', ticket);
    return changeNotice(before, ticket, this.#o.i18n);
  }

  /** The tracking view of the open ticket. */
  render(): TemplateResult | null {
    const entry = this.current;
    if (!entry) return null;
    const ticket = this.#ticket;
    const { t } = this.#o.i18n;
    // The requester's subject in <bdi>: its direction stays its own.
    const title = ticket
      ? html`${entry.ref}: <bdi>${ticket.subject}</bdi>`
      : entry.ref;
    return html`
      <section part="ticket" aria-labelledby="ticket-heading">
        ${bar(button('back', t.back, false, () => this.#o.back()))}
        <h2 id="ticket-heading" tabindex="-1">${title}</h2>
        ${
          this.#loadError
            ? html`<div class="alert" part="alert" role="alert">
              <p>${this.#loadError}</p>
              ${button('forget', t.forget, false, () => this.#forget())}
            </div>`
            : nothing
        }
        ${
          ticket
            ? this.#details(entry, ticket)
            : html`<p aria-busy="true">${t.loading}</p>`
        }
      </section>
    `;
  }

  /** What is known of the ticket, its actions, and the reply form. */
  #details(entry: StoredTicket, ticket: PublicTicket) {
    const { i18n } = this.#o;
    const { t } = i18n;
    const v = this.#actions.view(entry, ticket);
    const sending = this.#replySending;
    return [
      renderDetails(ticket, i18n, v.actions, (file) =>
        this.#o.api().fileUrl(entry.id, entry.token, file),
      ),
      v.canReply
        ? form('reply', (event) => void this.#sendReply(event), [
            textField({
              id: 'reply',
              name: 'reply',
              label: t.yourReply,
              value: this.#reply,
              required: true,
              hint: v.hint,
              error: this.#replyError,
              onInput: (value) => {
                this.#reply = value;
                this.#replyError = null;
                this.#host.requestUpdate();
              },
            }),
            this.#files.render(),
            bar(button('reply', sending ? t.sending : t.sendReply, sending)),
          ])
        : hint(v.hint),
    ];
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
    this.#loadError = this.#o.feedback.fail(error);
    this.#host.requestUpdate();
  }

  async #sendReply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const entry = this.current;
    if (!entry || this.#replySending) return;
    const { i18n, feedback } = this.#o;
    const { t } = i18n;
    const files = this.#files;
    const checked = replyCheck.safeParse({ body: this.#reply });
    const fileError = files.check();
    // The first field with an error takes the focus.
    let field = '#reply';
    if (checked.success && !fileError) {
      this.#replySending = true;
      this.#host.requestUpdate();
      const api = this.#o.api();
      const { body } = checked.data;
      try {
        const { ids, key } = await files.upload(api);
        const { ticket, followUpToken } = await api.reply(
          entry.id,
          entry.token,
          body,
          ids,
          key,
        );
        this.#reply = '';
        this.#replyError = null;
        files.clear();
        if (followUpToken) {
          return this.#openFollowUp(entry, ticket, followUpToken);
        }
        void feedback.announce(`${t.replySent} ${this.#show(ticket)}`.trim());
      } catch (error) {
        const message = feedback.fail(error);
        // The text stays; the files' failures show under the picker.
        if (files.took(error, message)) field = '#reply-files';
        else this.#replyError = message;
      } finally {
        this.#replySending = false;
      }
    } else if (checked.success) {
      field = '#reply-files';
    } else {
      this.#replyError = describeIssue(
        checked.error.issues[0]!,
        t,
        i18n.format,
      );
    }
    this.#host.requestUpdate();
    await feedback.focus(field);
  }

  /** A reply to a closed ticket opened a new one: keep it and show it. */
  #openFollowUp(from: StoredTicket, ticket: PublicTicket, token: string) {
    const { id, ref } = ticket;
    const { tickets, feedback, i18n } = this.#o;
    const entry = { id, ref, token };
    tickets.keep(entry);
    tickets.remember(ticket);
    emit(this.#host, 'ticket-submitted', { id, ref });
    this.open(entry);
    void feedback.focus('#ticket-heading');
    void feedback.announce(
      i18n.format(i18n.t.followUp, { from: from.ref, ref }),
    );
  }

  #forget(): void {
    const entry = this.current;
    if (!entry) return;
    const { tickets, feedback, i18n } = this.#o;
    tickets.remove(entry.id);
    void feedback.announce(i18n.format(i18n.t.forgotten, { ref: entry.ref }));
    this.#o.back();
  }
}
