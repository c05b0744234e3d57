import type { PublicTicket } from '@ticketry/core/public';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { TicketApi } from './api.js';
import { FIELD_ORDER } from './draft.js';
import { emit } from './events.js';
import { renderExtras } from './extras-view.js';
import type { Feedback } from './feedback.js';
import { renderForm } from './form-view.js';
import { Honeypot, renderHoneypot } from './honeypot.js';
import type { Localizer } from './i18n/index.js';
import type { MyTickets } from './my-tickets.js';
import { OutboxController } from './outbox-controller.js';
import type { PrefillValues } from './prefill.js';
import { clearOutbox } from './sign-out.js';
import { SubmissionController } from './submission.js';
import { SuggestionsHost } from './suggestions-host.js';

/** The ticket a submission made, as the confirmation shows it. */
export interface Submitted {
  id: string;
  ref: string;
  /** False when the device refused to keep the access token. */
  saved: boolean;
}

/** What {@link FormController} needs from its element. */
export interface FormOptions {
  api(): TicketApi;
  endpoint(): string;
  i18n: Localizer;
  feedback: Feedback;
  tickets: MyTickets;
  /** A submission made its ticket: show the confirmation. */
  submitted(ticket: Submitted): void;
  /** Whether to suggest answers while the requester types. */
  suggest(): boolean;
}

/**
 * The submission form end to end: the draft and its validation, the
 * desk's form, the offline queue, and what happens after each press of
 * the submit button (announcement, focus, events).
 */
export class FormController {
  /** The honeypot's value, sent only when something filled it. */
  readonly trap = new Honeypot();
  readonly #host: HTMLElement;
  readonly #o: FormOptions;
  readonly #draft: SubmissionController;
  readonly #outbox: OutboxController;
  readonly #suggestions: SuggestionsHost;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: FormOptions,
  ) {
    this.#host = host;
    this.#o = options;
    const { i18n, feedback, tickets } = options;
    this.#outbox = new OutboxController(host, {
      api: options.api,
      endpoint: options.endpoint,
      sent: ({ ticket, accessToken }) => {
        this.#keep(ticket, accessToken);
        const { sentLater } = i18n.t.submitting;
        const text = i18n.format(sentLater, { ref: ticket.ref });
        this.#draft.notice = text;
        void feedback.announce(text);
      },
      dropped: (error) => {
        const message = feedback.report(error);
        void feedback.announce(
          i18n.format(i18n.t.submitting.droppedLater, { message }),
        );
      },
      waiting: (error) => {
        // Still saved: the note says why it has not gone out yet.
        const message = feedback.report(error);
        this.#draft.notice = message;
        void feedback.announce(message);
      },
    });
    this.#draft = new SubmissionController(host, i18n, {
      outbox: this.#outbox,
      requester: () => tickets.identity.requester(),
      describe: (error) => feedback.describe(error),
    });
    this.#suggestions = new SuggestionsHost({
      host,
      endpoint: options.endpoint,
      i18n,
      announce: (text) => void feedback.announce(text),
      clear: () => this.#draft.restart(),
      enabled: options.suggest,
    });
  }

  /** A new endpoint: loads its form and sends what waits offline for it. */
  connect(): void {
    void this.#draft.loadForm(this.#o.api());
    // Opening IndexedDB is not needed for the first paint: a task later.
    setTimeout(() => void this.#outbox.flush());
  }

  /** See `TicketWidget.prefill`. */
  prefill(values: PrefillValues): void {
    this.#draft.prefill(values);
  }

  /** Forgets the last failure message, as when leaving the form. */
  clearFailure(): void {
    this.#draft.clearFailure();
  }

  /** Empties the draft and drops what waits offline, as at sign-out. */
  async clear(): Promise<void> {
    this.#draft.clear();
    await clearOutbox(this.#o.endpoint());
  }

  /**
   * The form with the desk's custom fields and attachments, and the
   * hidden honeypot input named `honeypot` when that is set.
   */
  render(
    categories: readonly string[],
    honeypot: string,
    partial = false,
  ): TemplateResult {
    const form = this.#draft;
    return renderForm(form, {
      categories,
      partial,
      requester: this.#o.tickets.identity.requester(),
      extra: [renderExtras(form), renderHoneypot(honeypot, this.trap)],
      suggestions: this.#suggestions.render(),
      onInput: (field, value) => {
        form.edit(field, value);
        if (field === 'subject' || field === 'description') {
          this.#suggestions.typed(form.draft.subject, form.draft.description);
        }
      },
      onSubmit: (event) => void this.#submit(event),
    });
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { feedback, i18n } = this.#o;
    const outcome = await this.#draft.submit(this.#o.api());
    switch (outcome.kind) {
      case 'busy':
        return;
      case 'queued':
        this.#draft.notice = i18n.t.submitting.queued;
        void feedback.announce(i18n.t.submitting.queued);
        await feedback.regain('[part~="submit-button"]');
        return;
      case 'invalid':
        void feedback.announce(i18n.t.fixFields);
        await this.#focusFirstError();
        return;
      case 'failed':
        // The alert says what happened; an earlier "submitted" is stale.
        feedback.quiet();
        feedback.report(outcome.error);
        if (!(await this.#focusFirstError())) {
          await feedback.focus('[part~="submit-button"]');
        }
        return;
    }
    const { ticket, accessToken } = outcome.result;
    const { id, ref } = ticket;
    const saved = this.#keep(ticket, accessToken);
    this.#o.submitted({ id, ref, saved });
    this.#suggestions.submitted(id, accessToken);
    const { t, format } = i18n;
    void feedback.announce(format(t.submitted, { ref }));
    await feedback.focus('#confirmation-heading');
  }

  /**
   * A new ticket: keeps its token and what it says, and tells the page
   * (`ticket-submitted`). False when the device refused the token.
   */
  #keep(ticket: PublicTicket, accessToken: string): boolean {
    const { tickets } = this.#o;
    const { id, ref } = ticket;
    const saved = tickets.keep({ id, ref, token: accessToken });
    tickets.remember(ticket);
    emit(this.#host, 'ticket-submitted', { id, ref });
    return saved;
  }

  async #focusFirstError(): Promise<boolean> {
    const { errors } = this.#draft;
    const { feedback } = this.#o;
    const ids = [...FIELD_ORDER, ...Object.keys(errors.fields)];
    const field = ids.find((f) => errors.fields[f]);
    if (field) return feedback.focus(`#${field}`);
    if (errors.other.length) return feedback.focus('#form-error');
    return false;
  }
}
